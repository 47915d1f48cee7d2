#include "rules/docker/word_range.h"

#include <string_view>

namespace pf::rules {

Range RangeInWord(const SourceFile& source, const dockerfile::Word& word, std::size_t offset,
                  std::size_t length) {
  const std::string& text = source.text();
  if (word.span.end > text.size() || word.span.begin > word.span.end ||
      offset + length > word.text.size()) {
    return word.range;
  }
  std::string_view raw(text.data() + word.span.begin, word.span.end - word.span.begin);
  if (raw == word.text) {
    return source.RangeOf({word.span.begin + offset, word.span.begin + offset + length});
  }
  // Decoded text (JSON string, joined continuation): find the same bytes,
  // counting earlier occurrences so repeated tokens map one to one.
  std::string_view token(word.text.data() + offset, length);
  std::size_t nth = 0;
  for (std::size_t at = word.text.find(token); at != std::string::npos && at < offset;
       at = word.text.find(token, at + 1)) {
    ++nth;
  }
  std::size_t at = raw.find(token);
  while (at != std::string_view::npos && nth > 0) {
    at = raw.find(token, at + 1);
    --nth;
  }
  if (at == std::string_view::npos) return word.range;
  return source.RangeOf({word.span.begin + at, word.span.begin + at + length});
}

}  // namespace pf::rules
