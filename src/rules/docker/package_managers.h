#pragma once

// Shared queries for the package manager rules: which RUN commands run a
// package manager subcommand, what else the same RUN does (clean, rm, cache
// mounts), and reporting one finding per RUN instruction.

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dockerfile/ast.h"
#include "rules/rule.h"
#include "rules/run_scripts.h"
#include "shell/shell.h"

namespace pf::rules::pkg {

// One command of a RUN with the script it belongs to.
struct RunCommand {
  const RunScript* script = nullptr;
  const shell::SimpleCommand* command = nullptr;
};

// Every command of one RUN instruction across its POSIX scripts (body, then
// heredocs), in source order.
struct RunCommands {
  const dockerfile::Instruction* run = nullptr;
  std::vector<RunCommand> commands;
};

std::vector<RunCommands> PosixRuns(const DockerContext& context);

// What a rule reports for one command.
struct Offense {
  const shell::ShellWord* word = nullptr;  // token to point at
  std::string message;
  std::string offending;
};

// Called for command `index` of `run`; returns the offense to report, if any.
using CommandCheck =
    std::function<std::optional<Offense>(const RunCommands& run, std::size_t index)>;

// Reports the first offense of each RUN instruction.
void ReportFirstPerRun(const DockerContext& context, Emitter& emitter, const CommandCheck& check);

// The effective command (wrappers seen through) is one of `tools`.
bool IsTool(const shell::SimpleCommand& cmd, std::initializer_list<std::string_view> tools);
// ... and its subcommand is one of `subcommands`.
bool IsToolSubcommand(const shell::SimpleCommand& cmd,
                      std::initializer_list<std::string_view> tools,
                      std::initializer_list<std::string_view> subcommands);

// `apt-get install` that really installs: not a simulation (`-s`,
// `--simulate`, `--dry-run`, `--just-print`, `--recon`, `--no-act`), which
// neither prompts nor changes the image.
bool IsAptGetInstall(const shell::SimpleCommand& cmd);

// pip, pip3, pip3.12 (also reached through `python -m pip`).
bool IsPip(std::string_view name);

// The word naming the effective command (`apt-get` in `sudo apt-get ...`).
const shell::ShellWord& NameWord(const shell::SimpleCommand& cmd);
// The subcommand word; the command name when there is none.
const shell::ShellWord& SubcommandWord(const shell::SimpleCommand& cmd);

// "tool subcommand" for messages, e.g. "apt-get install".
std::string CommandText(const shell::SimpleCommand& cmd);

// True when any command after `index` in the same RUN satisfies `pred`.
bool AnyLater(const RunCommands& run, std::size_t index,
              const std::function<bool(const shell::SimpleCommand&)>& pred);

// `rm` whose operand is `dir`, `dir/`, `dir/*` or a directory above it.
bool RemovesDir(const shell::SimpleCommand& cmd, std::string_view dir);

// `tool clean` with `all` among its arguments (yum/dnf), or any
// `tool clean`/`tool cc` when `need_all` is false (zypper).
bool IsClean(const shell::SimpleCommand& cmd, std::initializer_list<std::string_view> tools,
             std::initializer_list<std::string_view> clean_words, bool need_all);

// A `RUN --mount=type=cache` (or tmpfs) whose target is `dir` or above it,
// so that what is written there never reaches the image layer.
bool MountCovers(const DockerContext& context, const RunScript& script, std::string_view dir);

// An install command that leaves a cache in the image layer unless a later
// command of the same RUN cleans it (`cleans`, or `rm` of one of
// `cache_dirs`) or a cache mount covers one of `cache_dirs`.
struct CacheCleanup {
  bool (*is_install)(const shell::SimpleCommand&);
  bool (*cleans)(const shell::SimpleCommand&);
  std::span<const std::string_view> cache_dirs;
  std::string_view cache;  // for messages: "yum's cache", "the package lists"
  std::string_view fix;    // "yum clean all"
};

// Reports, once per RUN, the first install command `spec` finds uncleaned.
void ReportUncleanedInstall(const DockerContext& context, Emitter& emitter,
                            const CacheCleanup& spec);

// Reports, once per RUN, the first yum/dnf-style install command
// (`is_install`) that does not answer the confirmation prompt: no -y,
// --assumeyes or --setopt=assumeyes=true, and not fed by `yes`.
void ReportInstallWithoutAssumeYes(const DockerContext& context, Emitter& emitter,
                                   bool (*is_install)(const shell::SimpleCommand&));

// The command's stdin comes from `yes` (`yes | apt-get install x`).
bool FedByYes(const RunScript& script, const shell::SimpleCommand& cmd);

// Boolean words as the tools read them: true/yes/on/1 and false/no/off/0
// (case-insensitive); nullopt for anything else.
std::optional<bool> ParseBool(std::string_view value);

// Values of `-o Key=value` (apt) or `--setopt=key=value` (yum/dnf) options
// for `key` (compared case-insensitively); non-literal values are skipped.
std::vector<std::string> OptionValues(const shell::SimpleCommand& cmd,
                                      std::initializer_list<std::string_view> options,
                                      std::string_view key);

// Reports the first `tool subcommand` of each RUN on its subcommand word:
// "`tool subcommand` <advice>".
void ReportSubcommands(const DockerContext& context, Emitter& emitter,
                       std::initializer_list<std::string_view> tools,
                       std::initializer_list<std::string_view> subcommands,
                       std::string_view advice);

// Emits the finding for an offense found in `script`.
void ReportOffense(Emitter& emitter, const RunScript& script, Offense offense);

}  // namespace pf::rules::pkg
