#pragma once

#include <cstddef>

#include "core/position.h"
#include "core/source.h"
#include "dockerfile/ast.h"

namespace pf::rules {

// The file range of `length` bytes starting at byte `offset` of a word's
// text. Exact when the text is the word's source bytes (shell-form words on
// one line); for JSON strings the text is found inside the quoted source;
// otherwise the whole word's range.
Range RangeInWord(const SourceFile& source, const dockerfile::Word& word, std::size_t offset,
                  std::size_t length);

}  // namespace pf::rules
