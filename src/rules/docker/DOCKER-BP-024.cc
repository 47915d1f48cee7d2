// DOCKER-BP-024: a stage that installs or runs both wget and curl.
#include <fmt/format.h>

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/docker/run_commands.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

using shell::ShellWord;
using shell::SimpleCommand;

// The package manager command installs packages named by its operands.
bool IsInstall(const SimpleCommand& cmd) {
  const std::string_view name = cmd.Name();
  if (name == "apt-get" || name == "apt" || name == "aptitude" || name == "yum" || name == "dnf" ||
      name == "microdnf" || name == "tdnf") {
    return shell::IsSubcommand(cmd, "install");
  }
  if (name == "apk") return shell::IsSubcommand(cmd, "add");
  if (name == "zypper") return shell::IsSubcommand(cmd, {"install", "in"});
  return false;
}

// "curl", "curl=7.88.1-10", "curl:amd64", "curl-8.5.0" (rpm), "wget~1.21".
std::optional<std::size_t> PackageTool(std::string_view package) {
  static constexpr std::array<std::string_view, 2> kTools = {"curl", "wget"};
  for (std::size_t t = 0; t < kTools.size(); ++t) {
    std::string_view tool = kTools[t];
    if (!package.starts_with(tool)) continue;
    std::string_view rest = package.substr(tool.size());
    if (rest.empty() || rest[0] == '=' || rest[0] == ':' || rest[0] == '~' || rest[0] == '<' ||
        rest[0] == '>' || (rest.size() > 1 && rest[0] == '-' && rest[1] >= '0' && rest[1] <= '9')) {
      return t;
    }
  }
  return std::nullopt;
}

struct Place {
  std::size_t offset = 0;  // source byte offset, for ordering
  ByteSpan span;           // source span to report
  bool installed = false;  // a package name rather than a command
};

using StagePlaces = std::array<std::optional<Place>, 2>;  // curl, wget

void Remember(std::optional<Place>* slot, ByteSpan source_span, bool installed) {
  if (*slot && (*slot)->offset <= source_span.begin) return;
  *slot = Place{source_span.begin, source_span, installed};
}

void Collect(const RunScript& script, StagePlaces* places) {
  for (const SimpleCommand* cmd : script.parsed.AllCommands()) {
    const std::string_view name = cmd->Name();
    if (name == "curl" || name == "wget") {
      Remember(&(*places)[name == "curl" ? 0 : 1],
               script.ToSource(cmd->argv[cmd->command_start].span), false);
    }
    if (!IsInstall(*cmd)) continue;
    std::vector<const ShellWord*> operands = shell::Positionals(*cmd);
    for (std::size_t i = 1; i < operands.size(); ++i) {
      if (!operands[i]->literal) continue;
      if (std::optional<std::size_t> tool = PackageTool(operands[i]->value)) {
        Remember(&(*places)[*tool], script.ToSource(operands[i]->span), true);
      }
    }
  }
}

void Check(const DockerContext& context, Emitter& emitter) {
  std::map<int, StagePlaces> stages;
  for (const RunScript& script : context.run_scripts()) {
    // ONBUILD steps run in another image; non-POSIX scripts are not parsed.
    if (!script.posix() || script.stage < 0 || script.scope->keyword == "onbuild") continue;
    Collect(script, &stages[script.stage]);
  }
  for (const runcmd::ExecRun& exec : runcmd::ExecFormRuns(context)) {
    const dockerfile::Stage* stage = context.model.StageOf(*exec.scope);
    if (stage == nullptr || exec.scope->keyword == "onbuild") continue;
    if (exec.program != "curl" && exec.program != "wget") continue;
    Remember(&stages[stage->index][exec.program == "curl" ? 0 : 1], exec.run->args.front().span,
             false);
  }
  static constexpr std::array<std::string_view, 2> kTools = {"curl", "wget"};
  for (const auto& [stage, places] : stages) {
    if (!places[0] || !places[1]) continue;
    const std::size_t second = places[1]->offset > places[0]->offset ? 1 : 0;
    const Place& at = *places[second];
    const Place& other = *places[1 - second];
    auto describe = [&](const Place& place, std::string_view tool) {
      return fmt::format("{} `{}` on line {}", place.installed ? "installs" : "runs", tool,
                         emitter.source().PositionAt(place.offset).line);
    };
    emitter.Report(at.span,
                   fmt::format("this stage {} and {}: both download files over HTTP; pick "
                               "one tool and use it for every download, to keep the image "
                               "smaller and its behaviour consistent",
                               describe(other, kTools[1 - second]), describe(at, kTools[second])),
                   std::string(kTools[second]));
  }
}

}  // namespace

extern const Rule kDockerBp024{
    .meta =
        {
            .id = "DOCKER-BP-024",
            .name = "Install Only One of wget or curl",
            .severity = Severity::kLow,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "run", "curl", "wget", "packages", "image-size"},
            .summary = "A stage that installs or uses both curl and wget.",
            .docs =
                {
                    .what = "Reports a build stage whose `RUN` scripts (heredoc and `sh -c` "
                            "scripts included) both install or run `curl` and install or run "
                            "`wget`. Installing means the package name in the operands of "
                            "`apt-get`/`apt`/`aptitude install`, `apk add`, `yum`/`dnf`/"
                            "`microdnf install` or `zypper install` (also with a version: "
                            "`curl=7.88.1-10`, `wget~1.21`); running means the command itself "
                            "(`curl -fsSLO URL`, `sudo wget URL`, exec form `[\"wget\", URL]`). "
                            "Words in comments and strings "
                            "do not count, nor do `ONBUILD` steps, nor other stages: each stage is "
                            "judged on its own. One finding per stage, on the first use of the "
                            "tool that appears second, naming the lines of both.",
                    .why = "curl and wget do the same job. Having both in an image adds size and "
                           "packages to patch, and mixing them in one Dockerfile means two sets of "
                           "flags, retry and TLS behaviours, and error handling to get right.",
                    .fix = "Choose one tool for the stage (curl is usually present already, and "
                           "busybox images have wget) and rewrite the other downloads with it: "
                           "`wget -qO- URL` is `curl -fsSL URL`, `wget URL` is `curl -fsSLO "
                           "URL`. Or download in a separate build stage and `COPY --from` the "
                           "result.",
                    .bad_example = "FROM debian:12\n"
                                   "RUN apt-get update && apt-get install -y curl wget\n",
                    .good_example = "FROM debian:12\n"
                                    "RUN apt-get update && apt-get install -y curl\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://docs.docker.com/build/building/best-practices/"
                            "#dont-install-unnecessary-packages",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
