#include "rules/docker/keyword_casing.h"

#include <cctype>

namespace pf::rules::casing {

Casing Of(std::string_view text) {
  bool lower = false;
  bool upper = false;
  for (char c : text) {
    lower = lower || std::islower(static_cast<unsigned char>(c)) != 0;
    upper = upper || std::isupper(static_cast<unsigned char>(c)) != 0;
  }
  if (lower && upper) return Casing::kMixed;
  return lower ? Casing::kLower : Casing::kUpper;
}

std::string_view KeywordText(const SourceFile& source, const dockerfile::Instruction& inst) {
  std::size_t begin = source.OffsetOf(inst.keyword_range.start);
  std::size_t end = source.OffsetOf(inst.keyword_range.end);
  if (end < begin || end > source.text().size()) return {};
  return std::string_view(source.text()).substr(begin, end - begin);
}

}  // namespace pf::rules::casing
