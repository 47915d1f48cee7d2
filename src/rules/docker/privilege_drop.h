#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rules/options.h"
#include "rules/rule.h"

namespace pf::rules {

// The `non_root_images` option of the rules that judge the container's
// user: base images whose default user is not root.
OptionSpec NonRootImagesOption();

// The external image the final stage's chain starts from, when the option
// lists it (`gcr.io/distroless/static:nonroot`); nullopt otherwise.
std::optional<std::string> NonRootBaseImage(const DockerContext& context,
                                            const dockerfile::Stage& final_stage);

// The tool the container's start command steps down with (`gosu`,
// `su-exec`, `setpriv`, ...), read from the effective ENTRYPOINT and CMD of
// the final stage's chain; nullopt when none is seen.
std::optional<std::string> StepDownTool(const DockerContext& context,
                                        const dockerfile::Stage& final_stage);

}  // namespace pf::rules
