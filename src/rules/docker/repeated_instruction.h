#pragma once

#include <string_view>

#include "rules/rule.h"

namespace pf::rules {

// For instructions of which only the last one in a stage takes effect (CMD,
// ENTRYPOINT): reports every earlier one, naming the line that wins.
// `keyword` is lower case.
void ReportOverriddenInstructions(const DockerContext& context, Emitter& emitter,
                                  std::string_view keyword);

}  // namespace pf::rules
