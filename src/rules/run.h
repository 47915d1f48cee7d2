#pragma once

#include <string>
#include <vector>

#include "core/finding.h"
#include "core/source.h"
#include "dockerfile/model.h"
#include "rules/rule.h"

namespace pf::rules {

// Parses one Dockerfile and runs the given rules over it. A file that does
// not parse yields a DOCKER-COR-100 finding (when that rule is among
// `rules`) instead of rule findings. A rule that throws is stopped and its
// failure added to `errors`; the other rules still run.
void RunDockerRules(const SourceFile& source, const std::vector<const Rule*>& rules,
                    const dockerfile::BuildArgs& build_args, std::vector<Finding>* findings,
                    std::vector<std::string>* errors);

}  // namespace pf::rules
