// Runs every fixture under tests/fixtures/docker/<RULE-ID>/ (*.Dockerfile)
// and tests/fixtures/compose/<RULE-ID>/ (*.yml, *.yaml) against that rule,
// two-way: each finding expected, each expectation found. A compose fixture
// folder may also hold a `.env` (read for every fixture beside it) and, in
// subfolders, files the fixtures reach through `extends` or `include`.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <ostream>
#include <sstream>
#include <variant>

#include "compose/loader.h"
#include "dockerfile/parser.h"
#include "rules/fixture.h"
#include "rules/registry.h"
#include "rules/run.h"

namespace pf::rules {
namespace {

namespace fs = std::filesystem;

struct FixtureFile {
  std::string rule_id;
  fs::path path;
};

// Test names in reports show the fixture's path, not its bytes.
void PrintTo(const FixtureFile& fixture, std::ostream* os) {
  *os << fixture.path.parent_path().filename().string() << "/" << fixture.path.filename().string();
}

std::vector<FixtureFile> ListFixtures(std::string_view language,
                                      const std::vector<std::string>& extensions) {
  std::vector<FixtureFile> out;
  fs::path root = fs::path(PF_SOURCE_DIR) / "tests" / "fixtures" / language;
  std::error_code ec;
  for (const auto& dir : fs::directory_iterator(root, ec)) {
    if (!dir.is_directory()) continue;
    for (const auto& file : fs::directory_iterator(dir.path(), ec)) {
      if (!file.is_regular_file()) continue;
      const std::string extension = file.path().extension().string();
      if (std::find(extensions.begin(), extensions.end(), extension) != extensions.end()) {
        out.push_back({dir.path().filename().string(), file.path()});
      }
    }
  }
  std::sort(out.begin(), out.end(),
            [](const FixtureFile& a, const FixtureFile& b) { return a.path < b.path; });
  return out;
}

std::vector<FixtureFile> DockerFixtures() { return ListFixtures("docker", {".Dockerfile"}); }

std::vector<FixtureFile> ComposeFixtures() { return ListFixtures("compose", {".yml", ".yaml"}); }

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class DockerFixture : public ::testing::TestWithParam<FixtureFile> {};

TEST_P(DockerFixture, FindingsMatchExpectations) {
  const FixtureFile& param = GetParam();
  const Rule* rule = FindRule(param.rule_id);
  ASSERT_NE(rule, nullptr) << "fixture folder names no rule: " << param.rule_id;
  const std::string text = ReadAll(param.path);
  Fixture fixture = ReadFixture(text, /*allow_trailing=*/false);
  SourceFile source(param.path.filename().string(), text);

  std::vector<std::pair<int, int>> spans;
  auto parsed = dockerfile::Parse(source);
  if (auto* file = std::get_if<dockerfile::Dockerfile>(&parsed)) {
    for (const auto& inst : file->instructions) {
      spans.emplace_back(inst.range.start.line, inst.range.end.line);
    }
  }
  std::vector<Finding> findings;
  std::vector<std::string> errors;
  RunDockerRules(source, {rule}, fixture.build_args, &findings, &errors);
  EXPECT_TRUE(errors.empty()) << errors.front();
  for (const std::string& problem : CompareFindings(fixture, param.rule_id, findings, spans)) {
    ADD_FAILURE() << param.path.string() << ": " << problem;
  }
}

std::string FixtureName(const ::testing::TestParamInfo<FixtureFile>& info) {
  std::string name = info.param.rule_id + "_" + info.param.path.stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, DockerFixture, ::testing::ValuesIn(DockerFixtures()),
                         FixtureName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(DockerFixture);

class ComposeFixture : public ::testing::TestWithParam<FixtureFile> {};

TEST_P(ComposeFixture, FindingsMatchExpectations) {
  const FixtureFile& param = GetParam();
  const Rule* rule = FindRule(param.rule_id);
  ASSERT_NE(rule, nullptr) << "fixture folder names no rule: " << param.rule_id;
  ASSERT_EQ(rule->meta.language, Language::kCompose) << param.rule_id;
  const std::string text = ReadAll(param.path);
  Fixture fixture = ReadFixture(text, /*allow_trailing=*/true);
  // The full path, so the loader finds the .env and the extends/include
  // files beside the fixture.
  SourceFile source(param.path.string(), text);
  compose::LoadOptions options;  // .env beside the file; no process environment
  std::vector<Finding> findings;
  std::vector<std::string> errors;
  std::optional<compose::Project> project;
  RunComposeRules(source, {rule}, options, &findings, &errors, &project);
  EXPECT_TRUE(errors.empty()) << errors.front();
  // Only the syntax rule's fixtures may fail to load; elsewhere a broken
  // fixture would pass silently.
  if (rule->compose != nullptr) {
    EXPECT_TRUE(project.has_value()) << param.path.string() << " does not load";
  }
  for (const Finding& f : findings) {
    EXPECT_EQ(f.file, source.path());
    if (rule->compose != nullptr) {
      EXPECT_FALSE(f.service.empty()) << f.message;
    }
  }
  // YAML findings sit on one line: no multi-line spans.
  for (const std::string& problem : CompareFindings(fixture, param.rule_id, findings, {})) {
    ADD_FAILURE() << param.path.string() << ": " << problem;
  }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, ComposeFixture, ::testing::ValuesIn(ComposeFixtures()),
                         FixtureName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ComposeFixture);

TEST(FixtureCoverage, EveryDockerRuleWithACheckHasFixtures) {
  std::vector<FixtureFile> fixtures = DockerFixtures();
  for (const Rule* rule : AllRules()) {
    if (rule->meta.language != Language::kDocker) continue;
    bool found = std::any_of(fixtures.begin(), fixtures.end(),
                             [&](const FixtureFile& f) { return f.rule_id == rule->meta.id; });
    EXPECT_TRUE(found) << rule->meta.id << " has no fixture folder";
  }
}

TEST(FixtureCoverage, EveryComposeRuleHasFixtures) {
  std::vector<FixtureFile> fixtures = ComposeFixtures();
  for (const Rule* rule : AllRules()) {
    if (rule->meta.language != Language::kCompose) continue;
    bool found = std::any_of(fixtures.begin(), fixtures.end(),
                             [&](const FixtureFile& f) { return f.rule_id == rule->meta.id; });
    EXPECT_TRUE(found) << rule->meta.id << " has no fixture folder";
  }
}

}  // namespace
}  // namespace pf::rules
