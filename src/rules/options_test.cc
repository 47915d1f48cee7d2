// Each rule option changes what its rule reports: the same text is checked
// with the declared defaults and with the option set.
#include "rules/options.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "compose/loader.h"
#include "rules/registry.h"
#include "rules/run.h"

namespace pf::rules {
namespace {

// Lines of the findings of `id` for a Dockerfile text; `options` null
// means the rule's defaults.
std::vector<int> DockerLines(const std::string& id, const std::string& text,
                             const RuleOptions* options) {
  const Rule* builtin = FindRule(id);
  EXPECT_NE(builtin, nullptr) << id;
  if (builtin == nullptr) return {};
  Rule rule = *builtin;
  rule.options = options;
  std::vector<Finding> findings;
  std::vector<std::string> errors;
  RunDockerRules(SourceFile("Dockerfile", text), {&rule}, {}, &findings, &errors);
  EXPECT_TRUE(errors.empty());
  std::vector<int> lines;
  for (const Finding& f : findings) lines.push_back(f.range.start.line);
  std::sort(lines.begin(), lines.end());
  return lines;
}

std::vector<int> ComposeLines(const std::string& id, const std::string& text,
                              const RuleOptions* options) {
  const Rule* builtin = FindRule(id);
  EXPECT_NE(builtin, nullptr) << id;
  if (builtin == nullptr) return {};
  Rule rule = *builtin;
  rule.options = options;
  compose::LoadOptions load;
  load.use_dotenv = false;
  std::vector<Finding> findings;
  std::vector<std::string> errors;
  RunComposeRules(SourceFile("compose.yml", text), {&rule}, load, &findings, &errors);
  EXPECT_TRUE(errors.empty());
  std::vector<int> lines;
  for (const Finding& f : findings) lines.push_back(f.range.start.line);
  std::sort(lines.begin(), lines.end());
  return lines;
}

RuleOptions With(const std::string& id, const std::string& name, OptionValue value) {
  RuleOptions options = DefaultOptions(FindRule(id)->meta.options);
  options.Set(name, std::move(value));
  return options;
}

using Lines = std::vector<int>;
using Names = std::vector<std::string>;

TEST(RuleOptions, EveryOptionIsDeclaredWithADescription) {
  int declared = 0;
  for (const Rule* rule : AllRules()) {
    for (const OptionSpec& spec : rule->meta.options) {
      EXPECT_FALSE(spec.description.empty()) << rule->meta.id << "." << spec.name;
      EXPECT_NE(spec.name, "severity") << rule->meta.id;
      ++declared;
    }
  }
  EXPECT_GE(declared, 13);
}

TEST(RuleOptions, AllowedPortsSilencesListedExposedPorts) {
  const std::string text = "FROM nginx:1.27\nEXPOSE 80\nEXPOSE 443 8080\nEXPOSE 79-81\n";
  EXPECT_EQ(DockerLines("DOCKER-AUD-003", text, nullptr), (Lines{2, 3, 4}));
  RuleOptions allowed = With("DOCKER-AUD-003", "allowed_ports", std::vector<int>{80, 443});
  // The range still holds 79 and 81, which are not allowed.
  EXPECT_EQ(DockerLines("DOCKER-AUD-003", text, &allowed), (Lines{4}));
}

TEST(RuleOptions, AllowedPortsSilencesListedPublishedPorts) {
  const std::string text =
      "services:\n  proxy:\n    image: nginx:1.27\n    ports:\n      - \"80:8080\"\n"
      "      - \"22:22\"\n";
  EXPECT_EQ(ComposeLines("COMPOSE-SEC-100", text, nullptr), (Lines{5, 6}));
  RuleOptions allowed = With("COMPOSE-SEC-100", "allowed_ports", std::vector<int>{80});
  EXPECT_EQ(ComposeLines("COMPOSE-SEC-100", text, &allowed), (Lines{6}));
}

TEST(RuleOptions, TrustedRegistriesSilenceTheImageRules) {
  const std::string text =
      "FROM registry.acme.test/base/debian\nFROM ghcr.io/acme/tool:latest\nFROM ubuntu\n";
  for (const char* id : {"DOCKER-BP-001", "DOCKER-BP-015", "DOCKER-AUD-001"}) {
    EXPECT_EQ(DockerLines(id, text, nullptr), (Lines{1, 2, 3})) << id;
    RuleOptions trusted =
        With(id, "trusted_registries", Names{"registry.acme.test", "ghcr.io/acme/"});
    EXPECT_EQ(DockerLines(id, text, &trusted), (Lines{3})) << id;
    RuleOptions hub = With(id, "trusted_registries", Names{"docker.io/library"});
    EXPECT_EQ(DockerLines(id, text, &hub), (Lines{1, 2})) << id;
  }
  // A prefix of a name is not a registry path: ghcr.io/acm is not ghcr.io/acme.
  RuleOptions partial = With("DOCKER-BP-001", "trusted_registries", Names{"ghcr.io/acm"});
  EXPECT_EQ(DockerLines("DOCKER-BP-001", text, &partial), (Lines{1, 2, 3}));
}

TEST(RuleOptions, AllowedTagsAcceptListedTags) {
  const std::string text = "FROM debian:latest\nFROM alpine\nFROM node:22-slim\n";
  RuleOptions latest = With("DOCKER-BP-001", "allowed_tags", Names{"latest"});
  EXPECT_EQ(DockerLines("DOCKER-BP-001", text, nullptr), (Lines{1, 2}));
  EXPECT_EQ(DockerLines("DOCKER-BP-001", text, &latest), Lines{});
  // Digest pinning: tags matching a prefix pattern are accepted as they are.
  EXPECT_EQ(DockerLines("DOCKER-AUD-001", text, nullptr), (Lines{1, 2, 3}));
  RuleOptions node = With("DOCKER-AUD-001", "allowed_tags", Names{"22-*"});
  EXPECT_EQ(DockerLines("DOCKER-AUD-001", text, &node), (Lines{1, 2}));
}

TEST(RuleOptions, ComposeImageHonoursBothImageOptions) {
  const std::string text =
      "services:\n  a:\n    image: redis\n  b:\n    image: registry.acme.test/app:latest\n";
  EXPECT_EQ(ComposeLines("COMPOSE-SEC-106", text, nullptr), (Lines{3, 5}));
  RuleOptions trusted = With("COMPOSE-SEC-106", "trusted_registries", Names{"registry.acme.test"});
  EXPECT_EQ(ComposeLines("COMPOSE-SEC-106", text, &trusted), (Lines{3}));
  RuleOptions latest = With("COMPOSE-SEC-106", "allowed_tags", Names{"latest"});
  EXPECT_EQ(ComposeLines("COMPOSE-SEC-106", text, &latest), Lines{});
}

TEST(RuleOptions, SudoAllowedInBuildStagesOnly) {
  const std::string text =
      "FROM debian:12 AS build\nRUN sudo make\nRUN [\"sudo\", \"make\", \"install\"]\n"
      "FROM debian:12\nRUN sudo apt-get update\n";
  EXPECT_EQ(DockerLines("DOCKER-SEC-007", text, nullptr), (Lines{2, 3, 5}));
  RuleOptions allow = With("DOCKER-SEC-007", "allow_in_build_stages", true);
  EXPECT_EQ(DockerLines("DOCKER-SEC-007", text, &allow), (Lines{5}));
}

TEST(RuleOptions, SecretNamesCanBeExtendedAndAllowed) {
  const std::string text = "FROM debian:12\nARG SESSION_SEED\nARG GITHUB_TOKEN\nARG DB_PASSWORD\n";
  EXPECT_EQ(DockerLines("DOCKER-SEC-005", text, nullptr), (Lines{3, 4}));
  RuleOptions extra = With("DOCKER-SEC-005", "extra_names", Names{"*_seed"});
  EXPECT_EQ(DockerLines("DOCKER-SEC-005", text, &extra), (Lines{2, 3, 4}));
  RuleOptions allowed = With("DOCKER-SEC-005", "allowed_names", Names{"github_token"});
  EXPECT_EQ(DockerLines("DOCKER-SEC-005", text, &allowed), (Lines{4}));

  const std::string env = "FROM debian:12\nENV SESSION_SEED=abc123\nENV API_TOKEN=abc123\n";
  RuleOptions env_opts = With("DOCKER-SEC-102", "extra_names", Names{"SESSION_SEED"});
  env_opts.Set("allowed_names", Names{"API_TOKEN"});
  EXPECT_EQ(DockerLines("DOCKER-SEC-102", env, nullptr), (Lines{3}));
  EXPECT_EQ(DockerLines("DOCKER-SEC-102", env, &env_opts), (Lines{2}));

  const std::string compose =
      "services:\n  app:\n    image: app:1\n    environment:\n      SESSION_SEED: abc\n"
      "      API_TOKEN: abc\n";
  RuleOptions compose_opts = With("COMPOSE-SEC-103", "extra_names", Names{"SESSION_SEED"});
  compose_opts.Set("allowed_names", Names{"API_TOKEN"});
  EXPECT_EQ(ComposeLines("COMPOSE-SEC-103", compose, nullptr), (Lines{6}));
  EXPECT_EQ(ComposeLines("COMPOSE-SEC-103", compose, &compose_opts), (Lines{5}));
}

TEST(RuleOptions, FormatsValuesAsYaml) {
  EXPECT_EQ(FormatOptionValue(false), "false");
  EXPECT_EQ(FormatOptionValue(std::vector<int>{80, 443}), "[80, 443]");
  EXPECT_EQ(FormatOptionValue(Names{"a", "b"}), "[\"a\", \"b\"]");
  EXPECT_EQ(FormatOptionValue(Names{}), "[]");
}

}  // namespace
}  // namespace pf::rules
