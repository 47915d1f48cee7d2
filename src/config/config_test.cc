#include "config/config.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <variant>

#include "config/apply.h"
#include "rules/registry.h"

namespace pf::config {
namespace {

std::string ErrorOf(const std::string& text) {
  Config config;
  std::string error;
  EXPECT_FALSE(ParseConfig(".pathfinder.yml", text, &config, &error)) << text;
  return error;
}

Config Parsed(const std::string& text) {
  Config config;
  std::string error;
  EXPECT_TRUE(ParseConfig(".pathfinder.yml", text, &config, &error)) << error;
  return config;
}

TEST(LoadConfig, ReadsEverySettingWithItsPosition) {
  Config c = Parsed(
      "rulesets: [docker/security, docker-compose/all]\n"
      "ignore: DOCKER-BP-022,DOCKER-BP-003\n"
      "fail-on: [critical, high]\n"
      "min-severity: low\n"
      "exclude: [\"vendor/**\"]\n"
      "build-args:\n"
      "  VERSION: \"1.2\"\n"
      "baseline: .pathfinder-baseline.json\n"
      "inline-ignore: false\n"
      "rules:\n"
      "  DOCKER-AUD-003:\n"
      "    severity: low\n"
      "    allowed_ports: [80, 443]\n"
      "  DOCKER-SEC-007:\n"
      "    allow_in_build_stages: true\n");
  EXPECT_EQ(c.rulesets.value, (std::vector<std::string>{"docker/security", "docker-compose/all"}));
  EXPECT_EQ(c.ignore.value, (std::vector<std::string>{"DOCKER-BP-022", "DOCKER-BP-003"}));
  EXPECT_EQ(c.fail_on.value, (std::vector<std::string>{"critical", "high"}));
  EXPECT_EQ(c.min_severity.value, "low");
  EXPECT_EQ(c.excludes.value, std::vector<std::string>{"vendor/**"});
  EXPECT_EQ(c.build_args.value.at("VERSION"), "1.2");
  EXPECT_EQ(c.baseline.value, ".pathfinder-baseline.json");
  EXPECT_FALSE(c.inline_ignore.value);
  const RuleConfig& aud = c.rules.at("DOCKER-AUD-003");
  EXPECT_EQ(aud.severity, Severity::kLow);
  EXPECT_EQ(std::get<std::vector<int>>(aud.options.at("allowed_ports")),
            (std::vector<int>{80, 443}));
  EXPECT_EQ(DescribeOrigin(aud.option_origins.at("allowed_ports")), ".pathfinder.yml:13:5");
  EXPECT_EQ(DescribeOrigin(c.fail_on.origin), ".pathfinder.yml:3:1");
  EXPECT_TRUE(std::get<bool>(c.rules.at("DOCKER-SEC-007").options.at("allow_in_build_stages")));
  EXPECT_EQ(DescribeOrigin(c.min_severity.origin), ".pathfinder.yml:4:1");
  EXPECT_FALSE(Parsed("").rulesets.set());
  EXPECT_EQ(DescribeOrigin(Parsed("").rulesets.origin), "default");
}

TEST(LoadConfig, UnknownKeyNamesTheNearest) {
  EXPECT_EQ(ErrorOf("fail-on: high\n\nrulez:\n  DOCKER-AUD-003: {}\n"),
            ".pathfinder.yml:3:1: unknown key 'rulez'; did you mean 'rules'?");
}

TEST(LoadConfig, BadOptionValueIsPlacedOnTheValue) {
  EXPECT_EQ(ErrorOf("rules:\n  DOCKER-AUD-003:\n    allowed_ports: [80, eighty]\n"),
            ".pathfinder.yml:3:25: DOCKER-AUD-003.allowed_ports: expected a list of port "
            "numbers 1-65535, got 'eighty'");
  EXPECT_EQ(ErrorOf("rules:\n  DOCKER-AUD-003:\n    allowed_ports: 70000\n"),
            ".pathfinder.yml:3:20: DOCKER-AUD-003.allowed_ports: expected a list of port "
            "numbers 1-65535, got '70000'");
  EXPECT_EQ(ErrorOf("rules:\n  DOCKER-SEC-007:\n    allow_in_build_stages: maybe\n"),
            ".pathfinder.yml:3:28: DOCKER-SEC-007.allow_in_build_stages: expected true or "
            "false, got 'maybe'");
}

TEST(LoadConfig, UnknownRuleAndOptionNameTheNearest) {
  EXPECT_EQ(ErrorOf("rules:\n  DOCKER-AUD-03:\n    severity: low\n"),
            ".pathfinder.yml:2:3: unknown rule 'DOCKER-AUD-03'; did you mean 'DOCKER-AUD-003'?");
  EXPECT_EQ(ErrorOf("rules:\n  DOCKER-AUD-003:\n    allowed_port: [80]\n"),
            ".pathfinder.yml:3:5: DOCKER-AUD-003: unknown option 'allowed_port'; did you mean "
            "'allowed_ports'?");
  EXPECT_EQ(ErrorOf("rules:\n  DOCKER-BP-003:\n    allowed_ports: [80]\n"),
            ".pathfinder.yml:3:5: DOCKER-BP-003: unknown option 'allowed_ports'; this rule has "
            "no options, only 'severity'");
  EXPECT_EQ(ErrorOf("rules:\n  DOCKER-BP-003:\n    severity: urgent\n"),
            ".pathfinder.yml:3:15: DOCKER-BP-003.severity: unknown severity 'urgent' (expected "
            "critical, high, medium, low or info)");
  EXPECT_EQ(ErrorOf("ignore: [DOCKER-BP-0022]\n"),
            ".pathfinder.yml:1:9: ignore: unknown rule 'DOCKER-BP-0022'; did you mean "
            "'DOCKER-BP-022'?");
}

TEST(LoadConfig, WrongShapesAndBadSettings) {
  EXPECT_EQ(ErrorOf("- a\n- b\n"),
            ".pathfinder.yml:1:1: expected a mapping of settings (rulesets, rules, fail-on, ...)");
  EXPECT_EQ(ErrorOf("fail-on: [high, severe]\n"),
            ".pathfinder.yml:1:10: fail-on: unknown severity 'severe' (expected critical, high, "
            "medium, low or info)");
  EXPECT_NE(ErrorOf("rulesets: [docker/securty]\n").find(".pathfinder.yml:1:11: rulesets: "),
            std::string::npos);
  EXPECT_EQ(ErrorOf("baseline: [a, b]\n"),
            ".pathfinder.yml:1:11: baseline: expected a single value, got a list");
}

TEST(LoadConfig, NotYamlGivesYamlPosition) {
  const std::string error = ErrorOf("rules:\n  DOCKER-AUD-003: [\n    severity: low\n");
  EXPECT_TRUE(error.starts_with(".pathfinder.yml:")) << error;
  EXPECT_NE(error.find("not valid YAML"), std::string::npos) << error;
}

TEST(LoadConfig, MissingFileIsAnError) {
  Config c;
  std::string error;
  EXPECT_FALSE(LoadConfig("/nonexistent/.pathfinder.yml", &c, &error));
  EXPECT_EQ(error, "/nonexistent/.pathfinder.yml: cannot open the configuration file");
}

TEST(FindConfig, LooksInTheProjectRoot) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "pf_find_config_test";
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  EXPECT_EQ(FindConfig(dir.string()), std::nullopt);
  std::ofstream(dir / ".pathfinder.yaml") << "fail-on: high\n";
  EXPECT_EQ(FindConfig(dir.string()), (dir / ".pathfinder.yaml").string());
  std::ofstream(dir / ".pathfinder.yml") << "fail-on: high\n";
  EXPECT_EQ(FindConfig(dir.string()), (dir / ".pathfinder.yml").string());
  std::ofstream(dir / "Dockerfile") << "FROM a\n";
  EXPECT_EQ(FindConfig((dir / "Dockerfile").string()), (dir / ".pathfinder.yml").string());
  EXPECT_EQ(FindConfig((dir / "sub").string()), std::nullopt);
  fs::remove_all(dir);
}

TEST(StarterConfig, IsAcceptedAndListsEveryOption) {
  const std::string starter = StarterConfig();
  Config c = Parsed(starter);
  EXPECT_EQ(c.fail_on.value, (std::vector<std::string>{"critical", "high"}));
  for (const rules::Rule* rule : rules::AllRules()) {
    for (const rules::OptionSpec& spec : rule->meta.options) {
      EXPECT_NE(starter.find(fmt::format("#   {}: ", spec.name)), std::string::npos) << spec.name;
    }
  }
  // Uncommenting a rule's block yields a valid config with that rule set.
  std::string uncommented = starter;
  std::size_t at = 0;
  for (std::string block : {"  # DOCKER-AUD-003:\n", "  #   allowed_ports: []\n"}) {
    at = uncommented.find(block, at);
    ASSERT_NE(at, std::string::npos) << block;
    uncommented.erase(at + 2, 2);
  }
  Config with_rule = Parsed(uncommented);
  EXPECT_TRUE(
      std::get<std::vector<int>>(with_rule.rules.at("DOCKER-AUD-003").options.at("allowed_ports"))
          .empty());
}

TEST(RenderEffectiveConfig, ShowsValuesAndOrigins) {
  Config c = Parsed("fail-on: [high]\nrules:\n  DOCKER-AUD-003:\n    allowed_ports: [80]\n");
  c.min_severity = {"medium", Origin{Origin::Kind::kCommandLine, "", 0, 0}};
  const std::string text = RenderEffectiveConfig(c);
  EXPECT_NE(text.find("fail-on: [\"high\"]"), std::string::npos) << text;
  EXPECT_NE(text.find("# .pathfinder.yml:1:1"), std::string::npos) << text;
  EXPECT_NE(text.find("min-severity: medium"), std::string::npos) << text;
  EXPECT_NE(text.find("# command line"), std::string::npos) << text;
  EXPECT_NE(text.find("    allowed_ports: [80]"), std::string::npos) << text;
  EXPECT_NE(text.find("# .pathfinder.yml:4:5"), std::string::npos) << text;
  EXPECT_NE(text.find("    allow_in_build_stages: false"), std::string::npos) << text;
  // The printed configuration reads back with the same values.
  Config again = Parsed(text);
  EXPECT_EQ(again.fail_on.value, c.fail_on.value);
  EXPECT_EQ(again.min_severity.value, "medium");
  EXPECT_EQ(
      std::get<std::vector<int>>(again.rules.at("DOCKER-AUD-003").options.at("allowed_ports")),
      std::vector<int>{80});
}

TEST(ConfiguredRules, CopiesOnlyRulesWithOptions) {
  Config c = Parsed(
      "rules:\n  DOCKER-AUD-003:\n    allowed_ports: [80]\n  DOCKER-BP-003:\n    severity: low\n");
  std::vector<const rules::Rule*> selected = {rules::FindRule("DOCKER-AUD-003"),
                                              rules::FindRule("DOCKER-BP-003")};
  ConfiguredRules configured;
  configured.Apply(c, &selected);
  EXPECT_NE(selected[0], rules::FindRule("DOCKER-AUD-003"));
  EXPECT_EQ(selected[0]->meta.id, "DOCKER-AUD-003");
  ASSERT_NE(selected[0]->options, nullptr);
  EXPECT_EQ(selected[0]->options->Ports("allowed_ports"), std::vector<int>{80});
  EXPECT_EQ(selected[1], rules::FindRule("DOCKER-BP-003"));
  EXPECT_EQ(SeverityOverrides(c),
            (std::map<std::string, Severity>{{"DOCKER-BP-003", Severity::kLow}}));
}

}  // namespace
}  // namespace pf::config
