#include "dockerfile/expand.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pf::dockerfile {
namespace {

using Names = std::vector<std::string>;

Env TestEnv() {
  Env env;
  env.Set("NAME", "app");
  env.Set("EMPTY", "");
  env.Set("FILE", "archive.tar.gz");
  env.Set("PATHS", "/usr/local/bin:/usr/bin:/bin");
  env.Set("TWO", "a b");
  return env;
}

std::string Word(std::string_view text, const Env& env = TestEnv()) {
  ExpandResult r = ExpandWord(text, env);
  EXPECT_TRUE(r.ok) << text << ": " << r.error;
  return r.word;
}

TEST(Expand, PlainAndBracedReferences) {
  EXPECT_EQ(Word("$NAME"), "app");
  EXPECT_EQ(Word("${NAME}-1"), "app-1");
  EXPECT_EQ(Word("pre$NAME.post"), "preapp.post");
  EXPECT_EQ(Word("$"), "$");
  EXPECT_EQ(Word("a$%b"), "a$%b");
}

TEST(Expand, DefaultAndAlternative) {
  EXPECT_EQ(Word("${MISSING:-x}"), "x");
  EXPECT_EQ(Word("${MISSING-x}"), "x");
  EXPECT_EQ(Word("${EMPTY:-x}"), "x");
  EXPECT_EQ(Word("${EMPTY-x}"), "");
  EXPECT_EQ(Word("${NAME:-x}"), "app");
  EXPECT_EQ(Word("${NAME:+y}"), "y");
  EXPECT_EQ(Word("${EMPTY:+y}"), "");
  EXPECT_EQ(Word("${EMPTY+y}"), "y");
  EXPECT_EQ(Word("${MISSING+y}"), "");
  EXPECT_EQ(Word("${MISSING:-$NAME/${NAME}}"), "app/app");
}

TEST(Expand, RequiredValue) {
  EXPECT_EQ(Word("${NAME:?need it}"), "app");
  EXPECT_EQ(Word("${EMPTY?need it}"), "");
  ExpandResult unset = ExpandWord("${MISSING:?need it}", TestEnv());
  EXPECT_FALSE(unset.ok);
  EXPECT_NE(unset.error.find("MISSING: need it"), std::string::npos) << unset.error;
  ExpandResult empty = ExpandWord("${EMPTY:?}", TestEnv());
  EXPECT_FALSE(empty.ok);
  EXPECT_NE(empty.error.find("not allowed to be empty"), std::string::npos) << empty.error;
  EXPECT_FALSE(ExpandWord("${MISSING?}", TestEnv()).ok);
}

TEST(Expand, PrefixAndSuffixRemoval) {
  EXPECT_EQ(Word("${FILE#*.}"), "tar.gz");
  EXPECT_EQ(Word("${FILE##*.}"), "gz");
  EXPECT_EQ(Word("${FILE%.*}"), "archive.tar");
  EXPECT_EQ(Word("${FILE%%.*}"), "archive");
  EXPECT_EQ(Word("${FILE#nomatch}"), "archive.tar.gz");
  EXPECT_EQ(Word("${FILE#arc?}"), "ive.tar.gz");
  EXPECT_EQ(Word("${PATHS%%:*}"), "/usr/local/bin");
  EXPECT_EQ(Word("${PATHS#*:}"), "/usr/bin:/bin");
  EXPECT_EQ(Word("${MISSING#x}"), "");
}

TEST(Expand, PatternReplacement) {
  EXPECT_EQ(Word("${PATHS/:/;}"), "/usr/local/bin;/usr/bin:/bin");
  EXPECT_EQ(Word("${PATHS//:/;}"), "/usr/local/bin;/usr/bin;/bin");
  EXPECT_EQ(Word("${FILE/.*/}"), "archive");
  EXPECT_EQ(Word("${FILE//a/A}"), "Archive.tAr.gz");
  EXPECT_EQ(Word("${FILE/zzz/y}"), "archive.tar.gz");
  // The escape stays in the replacement, as in BuildKit.
  EXPECT_EQ(Word("${NAME//p/\\/}"), "a\\/\\/");
  EXPECT_FALSE(ExpandWord("${NAME/a", TestEnv()).ok);
  EXPECT_FALSE(ExpandWord("${NAME/\\x/y}", TestEnv()).ok);
}

TEST(Expand, QuotesAndEscapes) {
  EXPECT_EQ(Word("'$NAME'"), "$NAME");
  EXPECT_EQ(Word("\"$NAME x\""), "app x");
  EXPECT_EQ(Word("\\$NAME"), "$NAME");
  EXPECT_EQ(Word("\"a\\b\""), "a\\b");
  EXPECT_EQ(Word("\"a\\\"b\""), "a\"b");
  EXPECT_FALSE(ExpandWord("'open", TestEnv()).ok);
  EXPECT_FALSE(ExpandWord("\"open", TestEnv()).ok);
  EXPECT_FALSE(ExpandWord("${NAME", TestEnv()).ok);
  EXPECT_FALSE(ExpandWord("${}", TestEnv()).ok);
  EXPECT_FALSE(ExpandWord("${NAME:=x}", TestEnv()).ok);
}

TEST(Expand, BacktickEscape) {
  ExpandOptions opts;
  opts.escape = '`';
  Env env = TestEnv();
  EXPECT_EQ(ExpandWord("`$NAME", env, opts).word, "$NAME");
  EXPECT_EQ(ExpandWord("C:\\dir\\$NAME", env, opts).word, "C:\\dir\\app");
  EXPECT_EQ(ExpandWord("\"`\"q`\"\"", env, opts).word, "\"q\"");
}

TEST(Expand, WordSplitting) {
  ExpandResult r = ExpandWords("x $TWO \"$TWO\" 'c d'", TestEnv());
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.words, (Names{"x", "a", "b", "a b", "c d"}));
  EXPECT_EQ(ExpandWords("one\\ two", TestEnv()).words, (Names{"one two"}));
  EXPECT_EQ(ExpandWords("  ", TestEnv()).words, Names{});
}

