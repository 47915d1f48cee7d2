// Checks word expansion against BuildKit's shell test data, loaded from
// PF_SHARED_DIR at run time.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "dockerfile/expand.h"

namespace pf::dockerfile {
namespace {

std::filesystem::path ShellDataDir() {
  return std::filesystem::path(PF_SHARED_DIR) / "conformance" / "buildkit" / "shell";
}

std::vector<std::string> ReadLines(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

std::string Trim(const std::string& s) {
  const char* ws = " \t\r\n\v\f";
  std::size_t b = s.find_first_not_of(ws);
  if (b == std::string::npos) return "";
  std::size_t e = s.find_last_not_of(ws);
  return s.substr(b, e - b + 1);
}

std::string TrimLeftSpaces(const std::string& s) {
  std::size_t b = s.find_first_not_of(' ');
  return b == std::string::npos ? "" : s.substr(b);
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t at = s.find(sep, start);
    parts.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) return parts;
    start = at + 1;
  }
}

TEST(ShellConformance, EnvVarTest) {
  std::filesystem::path file = ShellDataDir() / "envVarTest";
  if (!std::filesystem::exists(file)) GTEST_SKIP() << "no conformance data at " << file;
  Env env;
  env.Set("PWD", "/home");
  env.Set("SHELL", "bash");
  env.Set("KOREAN", "한국어");
  env.Set("NULL", "");
  int checked = 0;
  int line_no = 0;
  for (const std::string& raw : ReadLines(file)) {
    ++line_no;
    std::string line = Trim(raw);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields = Split(line, '|');
    ASSERT_EQ(fields.size(), 3u) << "line " << line_no << ": " << raw;
    std::string platform = Trim(fields[0]);
    if (platform != "A" && platform != "U") continue;
    std::string input = Trim(fields[1]);
    std::string expected = Trim(fields[2]);
    ExpandResult r = ExpandWord(input, env);
    if (expected == "error") {
      EXPECT_FALSE(r.ok) << "line " << line_no << ": `" << input << "` gave `" << r.word << "`";
    } else {
      EXPECT_TRUE(r.ok) << "line " << line_no << ": `" << input << "`: " << r.error;
      EXPECT_EQ(r.word, expected) << "line " << line_no << ": `" << input << "`";
    }
    ++checked;
  }
  EXPECT_GT(checked, 100);
}

TEST(ShellConformance, WordsTest) {
  std::filesystem::path file = ShellDataDir() / "wordsTest";
  if (!std::filesystem::exists(file)) GTEST_SKIP() << "no conformance data at " << file;
  Env env;
  int checked = 0;
  int line_no = 0;
  for (const std::string& raw : ReadLines(file)) {
    ++line_no;
    if (Trim(raw).empty() || Trim(raw)[0] == '#') continue;
    if (raw.rfind("ENV ", 0) == 0) {
      std::string kv = TrimLeftSpaces(raw.substr(3));
      std::size_t eq = kv.find('=');
      if (eq == std::string::npos) {
        env.Set(kv, "");
      } else {
        env.Set(kv.substr(0, eq), kv.substr(eq + 1));
      }
      continue;
    }
    std::vector<std::string> fields = Split(raw, '|');
    ASSERT_EQ(fields.size(), 2u) << "line " << line_no << ": " << raw;
    std::string input = Trim(fields[0]);
    std::vector<std::string> expected = Split(TrimLeftSpaces(fields[1]), ',');
    ExpandResult r = ExpandWords(input, env);
    std::vector<std::string> got = r.ok ? r.words : std::vector<std::string>{"error"};
    EXPECT_EQ(got, expected) << "line " << line_no << ": `" << input << "` " << r.error;
    ++checked;
  }
  EXPECT_GT(checked, 20);
}

}  // namespace
}  // namespace pf::dockerfile
