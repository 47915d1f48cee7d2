#include "rules/docker/from_args.h"

namespace pf::rules {

std::set<std::string> GlobalArgNames(const dockerfile::Dockerfile& file) {
  std::set<std::string> names;
  for (const dockerfile::Instruction& inst : file.instructions) {
    if (inst.keyword == "from") break;
    if (inst.keyword != "arg") continue;
    for (const dockerfile::Word& word : inst.args) {
      names.insert(word.text.substr(0, word.text.find('=')));
    }
  }
  return names;
}

const std::set<std::string>& AutomaticPlatformArgs() {
  static const std::set<std::string> kNames = {
      "BUILDPLATFORM",  "BUILDOS",  "BUILDARCH",  "BUILDVARIANT",
      "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT",
  };
  return kNames;
}

}  // namespace pf::rules
