#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <set>
#include <string>

#include "custom/matcher.h"
#include "custom/yaml_reader.h"

namespace pf::custom {

// Compiles a `compose:` matcher, a predicate on one service; nullopt after
// recording errors in `reader`.
std::optional<ServicePredicate> ParseComposeMatcher(YamlReader& reader, const YAML::Node& node,
                                                    std::set<std::string>* placeholders);

}  // namespace pf::custom
