// DOCKER-BP-018: WORKDIR with a relative path.
#include <fmt/format.h>

#include <cctype>
#include <optional>
#include <string>

#include "rules/rule.h"

namespace pf::rules {

namespace {

// "/x", or a Windows drive path "C:\x" / "c:/x".
bool IsAbsolute(const std::string& path) {
  if (!path.empty() && path.front() == '/') return true;
  return path.size() >= 3 && std::isalpha(static_cast<unsigned char>(path[0])) && path[1] == ':' &&
         (path[2] == '\\' || path[2] == '/');
}

// The literal text before the first variable when it already makes the
// path relative; nullopt when a variable (or a quote, an escape) leads.
std::optional<std::string> RelativePrefix(const std::string& text) {
  const std::size_t dollar = text.find('$');
  if (dollar == 0 || dollar == std::string::npos) return std::nullopt;
  const std::string prefix = text.substr(0, dollar);
  if (prefix.find_first_of("\"'\\") != std::string::npos) return std::nullopt;
  if (IsAbsolute(prefix) || (std::isalpha(static_cast<unsigned char>(prefix[0])) &&
                             (prefix.size() == 1 || prefix == prefix.substr(0, 1) + ":"))) {
    return std::nullopt;  // "/x" or the start of a drive path
  }
  return text;
}

void CheckWorkdir(const DockerContext& context, const dockerfile::Instruction& workdir,
                  const dockerfile::Instruction& scope, Emitter& emitter) {
  if (workdir.keyword != "workdir" || workdir.args.empty()) return;
  const dockerfile::Word& word = workdir.args.front();
  std::optional<std::string> path = context.model.Resolve(scope, word.text);
  // Unknown variables after a relative start leave it relative:
  // `app/${X}` is relative whatever X holds.
  if (!path) path = RelativePrefix(word.text);
  if (!path || path->empty() || IsAbsolute(*path)) return;
  std::string shown = *path;
  if (word.text != *path) shown += fmt::format(" (from {})", word.text);
  emitter.Report(word.range,
                 fmt::format("WORKDIR {} is a relative path: it is resolved against the "
                             "previous WORKDIR, which may come from the base image; use an "
                             "absolute path such as /{}",
                             shown, *path),
                 *path);
}

void Check(const DockerContext& context, Emitter& emitter) {
  for (const dockerfile::Instruction& inst : context.file.instructions) {
    CheckWorkdir(context, inst, inst, emitter);
    if (inst.keyword == "onbuild" && inst.child) CheckWorkdir(context, *inst.child, inst, emitter);
  }
}

}  // namespace

extern const Rule kDockerBp018{
    .meta =
        {
            .id = "DOCKER-BP-018",
            .name = "Use Absolute Path in WORKDIR",
            .severity = Severity::kLow,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "workdir", "path"},
            .summary = "WORKDIR whose path, after variable expansion, is relative.",
            .docs =
                {
                    .what =
                        "Reports a `WORKDIR` (also under `ONBUILD`) whose path is relative once "
                        "variables are expanded: `WORKDIR app`, `WORKDIR $DIR` with "
                        "`ARG DIR=src`. Absolute paths (`/app`) and Windows drive paths "
                        "(`C:\\app`, `c:/app`) are fine; a path whose variables cannot be "
                        "resolved is not reported unless the text before the first variable "
                        "already makes it relative (`WORKDIR app/${X}`).",
                    .why = "A relative WORKDIR is joined to the current working directory, which "
                           "comes from the previous WORKDIR or from the base image. Changing the "
                           "base image, or reordering instructions, silently moves files and "
                           "commands to another directory. BuildKit's checks warn about it "
                           "(WorkdirRelativePath).",
                    .fix = "Write the full path: `WORKDIR /usr/src/app`.",
                    .bad_example = "FROM node:20.11-alpine\n"
                                   "WORKDIR app\n",
                    .good_example = "FROM node:20.11-alpine\n"
                                    "WORKDIR /app\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://docs.docker.com/reference/dockerfile/#workdir",
                            "https://docs.docker.com/reference/build-checks/workdir-relative-path/",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
