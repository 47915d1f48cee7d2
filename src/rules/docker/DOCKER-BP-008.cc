// DOCKER-BP-008: pip install without --no-cache-dir.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/docker/package_managers.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

constexpr std::string_view kVariable = "PIP_NO_CACHE_DIR";

// pip accepts every strtobool word here, and turns the cache off for all of
// them, false ones included.
bool PipBool(std::string_view value) {
  return pkg::ParseBool(value).has_value() || value == "y" || value == "Y" || value == "n" ||
         value == "N" || value == "t" || value == "T" || value == "f" || value == "F";
}

bool CacheOffByEnv(const DockerContext& context, const RunScript& script,
                   const shell::SimpleCommand& cmd) {
  for (const shell::Assignment& assignment : cmd.assignments) {
    if (assignment.name != kVariable) continue;
    return !assignment.value.literal || PipBool(assignment.value.value);
  }
  const dockerfile::Env& env = context.model.EnvAt(*script.scope);
  if (env.IsUnknown(kVariable)) return true;
  const std::string* value = env.Get(kVariable);
  return value != nullptr && PipBool(*value);
}

// Where this pip keeps its cache.
std::vector<std::string> CacheDirs(const DockerContext& context, const RunScript& script,
                                   const shell::SimpleCommand& cmd) {
  std::vector<std::string> dirs = {"/root/.cache/pip"};
  for (const shell::ShellWord& word : shell::FlagValues(cmd, {"--cache-dir"})) {
    if (word.literal) dirs.push_back(word.value);
  }
  if (const std::string* dir = context.model.EnvAt(*script.scope).Get("PIP_CACHE_DIR")) {
    dirs.push_back(*dir);
  }
  return dirs;
}

void Check(const DockerContext& context, Emitter& emitter) {
  pkg::ReportFirstPerRun(
      context, emitter,
      [&](const pkg::RunCommands& run, std::size_t i) -> std::optional<pkg::Offense> {
        const pkg::RunCommand& at = run.commands[i];
        const shell::SimpleCommand& cmd = *at.command;
        if (!pkg::IsPip(cmd.Name()) || !shell::IsSubcommand(cmd, "install")) {
          return std::nullopt;
        }
        if (shell::HasFlag(cmd, {"--no-cache-dir"}) || CacheOffByEnv(context, *at.script, cmd)) {
          return std::nullopt;
        }
        std::vector<std::string> dirs = CacheDirs(context, *at.script, cmd);
        for (const std::string& dir : dirs) {
          if (pkg::MountCovers(context, *at.script, dir)) return std::nullopt;
        }
        auto cleans = [&](const shell::SimpleCommand& later) {
          if (pkg::IsPip(later.Name()) && shell::IsSubcommand(later, "cache")) {
            std::vector<const shell::ShellWord*> args = shell::Positionals(later);
            if (args.size() >= 2 && args[1]->literal && args[1]->value == "purge") return true;
          }
          for (const std::string& dir : dirs) {
            if (pkg::RemovesDir(later, dir)) return true;
          }
          return false;
        };
        if (pkg::AnyLater(run, i, cleans)) return std::nullopt;
        std::string text = pkg::CommandText(cmd);
        return pkg::Offense{&pkg::SubcommandWord(cmd),
                            fmt::format("`{}` without --no-cache-dir leaves pip's download "
                                        "cache in the layer; add --no-cache-dir or set ENV "
                                        "PIP_NO_CACHE_DIR=1",
                                        text),
                            text};
      });
}

}  // namespace

extern const Rule kDockerBp008{
    .meta =
        {
            .id = "DOCKER-BP-008",
            .name = "pip install Without --no-cache-dir",
            .severity = Severity::kLow,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "performance",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "pip", "python", "cache", "image-size",
                     "package-manager"},
            .summary = "`pip install` without --no-cache-dir leaves pip's download cache in "
                       "the image.",
            .docs =
                {
                    .what =
                        "Reports a `pip install` command in a RUN instruction (`pip`, `pip3`, "
                        "`pip3.12`, or `python -m pip` / `python3 -m pip`; requirement files "
                        "with `-r` count) without `--no-cache-dir`. `pip download`, `pip "
                        "wheel` and other subcommands are not reported. Silent when the cache "
                        "is off or never reaches the layer: `PIP_NO_CACHE_DIR` is set at that "
                        "RUN by ENV or ARG or as a prefix of the command (pip turns the cache "
                        "off for any boolean value, even `0` or `false`; a value the scanner "
                        "cannot know is not guessed), a later `pip cache purge` or `rm` of "
                        "the cache directory in the same RUN, or a `RUN --mount=type=cache` "
                        "(or tmpfs) on the cache directory: `/root/.cache/pip` (or a "
                        "directory above it), or the directory given by `--cache-dir` or "
                        "`PIP_CACHE_DIR`. A `no-cache-dir` setting in a pip configuration "
                        "file is not seen. Commands are found in the parsed shell script of "
                        "the RUN: after `sudo`/`env` wrappers, inside `sh -c '...'`, in "
                        "heredoc scripts and across `\\` continuations; text in comments or "
                        "strings (`echo \"pip install\"`) and a command named by a variable are "
                        "not commands. One finding per RUN instruction, on the `install` word "
                        "of the first offending command. RUN instructions under a PowerShell "
                        "or cmd SHELL are not checked.",
                    .why = "pip keeps every downloaded and built wheel under ~/.cache/pip. "
                           "Inside an image the cache is never reused, but whatever a RUN leaves "
                           "on disk is stored in its layer for good: large packages (numpy, "
                           "torch) can add hundreds of megabytes, and deleting the cache in a "
                           "later RUN does not make the image smaller.",
                    .fix = "Add `--no-cache-dir` (`pip install --no-cache-dir -r "
                           "requirements.txt`), or set `ENV PIP_NO_CACHE_DIR=1` once in the "
                           "stage. With BuildKit you may instead mount the cache to speed up "
                           "rebuilds: `RUN --mount=type=cache,target=/root/.cache/pip pip "
                           "install -r requirements.txt`.",
                    .bad_example = "FROM python:3.12-slim\n"
                                   "COPY requirements.txt .\n"
                                   "RUN pip install -r requirements.txt\n",
                    .good_example = "FROM python:3.12-slim\n"
                                    "COPY requirements.txt .\n"
                                    "RUN pip install --no-cache-dir -r requirements.txt\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://pip.pypa.io/en/stable/topics/caching/",
                            "https://pip.pypa.io/en/stable/topics/configuration/"
                            "#environment-variables",
                            "https://docs.docker.com/build/cache/optimize/#use-cache-mounts",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
