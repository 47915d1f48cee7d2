#pragma once

// Building blocks of the Dockerfile parser, exposed for tests. Each mirrors
// one step of BuildKit's parser so it can be checked on its own.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"

namespace pf::dockerfile::internal {

// ---- Go text semantics -------------------------------------------------
using utf8::AppendRune;
using utf8::DecodeRune;
using utf8::GoQuote;
using utf8::IsSpace;
using utf8::Rune;
// Index of the first byte that is not a Unicode space, from `from`.
std::size_t SkipUnicodeSpace(std::string_view s, std::size_t from = 0);
// Index just after the last byte that is not a Unicode space.
std::size_t TrimUnicodeSpaceRight(std::string_view s, std::size_t begin, std::size_t end);

// A piece of text cut from an input, with its byte range in that input.
struct Piece {
  std::string text;
  std::size_t begin = 0;
  std::size_t end = 0;
};

// ---- Shell word splitting used for heredoc detection --------------------
struct LexOptions {
  bool raw_quotes = false;
  bool raw_escapes = false;
};
struct LexResult {
  std::vector<Piece> words;
  std::optional<std::string> error;
};
// ProcessWords with escape `\`, an empty environment and unset variables
// kept as written.
LexResult LexWords(std::string_view input, LexOptions options);

// ---- Heredocs ----------------------------------------------------------
struct HeredocWord {
  std::string name;
  bool expand = true;
  bool chomp = false;
  int file_descriptor = 0;
  std::size_t begin = 0;  // span of the `<<EOF` word in the line
  std::size_t end = 0;
};
struct HeredocWordResult {
  std::optional<HeredocWord> heredoc;  // empty: not a heredoc
  std::optional<std::string> error;
};
HeredocWordResult ParseHeredocWord(std::string_view word);
struct HeredocsResult {
  std::vector<HeredocWord> heredocs;
  std::optional<std::string> error;
};
HeredocsResult HeredocsFromLine(std::string_view line);
std::string ChompHeredocContent(std::string_view content);

// ---- Directives --------------------------------------------------------
struct DirectiveEntry {
  std::string name;
  std::string value;
  int line = 0;
};
class DirectiveParser {
 public:
  explicit DirectiveParser(std::string comment_prefix = "#", int line = 0)
      : prefix_(std::move(comment_prefix)), line_(line) {}
  // Returns an error message, or nothing. `out` is set for a directive.
  std::optional<std::string> ParseLine(std::string_view line, std::optional<DirectiveEntry>& out);
  std::vector<DirectiveEntry> ParseAll(std::string_view data);
  bool done() const { return done_; }

 private:
  std::string prefix_;
  int line_ = 0;
  bool done_ = false;
  std::vector<std::string> seen_;
};
struct DirectiveLookup {
  bool found = false;
  std::string ref;
  std::string cmdline;
  int start_line = 0;
  int end_line = 0;
};
DirectiveLookup DetectSyntax(std::string_view data);
DirectiveLookup ParseDirectiveKey(std::string_view key, std::string_view data);

// ---- Argument parsers --------------------------------------------------
std::vector<Piece> ParseWords(std::string_view rest, char escape);

struct JsonResult {
  bool ok = false;
  bool not_string_array = false;  // fatal: the instruction fails
  std::string error;
  std::vector<Piece> values;  // decoded strings; spans of the literals
};
extern const char kNotStringArray[];
JsonResult ParseJsonArray(std::string_view rest);

struct NameValResult {
  std::vector<Piece> values;  // key, value, separator triplets
  std::optional<std::string> error;
};
NameValResult ParseNameVal(std::string_view rest, std::string_view key, char escape);

}  // namespace pf::dockerfile::internal
