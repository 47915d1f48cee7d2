// End-to-end: user rule files (--rules, rules-paths, `rules test`) through
// the real binary, from docs/custom-rules.md's specification.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "e2e_util.h"

namespace pf::e2e {
namespace {

namespace fs = std::filesystem;

const std::string kFixtures = std::string(PF_SOURCE_DIR) + "/tests/fixtures/custom";
const std::string kAcme = kFixtures + "/acme.yml";

// A one-rule file around `body` (the rule's keys after `id`, indented 4).
std::string OneRule(const std::string& id, const std::string& body) {
  return "rules:\n  - id: " + id + "\n" + body;
}

// The unsuppressed findings of a JSON report as (rule id, line, message).
std::vector<std::tuple<std::string, int, std::string>> Findings(const std::string& json) {
  std::vector<std::tuple<std::string, int, std::string>> out;
  nlohmann::json doc = nlohmann::json::parse(json);
  for (const auto& f : doc["results"]) {
    if (f.contains("suppressed")) continue;
    out.emplace_back(f["rule_id"].get<std::string>(), f["location"]["line"].get<int>(),
                     f["message"].get<std::string>());
  }
  return out;
}

RunResult ScanWith(const TempDir& dir, const std::string& rules, const std::string& dockerfile,
                   std::vector<std::string> extra = {}) {
  dir.Write("rules.yml", rules);
  dir.Write("Dockerfile", dockerfile);
  std::vector<std::string> args = {"scan",
                                   "--no-config",
                                   "-o",
                                   "json",
                                   "--rules",
                                   dir.path() + "/rules.yml",
                                   dir.path() + "/Dockerfile"};
  args.insert(args.end(), extra.begin(), extra.end());
  return RunPathfinder(args);
}

TEST(CustomRules, IssueExampleFiresOnlyInTheFinalStageWithResolvedPort) {
  RunResult r = RunPathfinder({"scan", "--no-config", "-o", "json", "--rules", kAcme, "--ruleset",
                               "ACME-DOCKER-001", kFixtures + "/Dockerfile.admin"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto found = Findings(r.out);
  ASSERT_EQ(found.size(), 1u) << r.out;
  EXPECT_EQ(std::get<0>(found[0]), "ACME-DOCKER-001");
  EXPECT_EQ(std::get<1>(found[0]), 5);  // the EXPOSE of the final stage, via ARG ADMIN
  EXPECT_EQ(std::get<2>(found[0]), "EXPOSE of admin port 9000/tcp");
}

TEST(CustomRules, InlineSuppressionNamesACustomRule) {
  TempDir dir;
  dir.Write("Dockerfile",
            "FROM alpine:3.20\n# pathfinder-ignore ACME-DOCKER-001 -- admin port behind a VPN\n"
            "EXPOSE 9000\n");
  RunResult r = RunPathfinder({"scan", "--no-config", "-o", "json", "--rules", kAcme, "--ruleset",
                               "ACME-DOCKER-001", dir.path() + "/Dockerfile"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json doc = nlohmann::json::parse(r.out);
  ASSERT_EQ(doc["results"].size(), 1u) << r.out;
  EXPECT_EQ(doc["results"][0]["suppressed"]["justification"], "admin port behind a VPN");
  EXPECT_TRUE(doc["errors"].empty()) << r.out;
  EXPECT_EQ(doc["summary"]["suppressed"]["inline"], 1);
}

TEST(CustomRules, JoinBuiltInRulesUnlessOnlyCustomOnesAreNamed) {
  TempDir dir;
  const std::string file = "FROM alpine:3.20\nEXPOSE 22\nEXPOSE 9000\n";
  dir.Write("Dockerfile", file);
  RunResult all = RunPathfinder(
      {"scan", "--no-config", "-o", "json", "--rules", kAcme, dir.path() + "/Dockerfile"});
  std::set<std::string> ids;
  for (const auto& f : Findings(all.out)) ids.insert(std::get<0>(f));
  EXPECT_TRUE(ids.contains("ACME-DOCKER-001")) << all.out;
  EXPECT_GT(ids.size(), 1u) << all.out;
  RunResult ignored = RunPathfinder({"scan", "--no-config", "-o", "json", "--rules", kAcme,
                                     "--ignore", "ACME-DOCKER-001", dir.path() + "/Dockerfile"});
  for (const auto& f : Findings(ignored.out)) EXPECT_NE(std::get<0>(f), "ACME-DOCKER-001");
}

TEST(CustomRules, FolderAndRepeatedFlag) {
  TempDir dir;
  dir.Write("Dockerfile", "FROM alpine:3.20\nEXPOSE 9000\n");
  dir.Write("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n    privileged: true\n");
  RunResult r = RunPathfinder({"scan", "--no-config", "-o", "json", "--rules", kAcme, "--rules",
                               kFixtures + "/compose", "--ruleset", "custom", dir.path()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::set<std::string> ids;
  for (const auto& f : Findings(r.out)) ids.insert(std::get<0>(f));
  EXPECT_EQ(ids, (std::set<std::string>{"ACME-DOCKER-001", "ACME-COMPOSE-001"})) << r.out;
}

TEST(CustomRules, ConfigRulesPaths) {
  TempDir dir;
  dir.Write("Dockerfile", "FROM alpine:3.20\nEXPOSE 9000\n");
  std::ifstream in(kAcme);
  std::stringstream text;
  text << in.rdbuf();
  dir.Write("policy/acme.yml", text.str());
  dir.Write(".pathfinder.yml", "rules-paths: [policy]\n");
  RunResult r =
      RunPathfinder({"scan", "-o", "json", "--ruleset", "ACME-DOCKER-001", "."}, dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Findings(r.out).size(), 1u) << r.out;
}

TEST(CustomRules, FailOnCountsCustomSeverities) {
  TempDir dir;
  dir.Write("Dockerfile", "FROM alpine:3.20\nEXPOSE 9000\n");
  RunResult r = RunPathfinder({"scan", "--no-config", "--rules", kAcme, "--ruleset",
                               "ACME-DOCKER-001", "--fail-on", "high", dir.path() + "/Dockerfile"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
}

TEST(CustomRules, SarifCarriesTheRuleMetadata) {
  TempDir dir;
  dir.Write("Dockerfile", "FROM alpine:3.20\nEXPOSE 9000\n");
  RunResult r = RunPathfinder({"scan", "--no-config", "-o", "sarif", "--rules", kAcme, "--ruleset",
                               "ACME-DOCKER-001", dir.path() + "/Dockerfile"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json sarif = nlohmann::json::parse(r.out);
  const auto& rules = sarif["runs"][0]["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(rules[0]["id"], "ACME-DOCKER-001");
  EXPECT_EQ(rules[0]["name"], "InternalAdminPortExposed");
  EXPECT_EQ(sarif["runs"][0]["results"][0]["ruleId"], "ACME-DOCKER-001");
}

TEST(CustomRules, ListShowAndTest) {
  RunResult list = RunPathfinder({"rules", "list", "--rules", kAcme});
  EXPECT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("ACME-DOCKER-001"), std::string::npos);
  EXPECT_NE(list.out.find("DOCKER-AUD-003"), std::string::npos);
  RunResult show = RunPathfinder({"rules", "show", "ACME-DOCKER-001", "--rules", kAcme});
  EXPECT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find("Internal admin port exposed"), std::string::npos);
  EXPECT_NE(show.out.find("CWE-284"), std::string::npos);
  EXPECT_NE(show.out.find("EXPOSE 9000"), std::string::npos);
  RunResult test = RunPathfinder({"rules", "test", kAcme});
  EXPECT_EQ(test.exit_code, 0) << test.out << test.err;
  EXPECT_NE(test.out.find("ACME-DOCKER-001  bad      pass"), std::string::npos) << test.out;
  EXPECT_NE(test.out.find("1 rules, 2 examples, 0 failed"), std::string::npos) << test.out;
}

TEST(CustomRules, RulesTestReportsFailingExamples) {
  TempDir dir;
  dir.Write("r.yml", OneRule("T-1",
                             "    severity: low\n    message: m\n"
                             "    examples: {bad: \"FROM alpine:3.20\\n\", good: \"FROM "
                             "alpine:3.20\\nUSER root\\n\"}\n"
                             "    dockerfile: {instruction: {type: USER}}\n"));
  RunResult r = RunPathfinder({"rules", "test", dir.path() + "/r.yml"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("T-1   bad      FAIL  examples.bad does not fire"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("examples.good fires (1 finding)"), std::string::npos) << r.out;
  // A scan refuses the rule: its examples disagree with it.
  RunResult scan = RunPathfinder({"scan", "--no-config", "--rules", dir.path() + "/r.yml", "."});
  EXPECT_EQ(scan.exit_code, 2);
  EXPECT_NE(scan.err.find("r.yml:5:21: rule T-1: examples.bad does not fire"), std::string::npos)
      << scan.err;
}

// Each mistake: the rule text and the error expected on stderr.
struct Mistake {
  std::string rules;
  std::string error;
};

TEST(CustomRules, EveryMistakeIsAnErrorWithPositionAndNearestKey) {
  const std::string ok = "    severity: low\n    message: m\n";
  const std::vector<Mistake> cases = {
      {OneRule("A-1", "    severty: low\n    message: m\n    dockerfile: {instruction: USER}\n"),
       "rules.yml:3:5: rule: unknown key 'severty'; did you mean 'severity'?"},
      {OneRule("A-1", ok + "    dockerfile: {instruction: {type: EXPOSE, prot: 22}}\n"),
       "rules.yml:5:46: instruction: unknown key 'prot'; did you mean 'port'?"},
      {OneRule("A-1", ok + "    dockerfile: {instruction: {type: EXPOSE, port: many}}\n"),
       "rules.yml:5:52: instruction.port must be a whole number"},
      {OneRule("A-1", ok + "    dockerfile: {instruction: {regex: 'a(b'}}\n"),
       "rules.yml:5:39: instruction.regex: bad regular expression 'a(b': missing ): a(b"},
      {OneRule("A-1", ok + "    dockerfile: {instruction: {type: EXPOZE}}\n"),
       "unknown instruction 'EXPOZE'; did you mean 'EXPOSE'?"},
      {OneRule("A-1", ok + "    dockerfile: {instructoin: USER}\n"),
       "rules.yml:5:18: unknown matcher 'instructoin'; did you mean 'instruction'?"},
      {"rules:\n  - severity: low\n    message: m\n    dockerfile: {instruction: USER}\n",
       "rules.yml:2:5: rule has no 'id'"},
      {OneRule("DOCKER-AUD-003", ok + "    dockerfile: {instruction: USER}\n"),
       "rules.yml:2:9: id 'DOCKER-AUD-003' is a built-in rule's"},
      {OneRule("A-1",
               "    severity: low\n    message: \"{port}\"\n"
               "    dockerfile: {instruction: USER}\n"),
       "message placeholder '{port}' is not filled by this rule's matchers"},
      {OneRule("A-1", "    severity: urgent\n    message: m\n    dockerfile: {missing: USER}\n"),
       "rules.yml:3:15: unknown severity 'urgent'"},
      {OneRule("A-1", ok + "    compose: {service_has: {key: privileged, equal: \"true\"}}\n"),
       "unknown key 'equal'; did you mean 'equals'?"},
      {"rules:\n  - id: A-1\n    severity: [low\n", "rules.yml:"},
  };
  for (const Mistake& m : cases) {
    TempDir dir;
    RunResult r = ScanWith(dir, m.rules, "FROM alpine:3.20\n");
    EXPECT_EQ(r.exit_code, 2) << m.rules;
    EXPECT_NE(r.err.find(m.error), std::string::npos) << m.rules << "\n" << r.err;
  }
}

TEST(CustomRules, IdUsedByTwoFilesIsAnError) {
  TempDir dir;
  std::ifstream in(kAcme);
  std::stringstream text;
  text << in.rdbuf();
  dir.Write("a/one.yml", text.str());
  dir.Write("a/two.yml", text.str());
  RunResult r = RunPathfinder({"scan", "--no-config", "--rules", dir.path() + "/a", "."});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("two.yml:2:9: id 'ACME-DOCKER-001' is already used in"), std::string::npos)
      << r.err;
}

TEST(CustomRules, JsonRuleFilesSayTheyAreNotRead) {
  TempDir dir;
  dir.Write("rule.json", "{\"dockerfile\": [], \"compose\": []}");
  RunResult r = RunPathfinder({"scan", "--no-config", "--rules", dir.path() + "/rule.json", "."});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("JSON rule files are not supported"), std::string::npos) << r.err;
}

TEST(CustomRules, CommandMatcherReadsHeredocsAndExecForm) {
  TempDir dir;
  const std::string rules =
      OneRule("C-1",
              "    severity: low\n    message: \"{command} {subcommand}\"\n"
              "    dockerfile: {command: {name: apt-get, subcommand: install, lacks_flag: -y}}\n");
  RunResult r = ScanWith(dir, rules,
                         "FROM debian:12\n"
                         "RUN echo 'apt-get install x'\n"
                         "RUN apt-get -qy install curl\n"
                         "RUN <<EOF\nsudo apt-get install git\nEOF\n"
                         "RUN [\"apt-get\", \"install\", \"vim\"]\n",
                         {"--ruleset", "C-1"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto found = Findings(r.out);
  ASSERT_EQ(found.size(), 2u) << r.out;
  EXPECT_EQ(std::get<1>(found[0]), 5);  // in the heredoc
  EXPECT_EQ(std::get<2>(found[0]), "apt-get install");
  EXPECT_EQ(std::get<1>(found[1]), 7);  // exec form
}

TEST(CustomRules, AllOfMeansTheSameInstruction) {
  TempDir dir;
  // COPY --from=build and COPY --chown=root on different lines: no single
  // COPY has both.
  const std::string rules =
      OneRule("S-1",
              "    severity: low\n    message: \"COPY from {from} as {chown}\"\n"
              "    dockerfile:\n      all_of:\n"
              "        - instruction: {type: COPY, copy_from: build}\n"
              "        - instruction: {type: COPY, chown: root}\n");
  RunResult apart = ScanWith(dir, rules,
                             "FROM alpine:3.20 AS build\nFROM alpine:3.20\n"
                             "COPY --from=build /a /a\nCOPY --chown=root /b /b\n",
                             {"--ruleset", "S-1"});
  EXPECT_TRUE(Findings(apart.out).empty()) << apart.out << apart.err;
  RunResult together = ScanWith(dir, rules,
                                "FROM alpine:3.20 AS build\nFROM alpine:3.20\n"
                                "COPY --from=build --chown=root:root /a /a\n",
                                {"--ruleset", "S-1"});
  auto found = Findings(together.out);
  ASSERT_EQ(found.size(), 1u) << together.out << together.err;
  EXPECT_EQ(std::get<1>(found[0]), 3);
}

TEST(CustomRules, OrderingAndNotFollowedBy) {
  TempDir dir;
  const std::string rules =
      OneRule("O-1",
              "    severity: low\n    message: \"USER {user} on line {line} is never undone\"\n"
              "    dockerfile:\n      instruction_before:\n"
              "        instruction: {type: USER, user_name: root}\n"
              "        not_followed_by: {type: USER}\n");
  RunResult r = ScanWith(dir, rules,
                         "FROM alpine:3.20 AS a\nUSER root\nUSER app\n"
                         "FROM alpine:3.20\nUSER root\nRUN id\n",
                         {"--ruleset", "O-1"});
  auto found = Findings(r.out);
  ASSERT_EQ(found.size(), 1u) << r.out << r.err;
  EXPECT_EQ(std::get<2>(found[0]), "USER root on line 5 is never undone");
}

TEST(CustomRules, ComposeFindingsNameTheService) {
  RunResult r = RunPathfinder({"scan", "--no-config", "-o", "json", "--rules",
                               kFixtures + "/compose/rules.yaml", "--ruleset", "ACME-COMPOSE-001",
                               kFixtures + "/project/compose.yaml"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto found = Findings(r.out);
  ASSERT_EQ(found.size(), 1u) << r.out;
  EXPECT_EQ(std::get<1>(found[0]), 4);  // the `privileged` key
  EXPECT_EQ(std::get<2>(found[0]), "service web runs privileged");
}

// docs/custom-rules.md: every YAML block that is a rule file passes `rules test`.
TEST(CustomRules, GuideRulesPassTheirOwnExamples) {
  std::ifstream in(std::string(PF_SOURCE_DIR) + "/docs/custom-rules.md");
  std::string line, block;
  bool inside = false;
  std::vector<std::string> blocks;
  while (std::getline(in, line)) {
    if (!inside && line == "```yaml") {
      inside = true;
      block.clear();
    } else if (inside && line == "```") {
      inside = false;
      if (block.starts_with("rules:")) blocks.push_back(block);
    } else if (inside) {
      block += line + "\n";
    }
  }
  ASSERT_GE(blocks.size(), 10u);
  TempDir dir;
  std::size_t examples = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const std::string path = dir.path() + "/rule" + std::to_string(i) + ".yml";
    dir.Write("rule" + std::to_string(i) + ".yml", blocks[i]);
    RunResult r = RunPathfinder({"rules", "test", path});
    EXPECT_EQ(r.exit_code, 0) << blocks[i] << r.out << r.err;
    EXPECT_NE(r.out.find(" 0 failed"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("no examples"), std::string::npos) << blocks[i];
    ++examples;
  }
  // All of them together load too: no two share an id.
  RunResult all = RunPathfinder({"rules", "test", dir.path()});
  EXPECT_EQ(all.exit_code, 0) << all.out << all.err;
}

}  // namespace
}  // namespace pf::e2e
