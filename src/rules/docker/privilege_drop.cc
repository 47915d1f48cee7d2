#include "rules/docker/privilege_drop.h"

#include <string_view>

#include "rules/docker/image_ref.h"

namespace pf::rules {
namespace {

constexpr std::string_view kNonRootImages = "non_root_images";

// `*` matches any run of characters; everything else itself.
bool GlobMatch(std::string_view pattern, std::string_view text) {
  if (pattern.empty()) return text.empty();
  if (pattern.front() == '*') {
    for (std::size_t i = 0; i <= text.size(); ++i) {
      if (GlobMatch(pattern.substr(1), text.substr(i))) return true;
    }
    return false;
  }
  return !text.empty() && pattern.front() == text.front() &&
         GlobMatch(pattern.substr(1), text.substr(1));
}

bool IsStepDownTool(std::string_view word) {
  std::size_t slash = word.rfind('/');
  std::string_view name = slash == std::string_view::npos ? word : word.substr(slash + 1);
  return name == "gosu" || name == "su-exec" || name == "setpriv" || name == "runuser" ||
         name == "s6-setuidgid" || name == "chpst" || name == "setuidgid";
}

}  // namespace

OptionSpec NonRootImagesOption() {
  return {.name = kNonRootImages,
          .type = OptionType::kStringList,
          .description =
              "Base images whose default user is not root, as "
              "`registry/repository:tag` patterns where `*` matches anything "
              "(Docker Hub images have no registry part; a missing tag is "
              "`latest`). A final stage built on one of them is named as such "
              "and not reported as running as root.",
          .default_value = std::vector<std::string>{
              "gcr.io/distroless/*:*nonroot*", "nginxinc/nginx-unprivileged:*",
              "cgr.dev/chainguard/*", "bitnami/*", "*/nonroot:*"}};
}

std::optional<std::string> NonRootBaseImage(const DockerContext& context,
                                            const dockerfile::Stage& final_stage) {
  const dockerfile::Stage* root = StageChain(context, final_stage).back();
  FromImage from = DescribeFrom(context, *root);
  if (!from.External()) return std::nullopt;
  std::string full = from.ref.registry.empty() ? "" : from.ref.registry + "/";
  full += from.ref.repository;
  full += ":" + (from.ref.has_tag && !from.ref.tag.empty() ? from.ref.tag : "latest");
  for (const std::string& pattern : context.options->Strings(kNonRootImages)) {
    if (GlobMatch(pattern, full)) return from.image;
  }
  return std::nullopt;
}

std::optional<std::string> StepDownTool(const DockerContext& context,
                                        const dockerfile::Stage& final_stage) {
  const dockerfile::Instruction* entrypoint = nullptr;
  const dockerfile::Instruction* cmd = nullptr;
  for (const dockerfile::Stage* stage : StageChain(context, final_stage)) {
    // The last one of a stage wins; a later stage's overrides the base's.
    const dockerfile::Instruction* stage_entrypoint = nullptr;
    const dockerfile::Instruction* stage_cmd = nullptr;
    for (const dockerfile::Instruction* inst : stage->instructions) {
      if (inst->keyword == "entrypoint") stage_entrypoint = inst;
      if (inst->keyword == "cmd") stage_cmd = inst;
    }
    if (entrypoint == nullptr) entrypoint = stage_entrypoint;
    if (cmd == nullptr) cmd = stage_cmd;
  }
  for (const dockerfile::Instruction* inst : {entrypoint, cmd}) {
    if (inst == nullptr) continue;
    for (const dockerfile::Word& word : inst->args) {
      // Shell form is one word: look at each blank-separated part.
      std::string_view text = word.text;
      std::size_t i = 0;
      while (i < text.size()) {
        std::size_t end = text.find_first_of(" \t\n", i);
        if (end == std::string_view::npos) end = text.size();
        std::string_view part = text.substr(i, end - i);
        if (IsStepDownTool(part)) {
          std::size_t slash = part.rfind('/');
          return std::string(slash == std::string_view::npos ? part : part.substr(slash + 1));
        }
        i = end + 1;
      }
    }
  }
  return std::nullopt;
}

}  // namespace pf::rules
