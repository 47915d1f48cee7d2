// Word splitting for ENV, LABEL and ARG, as BuildKit's parseWords and
// parseNameVal do it (quotes and escapes stay in the words).

#include "dockerfile/parser_internal.h"

namespace pf::dockerfile::internal {
namespace {

bool IsTokenSpace(char c) { return c == '\t' || c == '\v' || c == '\f' || c == '\r' || c == ' '; }

}  // namespace

std::vector<Piece> ParseWords(std::string_view rest, char escape) {
  enum Phase { kSpaces, kWord, kQuote };
  std::vector<Piece> words;
  Phase phase = kSpaces;
  Piece word;
  char32_t quote = 0;
  bool blank_ok = false;
  auto flush = [&](std::size_t end) {
    if (blank_ok || !word.text.empty()) {
      word.end = end;
      words.push_back(std::move(word));
    }
    word = Piece{};
    blank_ok = false;
  };
  const auto esc = static_cast<char32_t>(static_cast<unsigned char>(escape));
  std::size_t pos = 0;
  while (pos <= rest.size()) {
    Rune ch{0, 1};
    if (pos != rest.size()) ch = DecodeRune(rest, pos);
    if (phase == kSpaces) {
      if (pos == rest.size()) break;
      if (IsSpace(ch.value)) {
        pos += ch.width;
        continue;
      }
      phase = kWord;
      word.begin = pos;
    }
    if (pos == rest.size()) {
      flush(pos);
      break;
    }
    if (phase == kWord) {
      if (IsSpace(ch.value)) {
        phase = kSpaces;
        flush(pos);
        pos += ch.width;
        continue;
      }
      if (ch.value == '\'' || ch.value == '"') {
        quote = ch.value;
        blank_ok = true;
        phase = kQuote;
      }
      if (ch.value == esc) {
        if (pos + ch.width == rest.size()) {
          pos += ch.width;
          continue;  // an escape at the very end is dropped
        }
        AppendRune(word.text, ch.value);
        pos += ch.width;
        ch = DecodeRune(rest, pos);
      }
      AppendRune(word.text, ch.value);
      pos += ch.width;
      continue;
    }
    // kQuote
    if (ch.value == quote) phase = kWord;
    if (ch.value == esc && quote != '\'') {
      if (pos + ch.width == rest.size()) {
        phase = kWord;
        pos += ch.width;
        continue;
      }
      pos += ch.width;
      AppendRune(word.text, ch.value);
      ch = DecodeRune(rest, pos);
    }
    AppendRune(word.text, ch.value);
    pos += ch.width;
  }
  return words;
}

NameValResult ParseNameVal(std::string_view rest, std::string_view key, char escape) {
  NameValResult res;
  std::vector<Piece> words = ParseWords(rest, escape);
  if (words.empty()) return res;
  if (words[0].text.find('=') == std::string::npos) {
    // Legacy `KEY name value`: split once at the first blank run.
    std::size_t w = 0;
    while (w < rest.size() && !IsTokenSpace(rest[w])) ++w;
    if (w == rest.size()) {
      res.error = std::string(key) + " must have two arguments";
      return res;
    }
    std::size_t v = w;
    while (v < rest.size() && IsTokenSpace(rest[v])) ++v;
    res.values.push_back(Piece{std::string(rest.substr(0, w)), 0, w});
    res.values.push_back(Piece{std::string(rest.substr(v)), v, rest.size()});
    res.values.push_back(Piece{"", w, w});
    return res;
  }
  for (const Piece& word : words) {
    const std::size_t eq = word.text.find('=');
    if (eq == std::string::npos) {
      res.values.clear();
      res.error = "Syntax error - can't find = in " + GoQuote(word.text) +
                  ". Must be of the form: name=value";
      return res;
    }
    // Word text matches the source bytes unless invalid UTF-8 was replaced.
    const std::size_t len = word.end - word.begin;
    const std::size_t at = word.begin + (eq < len ? eq : len);
    const std::size_t after = at + 1 <= word.end ? at + 1 : word.end;
    res.values.push_back(Piece{word.text.substr(0, eq), word.begin, at});
    res.values.push_back(Piece{word.text.substr(eq + 1), after, word.end});
    res.values.push_back(Piece{"=", at, after});
  }
  return res;
}

}  // namespace pf::dockerfile::internal
