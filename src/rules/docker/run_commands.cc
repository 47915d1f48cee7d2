#include "rules/docker/run_commands.h"

#include <algorithm>
#include <cctype>

namespace pf::rules::runcmd {

void ReportFirstPerRun(const DockerContext& context, Emitter& emitter,
                       const CommandMatcher& match) {
  const dockerfile::Instruction* reported = nullptr;
  for (const RunScript& script : context.run_scripts()) {
    if (!script.posix() || script.run == reported) continue;
    for (const shell::SimpleCommand* cmd : script.parsed.AllCommands()) {
      std::optional<Hit> hit = match(script, *cmd);
      if (!hit) continue;
      emitter.Report(script.ToSource(hit->span), std::move(hit->message),
                     std::move(hit->offending));
      reported = script.run;
      break;
    }
  }
}

std::string_view Basename(std::string_view path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool IsShellProgram(std::string_view name) {
  static constexpr std::string_view kShells[] = {"sh", "bash", "dash", "ash", "ksh", "mksh", "zsh"};
  return std::find(std::begin(kShells), std::end(kShells), name) != std::end(kShells);
}

const shell::ShellWord* CommandWord(const shell::SimpleCommand& cmd, std::string_view name) {
  // Words up to the effective command: wrappers, their options, the command.
  if (cmd.argv.empty()) return nullptr;
  const std::size_t last = std::min(cmd.command_start, cmd.argv.size() - 1);
  for (std::size_t i = 0; i <= last; ++i) {
    const shell::ShellWord& word = cmd.argv[i];
    if (word.literal && Basename(word.value) == name) return &word;
  }
  return nullptr;
}

std::vector<ExecRun> ExecFormRuns(const DockerContext& context) {
  std::vector<ExecRun> out;
  for (const dockerfile::Instruction& top : context.file.instructions) {
    const dockerfile::Instruction* run = &top;
    if (top.keyword == "onbuild" && top.child) run = top.child.get();
    if (run->keyword != "run" || !run->json_form || run->args.empty()) continue;
    std::string_view program = Basename(run->args.front().text);
    if (IsShellProgram(program)) continue;  // a script: see run_scripts()
    out.push_back(ExecRun{run, &top, program});
  }
  return out;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace pf::rules::runcmd
