#pragma once

#include <set>
#include <string_view>

namespace pf::github {

// New-side line numbers a unified-diff patch shows: added and context lines
// of its hunks. These are the lines GitHub accepts review comments on with
// side RIGHT; lines outside them make GitHub reject the whole review.
std::set<int> DiffRightLines(std::string_view patch);

}  // namespace pf::github
