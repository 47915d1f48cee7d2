#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dockerfile/ast.h"
#include "dockerfile/model.h"
#include "rules/rule.h"

namespace pf::rules {

// An image reference split the way registries read it:
// [registry/]repository[:tag][@digest]. A port on the registry host
// (`localhost:5000/app`) is not a tag.
struct ImageRef {
  std::string registry;    // "localhost:5000", "ghcr.io"; empty for Docker Hub
  std::string repository;  // "library/ubuntu" stays as written: "ubuntu"
  std::string tag;         // empty when absent
  std::string digest;      // "sha256:..."; empty when absent
  bool has_tag = false;    // a ':' was written, even with an empty tag
  bool has_digest = false;
};

ImageRef ParseImageRef(std::string_view reference);

// What a stage's FROM line names, with variables resolved in the global ARG
// scope (as BuildKit does for FROM).
struct FromImage {
  const dockerfile::Stage* stage = nullptr;
  const dockerfile::Word* word = nullptr;  // the image word; nullptr if missing
  bool resolved = false;                   // the image word expands to a definite value
  std::string image;                       // the expanded image; valid when resolved
  bool scratch = false;
  int stage_ref = -1;  // index of the earlier stage it names, or -1
  ImageRef ref;        // valid when resolved, not scratch, not a stage
  // An image pulled from a registry, known exactly.
  bool External() const { return word != nullptr && resolved && !scratch && stage_ref < 0; }
};

FromImage DescribeFrom(const DockerContext& context, const dockerfile::Stage& stage);

// Index of the stage before `before` whose name equals `name` ignoring
// case (BuildKit only links a FROM to stages defined above it); -1 if none.
int FindEarlierStage(const dockerfile::Model& model, std::string_view name, int before);

// `stage`, then the stage it is built FROM, and so on up the chain.
std::vector<const dockerfile::Stage*> StageChain(const DockerContext& context,
                                                 const dockerfile::Stage& stage);

// The `AS name` word of a FROM line; nullptr when the stage has no name.
const dockerfile::Word* StageNameWord(const dockerfile::Instruction& from);

std::string ToLower(std::string_view text);

}  // namespace pf::rules
