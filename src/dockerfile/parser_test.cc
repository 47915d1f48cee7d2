#include "dockerfile/parser.h"

#include <gtest/gtest.h>

#include <ctime>
#include <string>

#include "dockerfile/parser_internal.h"

namespace pf::dockerfile {
namespace {

Dockerfile MustParse(const SourceFile& src) {
  auto result = Parse(src);
  if (auto* err = std::get_if<ParseError>(&result)) {
    ADD_FAILURE() << "unexpected error: " << err->message;
    return {};
  }
  return std::move(std::get<Dockerfile>(result));
}

ParseError MustFail(const SourceFile& src) {
  auto result = Parse(src);
  if (!std::holds_alternative<ParseError>(result)) {
    ADD_FAILURE() << "expected a parse error";
    return {};
  }
  return std::get<ParseError>(result);
}

Range R(int l1, int c1, int l2, int c2) { return Range{{l1, c1}, {l2, c2}}; }

TEST(ParserTest, WordPositionsOfShellFormWords) {
  SourceFile src("Dockerfile", "FROM alpine\nEXPOSE 80  8080\n");
  Dockerfile df = MustParse(src);
  ASSERT_EQ(df.instructions.size(), 2u);
  const Instruction& expose = df.instructions[1];
  EXPECT_EQ(expose.keyword, "expose");
  EXPECT_EQ(expose.keyword_range, R(2, 1, 2, 7));
  ASSERT_EQ(expose.args.size(), 2u);
  EXPECT_EQ(expose.args[0].text, "80");
  EXPECT_EQ(expose.args[0].range, R(2, 8, 2, 10));
  EXPECT_EQ(expose.args[1].text, "8080");
  EXPECT_EQ(expose.args[1].range, R(2, 12, 2, 16));
  EXPECT_EQ(expose.range, R(2, 1, 2, 16));
}

TEST(ParserTest, ContinuationJoinsLinesAndMapsOffsets) {
  std::string text = "FROM a\nRUN echo one \\\n# note\n    two\n";
  SourceFile src("Dockerfile", text);
  Dockerfile df = MustParse(src);
  ASSERT_EQ(df.instructions.size(), 2u);
  const Instruction& run = df.instructions[1];
  EXPECT_EQ(run.args_text, "echo one     two");
  ASSERT_EQ(run.args_offsets.size(), run.args_text.size());
  std::size_t two = run.args_text.find("two");
  EXPECT_EQ(src.PositionAt(run.args_offsets[two]), (Position{4, 5}));
  EXPECT_EQ(run.range, R(2, 1, 4, 8));
  ASSERT_EQ(run.args.size(), 1u);
  EXPECT_EQ(run.args[0].range, R(2, 5, 4, 8));
  EXPECT_TRUE(df.warnings.empty());
}

TEST(ParserTest, EmptyContinuationLineWarns) {
  SourceFile src("Dockerfile", "FROM a\nRUN a \\\n\n  b\n");
  Dockerfile df = MustParse(src);
  ASSERT_EQ(df.warnings.size(), 1u);
  EXPECT_EQ(df.warnings[0].line, 4);
  EXPECT_EQ(df.warnings[0].short_message, "Empty continuation line found in: RUN a   b");
}

TEST(ParserTest, CrlfLineEnds) {
  SourceFile src("Dockerfile", "FROM a\r\nRUN x \\\r\n  y\r\n");
  Dockerfile df = MustParse(src);
  ASSERT_EQ(df.instructions.size(), 2u);
  EXPECT_EQ(df.instructions[0].args[0].text, "a");
  EXPECT_EQ(df.instructions[1].args_text, "x   y");
  EXPECT_EQ(df.instructions[1].range, R(2, 1, 3, 4));
}

TEST(ParserTest, LeadingBomIsSkipped) {
  SourceFile src("Dockerfile", "\xEF\xBB\xBF# syntax=docker/dockerfile:1\nFROM a\n");
  Dockerfile df = MustParse(src);
  ASSERT_EQ(df.directives.size(), 1u);
  EXPECT_EQ(df.directives[0].name, "syntax");
  EXPECT_EQ(df.directives[0].value, "docker/dockerfile:1");
  ASSERT_EQ(df.instructions.size(), 1u);
  EXPECT_EQ(df.instructions[0].keyword, "from");
}

TEST(ParserTest, BacktickEscapeDirective) {
  SourceFile src("Dockerfile", "# escape=`\nFROM a\nRUN dir c:\\ `\n  && echo\n");
  Dockerfile df = MustParse(src);
  EXPECT_EQ(df.escape, '`');
  ASSERT_EQ(df.instructions.size(), 2u);
  EXPECT_EQ(df.instructions[1].args_text, "dir c:\\   && echo");
}

TEST(ParserTest, DirectiveAfterInstructionIsAComment) {
  SourceFile src("Dockerfile", "FROM a\n# escape=`\nRUN a \\\n b\n");
  Dockerfile df = MustParse(src);
  EXPECT_EQ(df.escape, '\\');
  EXPECT_TRUE(df.directives.empty());
  EXPECT_EQ(df.instructions[1].args_text, "a  b");
}

TEST(ParserTest, KeywordsInAnyCase) {
  SourceFile src("Dockerfile", "from a\nRuN echo\n");
  Dockerfile df = MustParse(src);
  EXPECT_EQ(df.instructions[0].keyword, "from");
  EXPECT_EQ(df.instructions[1].keyword, "run");
}

TEST(ParserTest, FlagsHavePositionsNamesAndValues) {
  SourceFile src("Dockerfile", "FROM a\nCOPY --from=build --link --chmod=755 src /dst\n");
  Dockerfile df = MustParse(src);
  const Instruction& copy = df.instructions[1];
  ASSERT_EQ(copy.flags.size(), 3u);
  EXPECT_EQ(copy.flags[0].raw, "--from=build");
  EXPECT_EQ(copy.flags[0].name, "from");
  EXPECT_EQ(copy.flags[0].value, "build");
  EXPECT_TRUE(copy.flags[0].has_value);
  EXPECT_EQ(copy.flags[0].range, R(2, 6, 2, 18));
  EXPECT_EQ(copy.flags[1].name, "link");
  EXPECT_FALSE(copy.flags[1].has_value);
  EXPECT_EQ(copy.flags[2].value, "755");
  EXPECT_EQ(copy.args_text, "src /dst");
  ASSERT_EQ(copy.args.size(), 2u);
  EXPECT_EQ(copy.args[1].range, R(2, 42, 2, 46));
}

TEST(ParserTest, RepeatedMountFlags) {
  SourceFile src("Dockerfile",
                 "FROM a\nRUN --mount=type=cache,target=/a --mount=type=secret,id=x make\n");
  Dockerfile df = MustParse(src);
  const Instruction& run = df.instructions[1];
  ASSERT_EQ(run.flags.size(), 2u);
  EXPECT_EQ(run.flags[0].value, "type=cache,target=/a");
  EXPECT_EQ(run.flags[1].value, "type=secret,id=x");
  EXPECT_EQ(run.args_text, "make");
}

TEST(ParserTest, JsonFormWordsAreDecodedWithLiteralRanges) {
  SourceFile src("Dockerfile", "FROM a\nCMD [\"echo\", \"a\\tb\"]\n");
  Dockerfile df = MustParse(src);
  const Instruction& cmd = df.instructions[1];
  EXPECT_TRUE(cmd.json_form);
  ASSERT_EQ(cmd.args.size(), 2u);
  EXPECT_EQ(cmd.args[1].text, "a\tb");
  EXPECT_EQ(cmd.args[0].range, R(2, 6, 2, 12));
  EXPECT_EQ(cmd.args[1].range, R(2, 14, 2, 20));
}

TEST(ParserTest, InvalidJsonFallsBackToShellForm) {
  SourceFile src("Dockerfile", "FROM a\nCMD [echo, hi]\n");
  Dockerfile df = MustParse(src);
  EXPECT_FALSE(df.instructions[1].json_form);
  ASSERT_EQ(df.instructions[1].args.size(), 1u);
  EXPECT_EQ(df.instructions[1].args[0].text, "[echo, hi]");
}

TEST(ParserTest, NonStringJsonArrayIsAnError) {
  ParseError err = MustFail(SourceFile("Dockerfile", "FROM a\nCMD [\"a\", 1]\n"));
  EXPECT_EQ(err.message, internal::kNotStringArray);
  EXPECT_EQ(err.range.start.line, 2);
}

TEST(ParserTest, EnvAndLabelTriplets) {
  SourceFile src("Dockerfile", "FROM a\nENV A=1 B=\"x y\"\nENV OLD value here\n");
  Dockerfile df = MustParse(src);
  const auto& env = df.instructions[1].args;
  ASSERT_EQ(env.size(), 6u);
  EXPECT_EQ(env[0].text, "A");
  EXPECT_EQ(env[1].text, "1");
  EXPECT_EQ(env[2].text, "=");
  EXPECT_EQ(env[4].text, "\"x y\"");
  EXPECT_EQ(env[4].range, R(2, 11, 2, 16));
  const auto& old = df.instructions[2].args;
  ASSERT_EQ(old.size(), 3u);
  EXPECT_EQ(old[1].text, "value here");
  EXPECT_EQ(old[2].text, "");
}

TEST(ParserTest, OnbuildHoldsChildInstruction) {
  SourceFile src("Dockerfile", "FROM a\nONBUILD RUN --network=none echo hi\n");
  Dockerfile df = MustParse(src);
  const Instruction& ob = df.instructions[1];
  ASSERT_NE(ob.child, nullptr);
  EXPECT_EQ(ob.child->keyword, "run");
  EXPECT_EQ(ob.child->keyword_range, R(2, 9, 2, 12));
  ASSERT_EQ(ob.child->flags.size(), 1u);
  EXPECT_EQ(ob.child->flags[0].name, "network");
  EXPECT_EQ(Dump(df), "(from \"a\")\n(onbuild (run [\"--network=none\"] \"echo hi\"))");
}

TEST(ParserTest, HealthcheckForms) {
  SourceFile src("Dockerfile",
                 "FROM a\nHEALTHCHECK NONE\nHEALTHCHECK --interval=5s CMD [\"curl\", \"x\"]\n");
  Dockerfile df = MustParse(src);
  EXPECT_EQ(Dump(df),
            "(from \"a\")\n(healthcheck \"NONE\")\n"
            "(healthcheck [\"--interval=5s\"] \"CMD\" \"curl\" \"x\")");
  EXPECT_TRUE(df.instructions[2].json_form);
}

TEST(ParserTest, HeredocBodyPositions) {
  SourceFile src("Dockerfile", "FROM a\nRUN <<EOF cat\nhello\nworld\nEOF\nUSER me\n");
  Dockerfile df = MustParse(src);
  ASSERT_EQ(df.instructions.size(), 3u);
  const Instruction& run = df.instructions[1];
  ASSERT_EQ(run.heredocs.size(), 1u);
  const Heredoc& h = run.heredocs[0];
  EXPECT_EQ(h.name, "EOF");
  EXPECT_EQ(h.content, "hello\nworld\n");
  EXPECT_EQ(h.word_range, R(2, 5, 2, 10));
  EXPECT_EQ(h.body_range.start, (Position{3, 1}));
  EXPECT_EQ(src.text().substr(h.body_span.begin, h.body_span.end - h.body_span.begin),
            "hello\nworld\n");
  EXPECT_EQ(run.range, R(2, 1, 5, 4));
  EXPECT_EQ(df.instructions[2].keyword, "user");
}

TEST(ParserTest, HeredocAfterContinuationAndChomp) {
  SourceFile src("Dockerfile", "FROM a\nCOPY --chown=1 \\\n  <<-'X' /x\n\tbody $V\n\tX\n");
  Dockerfile df = MustParse(src);
  const Instruction& copy = df.instructions[1];
  ASSERT_EQ(copy.heredocs.size(), 1u);
  EXPECT_TRUE(copy.heredocs[0].chomp);
  EXPECT_FALSE(copy.heredocs[0].expand);
  EXPECT_EQ(copy.heredocs[0].content, "\tbody $V\n");
  EXPECT_EQ(copy.heredocs[0].word_range, R(3, 3, 3, 9));
  EXPECT_EQ(copy.range.end.line, 5);
}

TEST(ParserTest, HeredocOnlyForRunCopyAdd) {
  SourceFile src("Dockerfile", "FROM a\nCMD <<EOF\nEOF\n");
  Dockerfile df = MustParse(src);
  ASSERT_EQ(df.instructions.size(), 3u);
  EXPECT_TRUE(df.instructions[1].heredocs.empty());
  EXPECT_EQ(df.instructions[2].keyword, "eof");
}

TEST(ParserTest, ErrorsCarryLines) {
  ParseError env = MustFail(SourceFile("Dockerfile", "FROM a\n\nENV PATH\n"));
  EXPECT_EQ(env.message, "ENV must have two arguments");
  EXPECT_EQ(env.range.start.line, 3);

  ParseError heredoc = MustFail(SourceFile("Dockerfile", "FROM a\nRUN <<EOF\nx\n"));
  EXPECT_EQ(heredoc.message, "unterminated heredoc");
  EXPECT_EQ(heredoc.range.start.line, 2);
  EXPECT_EQ(heredoc.range.end.line, 3);

  ParseError empty = MustFail(SourceFile("Dockerfile", "# only\n\n"));
  EXPECT_EQ(empty.message, "file with no instructions");

  ParseError escape = MustFail(SourceFile("Dockerfile", "# escape=x\nFROM a\n"));
  EXPECT_EQ(escape.message, "invalid escape token 'x' does not match ` or \\");

  ParseError twice = MustFail(SourceFile("Dockerfile", "# syntax=a\n# syntax=b\nFROM a\n"));
  EXPECT_EQ(twice.message, "only one syntax parser directive can be used");
}

TEST(ParserTest, HostileInputDoesNotCrash) {
  using namespace std::string_literals;
  std::string text = "FROM a\nRUN \x01\x00\xff\xfe echo \xc3\n"s;
  text += "LABEL x=\"\0\xff\"\n"s;
  text += "CMD [\"\xff\", \"\\ud800\"]\n";
  SourceFile src("Dockerfile", text);
  Dockerfile df = MustParse(src);
  ASSERT_EQ(df.instructions.size(), 4u);
  EXPECT_TRUE(df.instructions[3].json_form);
  EXPECT_EQ(df.instructions[3].args[0].text, "\xEF\xBF\xBD");
  EXPECT_FALSE(Dump(df).empty());
}

TEST(ParserTest, OverlongLineIsRejected) {
  std::string text = "FROM a\nRUN " + std::string(70000, 'a') + "\n";
  ParseError err = MustFail(SourceFile("Dockerfile", text));
  EXPECT_EQ(err.message, "dockerfile line greater than max allowed size of 65535");
}

TEST(ParserTest, LargeFileParsesInLinearTime) {
  std::string text = "FROM a\n";
  const std::string chunk = "RUN echo hello world \\\n  && echo again\n";
  while (text.size() < 8 * 1024 * 1024) text += chunk;
  SourceFile src("Dockerfile", text);
  // CPU time, so a busy machine does not make the check flaky.
  std::clock_t start = std::clock();
  Dockerfile df = MustParse(src);
  double seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  EXPECT_GT(df.instructions.size(), 100000u);
  EXPECT_LT(seconds, 20.0);
}

}  // namespace
}  // namespace pf::dockerfile
