// Hostile input: every case must end in a clear error (or a bounded
// success), never a crash, a hang or an exception escaping Load.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "compose/loader.h"
#include "compose/test_util.h"

namespace pf::compose {
namespace {

using testing::LoadText;

// Runs Load and checks it returns within a generous time bound.
LoadResult TimedLoad(const std::string& text, LoadOptions opts = {}) {
  auto start = std::chrono::steady_clock::now();
  LoadResult r = LoadText(text, opts);
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(std::chrono::duration_cast<std::chrono::seconds>(elapsed).count(), 20);
  return r;
}

TEST(ComposeHostile, BillionLaughsIsBounded) {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c) {
    text += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) text += std::string(i ? ", " : "") + "*" + prev;
    text += "]\n";
    prev = c;
  }
  text += "services:\n  s:\n    command: *j\n";
  LoadResult r = TimedLoad(text);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error.message.find("alias expansion"), std::string::npos) << r.error.message;
  EXPECT_GT(r.error.position.line, 0);
}

TEST(ComposeHostile, RecursiveAliasIsAnError) {
  LoadResult r = TimedLoad("x: &a\n  k: *a\nservices: {}\n");
  ASSERT_FALSE(r.ok());
  EXPECT_FALSE(r.error.message.empty());
}

TEST(ComposeHostile, DeepFlowNestingRejectedBeforeParsing) {
  std::string text = "services: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
  LoadResult r = TimedLoad(text);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error.message.find("nesting deeper than 512"), std::string::npos);
  EXPECT_EQ(r.error.position.line, 1);
}

TEST(ComposeHostile, DeepUnclosedFlowAndMappingNesting) {
  LoadResult r = TimedLoad("a: " + std::string(100000, '{'));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error.message.find("nesting"), std::string::npos);
}

TEST(ComposeHostile, DeepBlockSequenceNesting) {
  std::string text = "x:\n  ";
  for (int i = 0; i < 100000; ++i) text += "- ";
  text += "1\n";
  LoadResult r = TimedLoad(text);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error.message.find("nesting"), std::string::npos);
}

TEST(ComposeHostile, ModerateNestingWithinLimitsLoads) {
  std::string text =
      "x-nested: " + std::string(200, '[') + std::string(200, ']') + "\nservices: {}\n";
  LoadResult r = TimedLoad(text);
  EXPECT_TRUE(r.ok()) << r.error.message;
}

TEST(ComposeHostile, HugeScalarRejectedBySizeCap) {
  std::string text = "services:\n  s:\n    image: " + std::string(50u << 20, 'a') + "\n";
  LoadResult r = TimedLoad(text);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error.message.find("too large"), std::string::npos);
  LoadOptions small;
  small.max_file_bytes = 64;
  LoadResult capped =
      TimedLoad("services:\n  s:\n    image: " + std::string(100, 'a') + "\n", small);
  ASSERT_FALSE(capped.ok());
}

TEST(ComposeHostile, DuplicateKeysAnywhere) {
  LoadResult r = TimedLoad("services:\n  a: {image: x}\n  a: {image: y}\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.position.line, 3);
  LoadResult flow = TimedLoad("services: {s: {environment: {A: 1, A: 2}}}\n");
  ASSERT_FALSE(flow.ok());
  EXPECT_NE(flow.error.message.find("duplicate key \"A\""), std::string::npos);
}

TEST(ComposeHostile, NonMappingRoot) {
  for (const char* text : {"- a\n- b\n", "just a string\n", "42\n"}) {
    LoadResult r = TimedLoad(text);
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.error.message, "top-level object must be a mapping");
    EXPECT_EQ(r.error.position.line, 1);
  }
}

TEST(ComposeHostile, TabsInIndentation) {
  LoadResult r = TimedLoad("services:\n\tweb:\n\t\timage: x\n");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error.message.find("tab character"), std::string::npos);
  EXPECT_EQ(r.error.position.line, 2);
  // Tabs inside a block scalar are content, not indentation.
  LoadResult ok = TimedLoad("services:\n  s:\n    command: |\n      run\n      \tindented\n");
  EXPECT_TRUE(ok.ok()) << ok.error.message;
}

TEST(ComposeHostile, InvalidUtf8) {
  LoadResult r = TimedLoad("services:\n  s:\n    image: \xC3\x28\n");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error.message.find("UTF-8"), std::string::npos);
  EXPECT_EQ(r.error.position, (Position{3, 12}));
}

TEST(ComposeHostile, SyntaxErrorsHavePositions) {
  LoadResult r = TimedLoad("services:\n  s:\n    image: [unclosed\n");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error.message.find("invalid YAML"), std::string::npos);
  EXPECT_GT(r.error.position.line, 0);
}

TEST(ComposeHostile, ManyDocumentsAndKeysStayBounded) {
  std::string text;
  for (int i = 0; i < 2000; ++i)
    text += "services:\n  s" + std::to_string(i) + ": {image: x}\n---\n";
  LoadResult r = TimedLoad(text);
  ASSERT_TRUE(r.ok()) << r.error.message;
  EXPECT_EQ(r.project->services.size(), 2000u);
}

TEST(ComposeHostile, DeeplyNestedInterpolationDefaults) {
  std::string v;
  for (int i = 0; i < 5000; ++i) v += "${A:-";
  v += "x" + std::string(5000, '}');
  LoadResult r = TimedLoad("services:\n  s:\n    image: \"" + v + "\"\n");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error.message.find("too deeply"), std::string::npos);
}

TEST(ComposeHostile, ManySubstitutionsOnOneLine) {
  std::string v;
  for (int i = 0; i < 20000; ++i) v += "${A-x}";
  LoadResult r = TimedLoad("services:\n  s:\n    image: \"" + v + "}\"\n");
  ASSERT_TRUE(r.ok()) << r.error.message;
  EXPECT_EQ(r.project->services[0].image->value, std::string(20000, 'x') + "}");
}

}  // namespace
}  // namespace pf::compose

namespace pf::compose {
namespace {

// yaml-cpp never returns from a document whose root starts with ','; the
// prescan refuses it with a position instead.
TEST(ComposeHostile, DocumentOpenedByACommaIsAnError) {
  for (const char* text : {",", ", x\n", "# c\n,\n", "---\n,", "a: 1\n---\n,", "!!str ,", "&a ,",
                           "a: 1\n...\n  ,", "&x/, \"a\"\n"}) {
    LoadResult r = testing::LoadText(text);
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_NE(r.error.message.find("cannot start a YAML document"), std::string::npos)
        << r.error.message;
    EXPECT_GT(r.error.position.line, 0) << text;
  }
  // A comma inside a document is fine.
  EXPECT_TRUE(testing::LoadText("services:\n  web:\n    image: \"a,b\"\n").ok());
  EXPECT_TRUE(testing::LoadText("services: {web: {image: nginx}, db: {image: pg}}\n").ok());
}

}  // namespace
}  // namespace pf::compose
