// Runs BuildKit's parser test data (loaded from PF_SHARED_DIR at run time)
// against this parser.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "dockerfile/parser.h"
#include "dockerfile/parser_internal.h"

namespace pf::dockerfile {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path BuildkitDir() { return fs::path(PF_SHARED_DIR) / "conformance" / "buildkit"; }

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<fs::path> CaseDirs(const char* sub) {
  std::vector<fs::path> dirs;
  fs::path root = BuildkitDir() / "parser" / sub;
  if (!fs::is_directory(root)) return dirs;
  for (const auto& e : fs::directory_iterator(root)) {
    if (e.is_directory()) dirs.push_back(e.path());
  }
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

#define SKIP_WITHOUT_DATA()                                            \
  if (!fs::is_directory(BuildkitDir())) {                              \
    GTEST_SKIP() << "conformance data not found at " << BuildkitDir(); \
  }

TEST(BuildkitConformance, Testfiles) {
  SKIP_WITHOUT_DATA();
  auto dirs = CaseDirs("testfiles");
  ASSERT_FALSE(dirs.empty());
  for (const auto& dir : dirs) {
    SCOPED_TRACE(dir.filename().string());
    SourceFile src("Dockerfile", ReadFile(dir / "Dockerfile"));
    auto parsed = Parse(src);
    if (auto* err = std::get_if<ParseError>(&parsed)) {
      ADD_FAILURE() << dir.filename() << ": " << err->message;
      continue;
    }
    EXPECT_EQ(Dump(std::get<Dockerfile>(parsed)) + "\n", ReadFile(dir / "result"))
        << dir.filename();
  }
}

TEST(BuildkitConformance, TestfilesNegative) {
  SKIP_WITHOUT_DATA();
  auto dirs = CaseDirs("testfiles-negative");
  ASSERT_FALSE(dirs.empty());
  for (const auto& dir : dirs) {
    SourceFile src("Dockerfile", ReadFile(dir / "Dockerfile"));
    EXPECT_TRUE(std::holds_alternative<ParseError>(Parse(src))) << dir.filename();
  }
}

TEST(BuildkitConformance, TestfileLine) {
  SKIP_WITHOUT_DATA();
  SourceFile src("Dockerfile", ReadFile(BuildkitDir() / "parser" / "testfile-line" / "Dockerfile"));
  auto parsed = Parse(src);
  ASSERT_TRUE(std::holds_alternative<Dockerfile>(parsed));
  const auto& df = std::get<Dockerfile>(parsed);
  ASSERT_EQ(df.instructions.size(), 3u);
  EXPECT_EQ(df.instructions[0].range.start.line, 5);
  EXPECT_EQ(df.instructions[0].range.end.line, 5);
  EXPECT_EQ(df.instructions[1].range.start.line, 11);
  EXPECT_EQ(df.instructions[1].range.end.line, 12);
  EXPECT_EQ(df.instructions[2].range.start.line, 17);
  EXPECT_EQ(df.instructions[2].range.end.line, 31);
}

// ---- cases/*.json ---------------------------------------------------------

std::vector<std::string> Strings(const json& arr) {
  std::vector<std::string> out;
  for (const auto& v : arr) out.push_back(v.get<std::string>());
  return out;
}

std::vector<std::string> Texts(const std::vector<internal::Piece>& pieces) {
  std::vector<std::string> out;
  for (const auto& p : pieces) out.push_back(p.text);
  return out;
}

void CheckHeredoc(const json& want, const Heredoc& got) {
  EXPECT_EQ(got.name, want.at("name").get<std::string>());
  if (want.contains("content")) {
    EXPECT_EQ(got.content, want["content"].get<std::string>());
  }
  if (want.contains("expand")) {
    EXPECT_EQ(got.expand, want["expand"].get<bool>());
  }
  if (want.contains("chomp")) {
    EXPECT_EQ(got.chomp, want["chomp"].get<bool>());
  }
  if (want.contains("file_descriptor")) {
    EXPECT_EQ(got.file_descriptor, want["file_descriptor"].get<int>());
  }
}

void RunParseCase(const json& c) {
  const json& expect = c.at("expect");
  SourceFile src("Dockerfile", c.at("input").get<std::string>());
  auto parsed = Parse(src);
  if (expect.value("error", false)) {
    auto* err = std::get_if<ParseError>(&parsed);
    ASSERT_NE(err, nullptr);
    if (expect.contains("error_text")) {
      EXPECT_EQ(err->message, expect["error_text"].get<std::string>());
    }
    return;
  }
  auto* err = std::get_if<ParseError>(&parsed);
  ASSERT_EQ(err, nullptr) << err->message;
  const auto& df = std::get<Dockerfile>(parsed);
  if (expect.contains("instruction_count")) {
    EXPECT_EQ(df.instructions.size(), expect["instruction_count"].get<std::size_t>());
  }
  if (expect.contains("start_line")) {
    ASSERT_FALSE(df.instructions.empty());
    EXPECT_EQ(df.instructions.front().range.start.line, expect["start_line"].get<int>());
    EXPECT_EQ(df.instructions.back().range.end.line, expect["end_line"].get<int>());
  }
  if (expect.contains("instructions")) {
    for (const auto& want : expect["instructions"]) {
      std::size_t i = want.at("index").get<std::size_t>();
      SCOPED_TRACE("instruction " + std::to_string(i));
      ASSERT_LT(i, df.instructions.size());
      const Instruction& got = df.instructions[i];
      EXPECT_EQ(got.keyword, want.at("keyword").get<std::string>());
      EXPECT_EQ(got.range.start.line, want.at("start_line").get<int>());
      EXPECT_EQ(got.range.end.line, want.at("end_line").get<int>());
      if (want.contains("heredocs")) {
        ASSERT_EQ(got.heredocs.size(), want["heredocs"].size());
        for (std::size_t h = 0; h < got.heredocs.size(); ++h) {
          CheckHeredoc(want["heredocs"][h], got.heredocs[h]);
        }
      }
    }
  }
  if (expect.contains("warning_count")) {
    ASSERT_EQ(df.warnings.size(), expect["warning_count"].get<std::size_t>());
  }
  if (expect.contains("warnings")) {
    for (std::size_t w = 0; w < expect["warnings"].size(); ++w) {
      ASSERT_LT(w, df.warnings.size());
      const json& want = expect["warnings"][w];
      for (const auto& s : want.value("short_contains", json::array())) {
        EXPECT_NE(df.warnings[w].short_message.find(s.get<std::string>()), std::string::npos);
      }
      for (const auto& s : want.value("detail_contains", json::array())) {
        ASSERT_FALSE(df.warnings[w].detail.empty());
        EXPECT_NE(df.warnings[w].detail[0].find(s.get<std::string>()), std::string::npos);
      }
    }
  }
  if (c.contains("derived") && c["derived"].contains("warnings")) {
    const json& derived = c["derived"]["warnings"];
    ASSERT_EQ(df.warnings.size(), derived.size());
    for (std::size_t w = 0; w < derived.size(); ++w) {
      EXPECT_EQ(df.warnings[w].short_message, derived[w]["short"].get<std::string>());
      EXPECT_EQ(df.warnings[w].detail, Strings(derived[w]["detail"]));
      EXPECT_EQ(df.warnings[w].url, derived[w]["url"].get<std::string>());
      EXPECT_EQ(df.warnings[w].line, derived[w]["line"].get<int>());
    }
  }
}

void RunLookupCase(const json& c, const internal::DirectiveLookup& got) {
  const json& expect = c.at("expect");
  const json& full = c.contains("derived") ? c["derived"] : expect;
  for (const json* e : {&expect, &full}) {
    if (e->contains("found")) {
      EXPECT_EQ(got.found, (*e)["found"].get<bool>());
    }
    if (e->contains("ref")) {
      EXPECT_EQ(got.ref, (*e)["ref"].get<std::string>());
    }
    if (e->contains("cmdline")) {
      EXPECT_EQ(got.cmdline, (*e)["cmdline"].get<std::string>());
    }
    if (e->contains("location") && !(*e)["location"].is_null()) {
      EXPECT_EQ(got.start_line, (*e)["location"]["start_line"].get<int>());
      EXPECT_EQ(got.end_line, (*e)["location"]["end_line"].get<int>());
    }
  }
}

void RunCase(const json& c) {
  const std::string api = c.at("api").get<std::string>();
  const std::string input = c.at("input").get<std::string>();
  const json& expect = c.at("expect");
  const json empty_args = json::object();
  const json& args = c.contains("args") ? c["args"] : empty_args;
  auto escape_of = [&]() -> char {
    if (args.contains("escape_token") && args["escape_token"].is_string()) {
      return args["escape_token"].get<std::string>()[0];
    }
    return '\\';
  };
  if (api == "parse") {
    RunParseCase(c);
  } else if (api == "chomp_heredoc_content") {
    EXPECT_EQ(internal::ChompHeredocContent(input), expect.at("output").get<std::string>());
  } else if (api == "parse_heredoc_word") {
    auto got = internal::ParseHeredocWord(input);
    if (expect.value("error", false)) {
      EXPECT_TRUE(got.error.has_value());
      return;
    }
    ASSERT_FALSE(got.error.has_value()) << *got.error;
    if (expect.at("heredoc").is_null()) {
      EXPECT_FALSE(got.heredoc.has_value());
      return;
    }
    ASSERT_TRUE(got.heredoc.has_value());
    const json& full = c.contains("derived") ? c["derived"]["heredoc"] : expect["heredoc"];
    EXPECT_EQ(got.heredoc->name, full.at("name").get<std::string>());
    if (full.contains("expand")) {
      EXPECT_EQ(got.heredoc->expand, full["expand"].get<bool>());
    }
    if (full.contains("chomp")) {
      EXPECT_EQ(got.heredoc->chomp, full["chomp"].get<bool>());
    }
    if (full.contains("file_descriptor")) {
      EXPECT_EQ(got.heredoc->file_descriptor, full["file_descriptor"].get<int>());
    }
  } else if (api == "heredocs_from_line") {
    auto got = internal::HeredocsFromLine(input);
    ASSERT_FALSE(got.error.has_value());
    std::vector<std::string> names;
    for (const auto& h : got.heredocs) names.push_back(h.name);
    const json& want =
        c.contains("derived") ? c["derived"]["heredoc_names"] : expect.at("heredoc_names");
    EXPECT_EQ(names, Strings(want));
  } else if (api == "directive_parser_parse_all") {
    internal::DirectiveParser parser;
    auto got = parser.ParseAll(input);
    const json& want = expect.at("directives");
    ASSERT_EQ(got.size(), want.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].name, want[i]["name"].get<std::string>());
      EXPECT_EQ(got[i].value, want[i]["value"].get<std::string>());
      if (c.contains("derived")) {
        EXPECT_EQ(got[i].line, c["derived"]["directives"][i]["line"].get<int>());
      }
    }
  } else if (api == "detect_syntax") {
    RunLookupCase(c, internal::DetectSyntax(input));
  } else if (api == "parse_directive") {
    RunLookupCase(c, internal::ParseDirectiveKey(args.at("key").get<std::string>(), input));
  } else if (api == "parse_words") {
    EXPECT_EQ(Texts(internal::ParseWords(input, escape_of())), Strings(expect.at("words")));
  } else if (api == "parse_json") {
    auto got = internal::ParseJsonArray(input);
    if (expect.value("error", false)) {
      EXPECT_FALSE(got.ok);
      if (expect.contains("error_text")) {
        EXPECT_TRUE(got.not_string_array);
        EXPECT_EQ(got.error, expect["error_text"].get<std::string>());
      }
      return;
    }
    ASSERT_TRUE(got.ok) << got.error;
    EXPECT_EQ(Texts(got.values), Strings(expect.at("values")));
  } else if (api == "parse_name_val") {
    auto got =
        internal::ParseNameVal(input, args.at("instruction").get<std::string>(), escape_of());
    if (expect.value("error", false)) {
      ASSERT_TRUE(got.error.has_value());
      if (c.contains("derived") && c["derived"].contains("error_text")) {
        EXPECT_EQ(*got.error, c["derived"]["error_text"].get<std::string>());
      }
      return;
    }
    ASSERT_FALSE(got.error.has_value()) << *got.error;
    EXPECT_EQ(Texts(got.values), Strings(expect.at("values")));
  } else {
    ADD_FAILURE() << "unknown api " << api;
  }
}

TEST(BuildkitConformance, Cases) {
  SKIP_WITHOUT_DATA();
  fs::path dir = BuildkitDir() / "cases";
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_FALSE(files.empty());
  std::size_t count = 0;
  for (const auto& f : files) {
    json cases = json::parse(ReadFile(f));
    for (const auto& c : cases) {
      SCOPED_TRACE(f.filename().string() + ": " + c.at("name").get<std::string>());
      RunCase(c);
      ++count;
    }
  }
  EXPECT_EQ(count, 80u);
}

}  // namespace
}  // namespace pf::dockerfile
