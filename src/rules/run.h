#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compose/loader.h"
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

// Loads one compose file (with its .env, extends and include files as
// `options` say) and runs the given compose rules over it. A file that does
// not load yields a COMPOSE-COR-100 finding (when that rule is among
// `rules`) with the loader's position and reason. A rule that throws is
// stopped and its failure added to `errors`; the other rules still run.
void RunComposeRules(const SourceFile& source, const std::vector<const Rule*>& rules,
                     const compose::LoadOptions& options, std::vector<Finding>* findings,
                     std::vector<std::string>* errors);

// The same, and hands the loaded project to the caller (nullopt when the
// file did not load), e.g. to pass services' build args to their
// Dockerfiles.
void RunComposeRules(const SourceFile& source, const std::vector<const Rule*>& rules,
                     const compose::LoadOptions& options, std::vector<Finding>* findings,
                     std::vector<std::string>* errors, std::optional<compose::Project>* project);

// Runs the compose rules over a project loaded by the caller from `source`.
void RunComposeChecks(const SourceFile& source, const compose::Project& project,
                      const std::vector<const Rule*>& rules, std::vector<Finding>* findings,
                      std::vector<std::string>* errors);

}  // namespace pf::rules
