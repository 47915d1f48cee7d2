#include "discover/glob.h"

#include <gtest/gtest.h>

#include "discover/ignore.h"

namespace pf::discover {
namespace {

TEST(GlobMatch, StarStopsAtSlash) {
  EXPECT_TRUE(GlobMatch("*.txt", "a.txt"));
  EXPECT_FALSE(GlobMatch("*.txt", "dir/a.txt"));
  EXPECT_TRUE(GlobMatch("dir/*.txt", "dir/a.txt"));
  EXPECT_FALSE(GlobMatch("dir/*", "dir/a/b"));
}

TEST(GlobMatch, QuestionAndClasses) {
  EXPECT_TRUE(GlobMatch("a?c", "abc"));
  EXPECT_FALSE(GlobMatch("a?c", "a/c"));
  EXPECT_TRUE(GlobMatch("[a-c]x", "bx"));
  EXPECT_FALSE(GlobMatch("[a-c]x", "dx"));
  EXPECT_TRUE(GlobMatch("[!a-c]x", "dx"));
  EXPECT_FALSE(GlobMatch("[!a-c]x", "ax"));
  EXPECT_TRUE(GlobMatch("\\*x", "*x"));
  EXPECT_FALSE(GlobMatch("\\*x", "ax"));
}

TEST(GlobMatch, DoubleStar) {
  EXPECT_TRUE(GlobMatch("**/foo", "foo"));
  EXPECT_TRUE(GlobMatch("**/foo", "a/b/foo"));
  EXPECT_TRUE(GlobMatch("a/**/b", "a/b"));
  EXPECT_TRUE(GlobMatch("a/**/b", "a/x/y/b"));
  EXPECT_FALSE(GlobMatch("a/**/b", "a/x/y/c"));
  EXPECT_TRUE(GlobMatch("a/**", "a/x/y"));
  EXPECT_FALSE(GlobMatch("a/**", "b/x"));
  EXPECT_TRUE(GlobMatch("a**b", "axxb"));
  EXPECT_FALSE(GlobMatch("a**b", "a/b"));
}

TEST(Ignore, ParseLine) {
  EXPECT_FALSE(ParseIgnoreLine("", ""));
  EXPECT_FALSE(ParseIgnoreLine("# comment", ""));
  auto p = ParseIgnoreLine("!/build/  ", "sub");
  ASSERT_TRUE(p);
  EXPECT_TRUE(p->negate);
  EXPECT_TRUE(p->dir_only);
  EXPECT_TRUE(p->anchored);
  EXPECT_EQ(p->glob, "build");
  EXPECT_EQ(p->base, "sub");
  auto hash = ParseIgnoreLine("\\#file", "");
  ASSERT_TRUE(hash);
  EXPECT_EQ(hash->glob, "#file");
}

TEST(Ignore, UnanchoredMatchesAtAnyDepth) {
  IgnoreList list;
  list.AddFile("*.bak\ntmp/\n", "");
  EXPECT_TRUE(list.IsIgnored("x.bak", false));
  EXPECT_TRUE(list.IsIgnored("a/b/x.bak", false));
  EXPECT_TRUE(list.IsIgnored("a/tmp", true));
  EXPECT_FALSE(list.IsIgnored("a/tmp", false));  // dir-only
  EXPECT_FALSE(list.IsIgnored("a/x.txt", false));
}

TEST(Ignore, AnchoredAndNested) {
  IgnoreList list;
  list.AddFile("/only-root\nsub/deep\n", "");
  list.AddFile("local\n", "pkg");
  EXPECT_TRUE(list.IsIgnored("only-root", false));
  EXPECT_FALSE(list.IsIgnored("a/only-root", false));
  EXPECT_TRUE(list.IsIgnored("sub/deep", false));
  EXPECT_FALSE(list.IsIgnored("x/sub/deep", false));
  EXPECT_TRUE(list.IsIgnored("pkg/local", false));
  EXPECT_TRUE(list.IsIgnored("pkg/a/local", false));
  EXPECT_FALSE(list.IsIgnored("local", false));
}

TEST(Ignore, NegationLastMatchWins) {
  IgnoreList list;
  list.AddFile("Dockerfile.*\n!Dockerfile.keep\n", "");
  EXPECT_TRUE(list.IsIgnored("Dockerfile.dev", false));
  EXPECT_FALSE(list.IsIgnored("Dockerfile.keep", false));
  list.AddFile("Dockerfile.keep\n", "nested");
  EXPECT_TRUE(list.IsIgnored("nested/Dockerfile.keep", false));
  EXPECT_FALSE(list.IsIgnored("Dockerfile.keep", false));
}

}  // namespace
}  // namespace pf::discover
