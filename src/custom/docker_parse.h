#pragma once

#include <yaml-cpp/yaml.h>

#include <memory>
#include <set>
#include <string>

#include "custom/matcher.h"
#include "custom/yaml_reader.h"

namespace pf::custom {

// Compiles a `dockerfile:` matcher; null after recording errors in `reader`.
// `placeholders` gets the names its hits may fill in a message.
std::unique_ptr<DockerMatcher> ParseDockerMatcher(YamlReader& reader, const YAML::Node& node,
                                                  std::set<std::string>* placeholders);

// An `instruction:` matcher (a type name alone, or a mapping of parameters).
std::unique_ptr<DockerMatcher> ParseInstruction(YamlReader& reader, const YAML::Node& node,
                                                std::set<std::string>* placeholders);

// Go duration ("1m30s", "500ms") or plain seconds, in seconds.
std::optional<double> ParseDuration(std::string_view text);

}  // namespace pf::custom
