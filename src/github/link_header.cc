#include "github/link_header.h"

#include <cctype>
#include <string>

namespace pf::github {
namespace {

bool RelHasNext(std::string_view raw_params) {
  // Params look like `; rel="next"` or `; rel=next` or `; rel="prev next"`;
  // names and relation types are case-insensitive.
  std::string lowered(raw_params);
  for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string_view params = lowered;
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
      if (value.substr(word_start, word_end - word_start) == "next") return true;
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
