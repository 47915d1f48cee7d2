#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pf {

// Levenshtein distance; `ignore_case` compares ASCII letters case-blind.
std::size_t EditDistance(std::string_view a, std::string_view b, bool ignore_case = false);

// Up to `count` candidates nearest to `wanted` (case-blind), nearest first;
// ties in candidate order. For "did you mean ...?" hints.
std::vector<std::string> NearestNames(std::string_view wanted,
                                      const std::vector<std::string>& candidates,
                                      std::size_t count = 3);

}  // namespace pf
