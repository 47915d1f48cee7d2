#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

namespace pf::report {

using OrderedJson = nlohmann::ordered_json;

// Pretty-prints `value` (two-space indent) as a member of something nested
// `depth` levels deep, so streamed documents read as if dumped whole.
// Invalid UTF-8 becomes U+FFFD rather than an exception.
void WriteJsonNested(std::ostream& out, const OrderedJson& value, int depth);

}  // namespace pf::report
