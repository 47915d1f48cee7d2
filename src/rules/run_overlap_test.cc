// DOCKER-BP-001 and DOCKER-BP-015 enabled together report a FROM word once.
#include <gtest/gtest.h>

#include "rules/registry.h"
#include "rules/run.h"

namespace pf::rules {
namespace {

std::vector<Finding> Scan(const std::string& text, std::vector<std::string_view> ids) {
  std::vector<const Rule*> rules;
  for (std::string_view id : ids) rules.push_back(FindRule(id));
  SourceFile source("Dockerfile", text);
  std::vector<Finding> findings;
  std::vector<std::string> errors;
  RunDockerRules(source, rules, {}, &findings, &errors);
  EXPECT_TRUE(errors.empty());
  return findings;
}

TEST(TagRuleOverlap, NoVersionWinsWhenBothRulesRun) {
  const std::string text = "FROM node\nFROM ubuntu:latest\nFROM alpine:3.20\n";
  std::vector<Finding> both = Scan(text, {"DOCKER-BP-001", "DOCKER-BP-015"});
  ASSERT_EQ(both.size(), 2u);
  for (const Finding& f : both) EXPECT_EQ(f.rule_id, "DOCKER-BP-015");
  std::vector<Finding> latest_only = Scan(text, {"DOCKER-BP-001"});
  ASSERT_EQ(latest_only.size(), 2u);
  EXPECT_EQ(latest_only[0].rule_id, "DOCKER-BP-001");
}

TEST(RefusedInstructions, InvalidImageIsNotJudgedForItsTag) {
  std::vector<Finding> found =
      Scan("FROM {{ .Base }}\nFROM perl:{{version}}\n", {"DOCKER-BP-015", "DOCKER-COR-100"});
  ASSERT_EQ(found.size(), 2u);
  for (const Finding& f : found) EXPECT_EQ(f.rule_id, "DOCKER-COR-100");
}

}  // namespace
}  // namespace pf::rules
