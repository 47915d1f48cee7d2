#include "github/link_header.h"

#include <cctype>

namespace pf::github {
namespace {

bool IsNext(std::string_view word) {
  static constexpr std::string_view kNext = "next";
  if (word.size() != kNext.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(word[i])) != kNext[i]) return false;
  }
  return true;
}

bool RelHasNext(std::string_view params) {
  // Params look like `; rel="next"` or `; rel=next` or `; rel="prev next"`.
  size_t at = 0;
  while ((at = params.find("rel", at)) != std::string_view::npos) {
    size_t pos = at + 3;
    bool starts_word = at == 0 || params[at - 1] == ';' || params[at - 1] == ' ';
    at = pos;
    while (pos < params.size() && params[pos] == ' ') ++pos;
    if (!starts_word || pos >= params.size() || params[pos] != '=') continue;
    ++pos;
    while (pos < params.size() && params[pos] == ' ') ++pos;
    std::string_view value;
    if (pos < params.size() && params[pos] == '"') {
      size_t close = params.find('"', pos + 1);
      if (close == std::string_view::npos) return false;
      value = params.substr(pos + 1, close - pos - 1);
    } else {
      size_t end = params.find_first_of(";, ", pos);
      value = params.substr(pos, end == std::string_view::npos ? end : end - pos);
    }
    size_t word_start = 0;
    while (word_start <= value.size()) {
      size_t word_end = value.find(' ', word_start);
      if (word_end == std::string_view::npos) word_end = value.size();
      if (IsNext(value.substr(word_start, word_end - word_start))) return true;
      word_start = word_end + 1;
    }
    return false;
  }
  return false;
}

}  // namespace

std::optional<std::string> NextPageUrl(std::string_view link_header) {
  size_t pos = 0;
  while ((pos = link_header.find('<', pos)) != std::string_view::npos) {
    size_t close = link_header.find('>', pos);
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view url = link_header.substr(pos + 1, close - pos - 1);
    // The entry's params run to the next entry.
    size_t next_entry = link_header.find('<', close);
    std::string_view params = link_header.substr(
        close + 1, next_entry == std::string_view::npos ? next_entry : next_entry - close - 1);
    if (RelHasNext(params)) return std::string(url);
    pos = close;
  }
  return std::nullopt;
}

}  // namespace pf::github
