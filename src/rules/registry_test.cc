#include "rules/registry.h"

#include <gtest/gtest.h>

namespace pf::rules {
namespace {

std::vector<std::string> Ids(const std::vector<const Rule*>& rules) {
  std::vector<std::string> ids;
  for (const Rule* r : rules) ids.emplace_back(r->meta.id);
  return ids;
}

TEST(Registry, IdsAreUniqueAndSorted) {
  const auto& rules = AllRules();
  for (std::size_t i = 1; i < rules.size(); ++i) {
    EXPECT_LT(rules[i - 1]->meta.id, rules[i]->meta.id);
  }
}

TEST(Registry, SelectsOneRuleByLanguageAndId) {
  std::vector<const Rule*> selected;
  std::string error;
  ASSERT_TRUE(SelectRules("docker/DOCKER-AUD-003", &selected, &error)) << error;
  EXPECT_EQ(Ids(selected), std::vector<std::string>{"DOCKER-AUD-003"});
}

TEST(Registry, SelectsBundleAndAllWithoutDuplicates) {
  std::vector<const Rule*> selected;
  std::string error;
  ASSERT_TRUE(SelectRules("docker/security", &selected, &error)) << error;
  auto ids = Ids(selected);
  EXPECT_NE(std::find(ids.begin(), ids.end(), "DOCKER-COR-002"), ids.end());
  EXPECT_EQ(std::find(ids.begin(), ids.end(), "DOCKER-AUD-003"), ids.end());
  ASSERT_TRUE(SelectRules("docker/all", &selected, &error)) << error;
  ASSERT_TRUE(SelectRules("docker/DOCKER-COR-002", &selected, &error)) << error;
  std::size_t docker_rules = 0;
  for (const Rule* r : AllRules()) docker_rules += r->meta.language == Language::kDocker;
  EXPECT_EQ(selected.size(), docker_rules);
}

TEST(Registry, UnknownSpecNamesTheNearest) {
  std::vector<const Rule*> selected;
  std::string error;
  EXPECT_FALSE(SelectRules("docker/DOCKER-AUD-03", &selected, &error));
  EXPECT_NE(error.find("docker/DOCKER-AUD-003"), std::string::npos) << error;
  EXPECT_FALSE(SelectRules("docker/securty", &selected, &error));
  EXPECT_NE(error.find("docker/security"), std::string::npos) << error;
  EXPECT_FALSE(SelectRules("kubernetes/all", &selected, &error));
  EXPECT_TRUE(selected.empty());
}

}  // namespace
}  // namespace pf::rules
