// Differential check: every Dockerfile of ../shared/corpus and every
// BuildKit conformance Dockerfile parses to the same instruction list
// whether its lines end in \n or \r\n, and with or without a trailing
// newline. Skips when ../shared is absent.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <variant>
#include <vector>

#include "core/source.h"
#include "dockerfile/parser.h"

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> Dockerfiles() {
  std::vector<fs::path> out;
  for (const char* sub : {"corpus", "conformance/buildkit/parser"}) {
    fs::path root = fs::path(PF_SHARED_DIR) / sub;
    if (!fs::is_directory(root)) continue;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
      std::string name = e.path().filename().string();
      if (e.is_regular_file() &&
          (name.starts_with("Dockerfile") || name.ends_with(".dockerfile"))) {
        out.push_back(e.path());
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The dump plus every instruction's lines: what "the same list" means.
std::string Shape(const std::string& text) {
  pf::SourceFile source("Dockerfile", text);
  auto parsed = pf::dockerfile::Parse(source);
  if (auto* error = std::get_if<pf::dockerfile::ParseError>(&parsed)) {
    return "error: " + error->message;
  }
  const auto& file = std::get<pf::dockerfile::Dockerfile>(parsed);
  std::string shape = pf::dockerfile::Dump(file);
  for (const auto& ins : file.instructions) {
    shape += "\n" + ins.keyword + " " + std::to_string(ins.range.start.line) + "-" +
             std::to_string(ins.range.end.line);
  }
  return shape;
}

std::string WithLf(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    out += text[i];
  }
  return out;
}

std::string WithCrlf(const std::string& lf) {
  std::string out;
  out.reserve(lf.size() + lf.size() / 16);
  for (char c : lf) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

std::string Trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

TEST(LineEnds, SameInstructionsForEveryLineEnd) {
  std::vector<fs::path> files = Dockerfiles();
  if (files.empty()) GTEST_SKIP() << "no ../shared corpus or conformance data";
  int checked = 0;
  for (const fs::path& path : files) {
    const std::string lf = WithLf(ReadAll(path));
    const std::string want = Shape(lf + (lf.ends_with('\n') ? "" : "\n"));
    const std::string variants[] = {Trimmed(lf), WithCrlf(lf), Trimmed(WithCrlf(lf)),
                                    WithCrlf(Trimmed(lf)) + "\r\n"};
    for (const std::string& v : variants) {
      EXPECT_EQ(Shape(v), want) << path;
    }
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

}  // namespace
