#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "report/test_sample.h"

namespace pf::report {
namespace {

using nlohmann::json;
using testing::Render;
using testing::SampleResult;

TEST(SonarqubeReport, IssuesWithZeroBasedColumns) {
  json doc = json::parse(Render("sonarqube", SampleResult()));
  ASSERT_EQ(doc["issues"].size(), 4u);  // the suppressed finding is left out
  const json& first = doc["issues"][0];
  EXPECT_EQ(first["ruleId"], "DOCKER-SEC-001");
  const json& location = first["primaryLocation"];
  EXPECT_EQ(location["message"], "secret in \xc3\xa9t\xc3\xa9");
  EXPECT_EQ(location["filePath"], "Dockerfile");
  EXPECT_EQ(location["textRange"],
            json({{"startLine", 2}, {"endLine", 2}, {"startColumn", 4}, {"endColumn", 14}}));
  EXPECT_EQ(doc["issues"][3]["primaryLocation"]["filePath"], testing::kOddPath);
  EXPECT_EQ(doc["issues"][3]["primaryLocation"]["message"], testing::kOddMessage);
}

TEST(SonarqubeReport, RulesOfTheIssuesWithImpacts) {
  json doc = json::parse(Render("sonarqube", SampleResult()));
  const json& rules = doc["rules"];
  // Only rules that raised a reported issue, by id; ShellCheck's included.
  std::vector<std::string> ids;
  for (const json& r : rules) ids.push_back(r["id"]);
  EXPECT_EQ(ids, (std::vector<std::string>{"COMPOSE-SEC-001", "DOCKER-AUD-003", "DOCKER-SEC-001",
                                           "SHELLCHECK-SC2086"}));
  for (const json& r : rules) {
    std::set<std::string> issue_rules;
    for (const json& i : doc["issues"]) issue_rules.insert(i["ruleId"].get<std::string>());
    EXPECT_TRUE(issue_rules.count(r["id"].get<std::string>())) << r["id"];
    EXPECT_EQ(r["engineId"], "pathfinder");
    ASSERT_EQ(r["impacts"].size(), 1u);
  }
  const json& secret = rules[2];
  EXPECT_EQ(secret["name"], "Secret In Env");
  EXPECT_EQ(secret["description"], "One line about the rule.");
  EXPECT_EQ(secret["cleanCodeAttribute"], "TRUSTWORTHY");
  EXPECT_EQ(secret["type"], "VULNERABILITY");
  EXPECT_EQ(secret["severity"], "BLOCKER");
  EXPECT_EQ(secret["impacts"][0], json({{"softwareQuality", "SECURITY"}, {"severity", "HIGH"}}));
  EXPECT_EQ(rules[1]["impacts"][0]["severity"], "MEDIUM");
  const json& shellcheck = rules[3];
  EXPECT_EQ(shellcheck["name"], "Rule SHELLCHECK-SC2086");
  EXPECT_EQ(shellcheck["cleanCodeAttribute"], "CONVENTIONAL");
  EXPECT_EQ(shellcheck["impacts"][0],
            json({{"softwareQuality", "MAINTAINABILITY"}, {"severity", "LOW"}}));
}

TEST(SonarqubeReport, MultiLineRange) {
  json doc = json::parse(Render("sonarqube", SampleResult()));
  EXPECT_EQ(doc["issues"][1]["primaryLocation"]["textRange"],
            json({{"startLine", 3}, {"endLine", 4}, {"startColumn", 4}, {"endColumn", 8}}));
}

TEST(SonarqubeReport, EmptyScan) {
  json doc = json::parse(Render("sonarqube", testing::EmptyResult()));
  EXPECT_EQ(doc, json({{"issues", json::array()}, {"rules", json::array()}}));
}

}  // namespace
}  // namespace pf::report
