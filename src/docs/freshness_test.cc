// The committed rule pages and the README table must equal what the
// generator writes today (`pathfinder rules docs --format md --out docs/rules`).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "docs/markdown.h"
#include "rules/registry.h"

namespace pf::docs {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// PF_UPDATE_DOCS=1 rewrites the pages instead of comparing them.
bool Updating() { return std::getenv("PF_UPDATE_DOCS") != nullptr; }

void WriteAll(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

TEST(DocsFreshness, RulePagesAreUpToDate) {
  const fs::path dir = fs::path(PF_SOURCE_DIR) / "docs" / "rules";
  if (Updating()) {
    fs::remove_all(dir);
    for (const auto& [name, content] : DocsTree(rules::AllRules())) WriteAll(dir / name, content);
  }
  for (const auto& [name, content] : DocsTree(rules::AllRules())) {
    EXPECT_EQ(ReadAll(dir / name), content)
        << "docs/rules/" << name
        << " is stale: run `pathfinder rules docs --format md --out docs/rules`";
  }
  std::size_t pages = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    pages += entry.path().extension() == ".md";
  }
  EXPECT_EQ(pages, rules::AllRules().size() + 1) << "docs/rules has pages of removed rules";
}

TEST(DocsFreshness, ReadmeTableIsUpToDate) {
  const fs::path path = fs::path(PF_SOURCE_DIR) / "README.md";
  std::string readme = ReadAll(path);
  std::string expected = readme;
  ASSERT_TRUE(SpliceReadmeTable(&expected, ReadmeTable(rules::AllRules())));
  if (Updating()) {
    WriteAll(path, expected);
    readme = expected;
  }
  EXPECT_EQ(readme, expected) << "README rule table is stale: run `pathfinder rules docs "
                                 "--format md --out docs/rules`";
}

TEST(Markdown, PageHasEverySection) {
  const rules::Rule* rule = rules::FindRule("DOCKER-AUD-003");
  ASSERT_NE(rule, nullptr);
  std::string page = RulePage(*rule);
  for (std::string_view part :
       {"# DOCKER-AUD-003: Privileged Port Exposed", "## What it does", "## Why it matters",
        "## Example", "## How to fix", "## References", "CWE-250", "`docker/best-practice`"}) {
    EXPECT_NE(page.find(part), std::string::npos) << part;
  }
}

TEST(Markdown, SpliceNeedsBothMarkers) {
  std::string text = "no markers here";
  EXPECT_FALSE(SpliceReadmeTable(&text, "x"));
  text = std::string("a\n") + std::string(kTableBegin) + "\nold\n" + std::string(kTableEnd) + "\n";
  ASSERT_TRUE(SpliceReadmeTable(&text, "new\n"));
  EXPECT_EQ(text, std::string("a\n") + std::string(kTableBegin) + "\nnew\n" +
                      std::string(kTableEnd) + "\n");
}

}  // namespace
}  // namespace pf::docs
