// The examples in every rule's docs are executed: the bad example must
// fire the rule, the good example must not.
#include <gtest/gtest.h>

#include "rules/registry.h"
#include "rules/run.h"

namespace pf::rules {
namespace {

std::vector<Finding> RunOne(const Rule& rule, std::string_view text) {
  SourceFile source("example.Dockerfile", std::string(text));
  std::vector<Finding> findings;
  std::vector<std::string> errors;
  RunDockerRules(source, {&rule}, {}, &findings, &errors);
  EXPECT_TRUE(errors.empty());
  return findings;
}

TEST(RuleDocs, DockerExamplesBehaveAsDocumented) {
  for (const Rule* rule : AllRules()) {
    if (rule->meta.language != Language::kDocker) continue;
    SCOPED_TRACE(std::string(rule->meta.id));
    EXPECT_FALSE(rule->meta.docs.bad_example.empty());
    EXPECT_FALSE(rule->meta.docs.good_example.empty());
    EXPECT_FALSE(RunOne(*rule, rule->meta.docs.bad_example).empty()) << "bad example is silent";
    EXPECT_TRUE(RunOne(*rule, rule->meta.docs.good_example).empty()) << "good example fires";
  }
}

std::vector<Finding> RunOneCompose(const Rule& rule, std::string_view text) {
  SourceFile source("example.compose.yml", std::string(text));
  compose::LoadOptions options;
  options.use_dotenv = false;  // examples stand alone
  std::vector<Finding> findings;
  std::vector<std::string> errors;
  RunComposeRules(source, {&rule}, options, &findings, &errors);
  EXPECT_TRUE(errors.empty());
  return findings;
}

TEST(RuleDocs, ComposeExamplesBehaveAsDocumented) {
  for (const Rule* rule : AllRules()) {
    if (rule->meta.language != Language::kCompose) continue;
    SCOPED_TRACE(std::string(rule->meta.id));
    EXPECT_FALSE(rule->meta.docs.bad_example.empty());
    EXPECT_FALSE(rule->meta.docs.good_example.empty());
    EXPECT_FALSE(RunOneCompose(*rule, rule->meta.docs.bad_example).empty())
        << "bad example is silent";
    EXPECT_TRUE(RunOneCompose(*rule, rule->meta.docs.good_example).empty()) << "good example fires";
    // Other rules must not reject the example as a broken file.
    const Rule* syntax = FindRule("COMPOSE-COR-100");
    if (syntax != nullptr && syntax != rule) {
      EXPECT_TRUE(RunOneCompose(*syntax, rule->meta.docs.bad_example).empty());
      EXPECT_TRUE(RunOneCompose(*syntax, rule->meta.docs.good_example).empty());
    }
  }
}

TEST(RuleDocs, MetadataIsComplete) {
  for (const Rule* rule : AllRules()) {
    SCOPED_TRACE(std::string(rule->meta.id));
    EXPECT_FALSE(rule->meta.name.empty());
    EXPECT_TRUE(rule->meta.cwe.starts_with("CWE-"));
    EXPECT_FALSE(rule->meta.summary.empty());
    EXPECT_FALSE(rule->meta.docs.what.empty());
    EXPECT_FALSE(rule->meta.docs.why.empty());
    EXPECT_FALSE(rule->meta.docs.fix.empty());
    EXPECT_FALSE(rule->meta.docs.references.empty());
  }
}

}  // namespace
}  // namespace pf::rules
