#pragma once

// The ARGs a Dockerfile declares before its first FROM, and the automatic
// platform ARGs BuildKit defines for FROM lines: the only variables a FROM
// line can use.

#include <set>
#include <string>

#include "dockerfile/ast.h"

namespace pf::rules {

// Names declared by ARG instructions before the first FROM, with or
// without a default.
std::set<std::string> GlobalArgNames(const dockerfile::Dockerfile& file);

// BUILDPLATFORM, TARGETARCH and the other automatic platform ARGs.
const std::set<std::string>& AutomaticPlatformArgs();

}  // namespace pf::rules