TEST(Expand, UnmatchedTracksEveryUnsetReference) {
  ExpandResult r = ExpandWord("$A ${B:-x} ${NAME:-$C} $NAME $A", TestEnv());
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.unmatched, (Names{"A", "B", "C"}));
  EXPECT_EQ(r.unresolved, (Names{"A"}));
  EXPECT_FALSE(r.resolved());
}

TEST(Expand, DefaultsMakeAValueDefinite) {
  Env env;
  ExpandResult port = ExpandWord("${PORT:-80}", env);
  EXPECT_TRUE(port.resolved());
  EXPECT_EQ(port.word, "80");
  EXPECT_EQ(port.unmatched, Names{"PORT"});
  EXPECT_TRUE(ExpandWord("${DEBUG:+--verbose}", env).resolved());
  EXPECT_FALSE(ExpandWord("${PORT:-$OTHER}", env).resolved());
  EXPECT_FALSE(ExpandWord("${PORT%%x}", env).resolved());
  EXPECT_FALSE(ExpandWord("${PORT}", env).resolved());
  EXPECT_TRUE(ExpandWord("'$PORT'", env).resolved());
}

TEST(Expand, UnknownValuesAreDefinedButUnresolved) {
  Env env;
  env.SetUnknown("TARGETARCH");
  EXPECT_TRUE(env.Defined("TARGETARCH"));
  EXPECT_FALSE(env.Has("TARGETARCH"));
  for (const char* text : {"$TARGETARCH", "${TARGETARCH:-amd64}", "${TARGETARCH:+x}",
                           "${TARGETARCH?}", "${TARGETARCH#v}", "${TARGETARCH/a/b}"}) {
    ExpandResult r = ExpandWord(text, env);
    EXPECT_TRUE(r.ok) << text;
    EXPECT_TRUE(r.unmatched.empty()) << text;
    EXPECT_EQ(r.unresolved, Names{"TARGETARCH"}) << text;
  }
  env.Set("TARGETARCH", "arm64");
  EXPECT_FALSE(env.IsUnknown("TARGETARCH"));
  EXPECT_EQ(ExpandWord("$TARGETARCH", env).word, "arm64");
}

TEST(Expand, NonAsciiText) {
  Env env;
  env.Set("명", "값");
  EXPECT_EQ(ExpandWord("é$명ü", env).word, "é");  // ü belongs to the name
  EXPECT_EQ(ExpandWord("é${명}ü", env).word, "é값ü");
  EXPECT_EQ(ExpandWord("x$명—y", env).word, "x값—y");
}

TEST(Expand, HostileInputStaysBounded) {
  Env env;
  env.Set("LONG", std::string(400, 'a'));
  ExpandResult stars = ExpandWord("${LONG#*a*a*a*a*a*a*a*a*a*a*b}", env);
  ASSERT_TRUE(stars.ok);
  EXPECT_EQ(stars.word.size(), 400u);
  std::string nested;
  for (int i = 0; i < 5000; ++i) nested += "${A:-";
  ExpandResult deep = ExpandWord(nested, env);
  EXPECT_FALSE(deep.ok);
}

}  // namespace
}  // namespace pf::dockerfile
