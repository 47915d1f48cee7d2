// DOCKER-SEC-104: world-writable permissions, from COPY/ADD --chmod.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

#include "rules/docker/add_sources.h"
#include "rules/docker/file_mode.h"
#include "rules/docker/run_commands.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

std::string ModeMessage(std::string_view keyword, const std::string& shown) {
  return fmt::format(
      "{} --chmod={} makes the copied files writable by every user: any process in the "
      "container, whatever its user, can then change them; drop the write bit for others "
      "(e.g. 755 or 644, or 775 with a shared group)",
      keyword, shown);
}

// COPY/ADD --chmod=<mode>.
void CheckCopyChmod(const DockerContext& context, Emitter& emitter) {
  for (std::string_view keyword : {"copy", "add"}) {
    for (const AddSite& site : InstructionsNamed(context.file, keyword)) {
      for (const dockerfile::Flag& flag : site.add->flags) {
        if (flag.name != "chmod" || !flag.has_value) continue;
        std::optional<std::string> value = context.model.Resolve(*site.scope, flag.value);
        if (!value) continue;
        if (!IsWorldWritable(ParseFileMode(*value))) continue;
        std::string shown =
            *value == flag.value ? *value : fmt::format("{} (from {})", *value, flag.value);
        emitter.Report(flag.range, ModeMessage(keyword == "copy" ? "COPY" : "ADD", shown),
                       "--chmod=" + *value);
        break;
      }
    }
  }
}

// `chmod MODE path` in a RUN script. A mode in a variable is judged only
// when ENV/ARG give it and the script does not set it itself.
void CheckRunChmod(const DockerContext& context, Emitter& emitter) {
  runcmd::ReportFirstPerRun(
      context, emitter,
      [&context](const RunScript& script,
                 const shell::SimpleCommand& cmd) -> std::optional<runcmd::Hit> {
        if (cmd.Name() != "chmod") return std::nullopt;
        if (!shell::FlagValues(cmd, {"--reference"}).empty()) {
          return std::nullopt;  // copies another file's mode
        }
        std::vector<const shell::ShellWord*> operands = shell::Positionals(cmd);
        if (operands.size() < 2) return std::nullopt;
        const shell::ShellWord& mode = *operands[0];
        std::optional<std::string> value = runcmd::ResolveShellWord(context, script, mode);
        if (!value || !IsWorldWritable(ParseFileMode(*value))) return std::nullopt;
        std::string shown = mode.literal ? *value : fmt::format("{} (from {})", *value, mode.raw);
        const bool recursive = shell::HasFlag(cmd, {"-R", "--recursive"});
        return runcmd::Hit{
            mode.span,
            fmt::format("chmod {}{} {} makes {} writable by every user: any process in the "
                        "container, whatever its user, can then change {}; drop the write bit "
                        "for others (e.g. 755 or 644, or 775 with a shared group)",
                        recursive ? "-R " : "", shown, operands[1]->raw,
                        recursive ? "everything under it" : "it",
                        recursive ? "those files" : "the file"),
            "chmod " + *value};
      });
}

void Check(const DockerContext& context, Emitter& emitter) {
  CheckCopyChmod(context, emitter);
  CheckRunChmod(context, emitter);
}

}  // namespace

extern const Rule kDockerSec104{
    .meta =
        {
            .id = "DOCKER-SEC-104",
            .name = "World-Writable Permissions",
            .severity = Severity::kMedium,
            .category = "security",
            .cwe = "CWE-732",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "chmod", "permissions", "copy", "add", "run",
                     "world-writable"},
            .summary = "Files made writable by every user (`chmod 777`, `--chmod=777`, `o+w`).",
            .docs =
                {
                    .what =
                        "Reports a `COPY` or `ADD` instruction (also under `ONBUILD`) whose "
                        "`--chmod=` mode lets others write: an octal mode with the others-write "
                        "bit set (`777`, `666`, `0777`, `4777`, `757`...) or a symbolic mode "
                        "that grants it (`o+w`, `a+w`, `ugo+rwx`, `a=rwx`, `u=rwx,o=rwx`), "
                        "unless a later clause takes it back (`a+w,o-w`). A symbolic clause "
                        "without a who part (`+w`) is not reported: chmod filters it through "
                        "the umask, which keeps others from writing. Modes with the sticky bit "
                        "(`1777`, `+t`) are not reported either: that is the deliberate pattern "
                        "for shared temporary directories such as /tmp, where others may add "
                        "files but not delete or rename those of others. The mode is expanded "
                        "first (`--chmod=$MODE`); an unknown value is not reported. The finding "
                        "points at the flag, one per instruction. The same modes given to the "
                        "`chmod` command in a `RUN` are reported too (`chmod 777 /app`, `chmod "
                        "-R a+w /data`, `sudo chmod o+w x`, in `sh -c` and heredoc scripts), on "
                        "the mode word, one finding per RUN. A mode in a variable is used when "
                        "ENV or ARG give its value and the script does not set it itself "
                        "(`ARG MODE=777` then `RUN chmod $MODE x` is reported; `MODE=777; chmod "
                        "$MODE x` is not judged); `--reference=FILE` and `chmod` inside comments "
                        "or strings are not reported.",
                    .why = "A world-writable file or directory in an image can be modified by any "
                           "user in the container. If the application runs as a non-root user to "
                           "limit damage, a compromised process, or another service sharing the "
                           "volume, can still rewrite programs, scripts and configuration that "
                           "root or other users later execute or trust, turning a limited "
                           "compromise into code execution with more privileges.",
                    .fix = "Give write access only to the owner (and, if needed, a group): "
                           "`--chmod=755` (or `chmod 755`) for directories and executables, `644` "
                           "for other files, "
                           "`775`/`664` with `--chown=app:app` when the runtime user must write. "
                           "For a shared scratch directory use the sticky bit (`1777`).",
                    .bad_example = "FROM alpine:3.20\n"
                                   "COPY --chmod=777 entrypoint.sh /usr/local/bin/\n",
                    .good_example = "FROM alpine:3.20\n"
                                    "COPY --chmod=755 entrypoint.sh /usr/local/bin/\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/732.html",
                            "https://docs.docker.com/reference/dockerfile/#copy---chmod",
                            "https://man7.org/linux/man-pages/man1/chmod.1.html",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
