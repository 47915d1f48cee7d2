// Heredoc words (`<<EOF`, `<<-'EOF'`, `3<<EOF`) as BuildKit recognises them.

#include <algorithm>
#include <limits>

#include "dockerfile/parser_internal.h"

namespace pf::dockerfile::internal {
namespace {

bool IsRegexSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

std::size_t CountQuotes(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return c == '\'' || c == '"'; }));
}

}  // namespace

HeredocWordResult ParseHeredocWord(std::string_view word) {
  HeredocWordResult res;
  // Shape: digits, "<<", optional "-", blanks, then no further '<'.
  std::size_t i = 0;
  while (i < word.size() && word[i] >= '0' && word[i] <= '9') ++i;
  const std::string_view digits = word.substr(0, i);
  if (word.substr(i, 2) != "<<") return res;
  i += 2;
  bool chomp = false;
  if (i < word.size() && word[i] == '-') {
    chomp = true;
    ++i;
  }
  while (i < word.size() && IsRegexSpace(word[i])) ++i;
  const std::string_view rest = word.substr(i);
  if (rest.find('<') != std::string_view::npos) return res;
  if (rest.empty()) return res;

  int fd = 0;
  for (char c : digits) {
    if (fd > (std::numeric_limits<int>::max() - 9) / 10) {
      fd = std::numeric_limits<int>::max();
      break;
    }
    fd = fd * 10 + (c - '0');
  }

  LexResult plain = LexWords(rest, LexOptions{});
  if (plain.error) {
    res.error = plain.error;
    return res;
  }
  if (plain.words.size() != 1) return res;
  LexResult raw = LexWords(rest, LexOptions{.raw_quotes = true});
  if (raw.error) {
    res.error = raw.error;
    return res;
  }
  if (raw.words.size() != plain.words.size()) {
    res.error = "internal lexing of heredoc produced inconsistent results: " + std::string(rest);
    return res;
  }
  HeredocWord h;
  h.name = plain.words[0].text;
  h.expand = CountQuotes(plain.words[0].text) == CountQuotes(raw.words[0].text);
  h.chomp = chomp;
  h.file_descriptor = fd;
  h.begin = 0;
  h.end = word.size();
  res.heredoc = std::move(h);
  return res;
}

HeredocsResult HeredocsFromLine(std::string_view line) {
  HeredocsResult res;
  // Lexing errors are ignored: such a line simply has no heredocs.
  LexResult lexed = LexWords(line, LexOptions{.raw_quotes = true, .raw_escapes = true});
  for (const Piece& w : lexed.words) {
    HeredocWordResult one = ParseHeredocWord(w.text);
    if (one.error) {
      res.heredocs.clear();
      res.error = one.error;
      return res;
    }
    if (one.heredoc) {
      one.heredoc->begin = w.begin;
      one.heredoc->end = w.end;
      res.heredocs.push_back(std::move(*one.heredoc));
    }
  }
  return res;
}

std::string ChompHeredocContent(std::string_view content) {
  std::string out;
  out.reserve(content.size());
  bool at_line_start = true;
  for (char c : content) {
    if (at_line_start && c == '\t') continue;
    at_line_start = c == '\n';
    out.push_back(c);
  }
  return out;
}

}  // namespace pf::dockerfile::internal
