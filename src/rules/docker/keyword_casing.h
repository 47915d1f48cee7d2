#pragma once

// How an instruction keyword or word is cased as written, for the casing
// rules (BuildKit's ConsistentInstructionCasing, FromAsCasing...).

#include <string>
#include <string_view>

#include "core/source.h"
#include "dockerfile/ast.h"

namespace pf::rules::casing {

enum class Casing { kLower, kUpper, kMixed };

Casing Of(std::string_view text);
// The keyword exactly as the file spells it ("From").
std::string_view KeywordText(const SourceFile& source, const dockerfile::Instruction& inst);

}  // namespace pf::rules::casing
