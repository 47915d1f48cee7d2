#include "rules/docker/image_ref.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace pf::rules {

std::string ToLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

ImageRef ParseImageRef(std::string_view reference) {
  ImageRef ref;
  std::string_view name = reference;
  if (auto at = name.find('@'); at != std::string_view::npos) {
    ref.has_digest = true;
    ref.digest = std::string(name.substr(at + 1));
    name = name.substr(0, at);
  }
  // The first path component is a registry host when it looks like one:
  // it has a dot or a port, is "localhost", or has upper-case letters.
  if (auto slash = name.find('/'); slash != std::string_view::npos) {
    std::string_view first = name.substr(0, slash);
    bool has_upper = false;
    for (char c : first) has_upper = has_upper || std::isupper(static_cast<unsigned char>(c));
    if (first.find_first_of(".:") != std::string_view::npos || first == "localhost" || has_upper) {
      ref.registry = std::string(first);
      name = name.substr(slash + 1);
    }
  }
  // A tag follows the last ':' of the path, never a ':' of the registry.
  if (auto colon = name.rfind(':');
      colon != std::string_view::npos && name.find('/', colon) == std::string_view::npos) {
    ref.has_tag = true;
    ref.tag = std::string(name.substr(colon + 1));
    name = name.substr(0, colon);
  }
  ref.repository = std::string(name);
  return ref;
}

int FindEarlierStage(const dockerfile::Model& model, std::string_view name, int before) {
  const std::string wanted = ToLower(name);
  if (wanted.empty()) return -1;
  const auto& stages = model.stages();
  // The nearest definition wins, as BuildKit keeps the latest name in its map.
  for (int i = std::min<int>(before, static_cast<int>(stages.size())) - 1; i >= 0; --i) {
    if (!stages[i].name.empty() && ToLower(stages[i].name) == wanted) return i;
  }
  return -1;
}

FromImage DescribeFrom(const DockerContext& context, const dockerfile::Stage& stage) {
  FromImage out;
  out.stage = &stage;
  if (stage.from == nullptr || stage.from->args.empty()) return out;
  out.word = &stage.from->args.front();
  std::optional<std::string> value = context.model.Resolve(*stage.from, out.word->text);
  if (!value || value->empty()) return out;
  out.resolved = true;
  out.image = *value;
  out.scratch = ToLower(out.image) == "scratch";
  if (out.scratch) return out;
  out.stage_ref = FindEarlierStage(context.model, out.image, stage.index);
  if (out.stage_ref < 0) out.ref = ParseImageRef(out.image);
  return out;
}

std::vector<const dockerfile::Stage*> StageChain(const DockerContext& context,
                                                 const dockerfile::Stage& stage) {
  std::vector<const dockerfile::Stage*> chain;
  const auto& stages = context.model.stages();
  const dockerfile::Stage* current = &stage;
  // Each link points strictly backwards, so the walk ends.
  while (current != nullptr) {
    chain.push_back(current);
    int parent = DescribeFrom(context, *current).stage_ref;
    current = parent >= 0 && parent < current->index ? &stages[parent] : nullptr;
  }
  return chain;
}

const dockerfile::Word* StageNameWord(const dockerfile::Instruction& from) {
  if (from.args.size() >= 3 && ToLower(from.args[1].text) == "as") return &from.args[2];
  return nullptr;
}

}  // namespace pf::rules
