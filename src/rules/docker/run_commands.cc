#include "rules/docker/run_commands.h"

#include <algorithm>
#include <cctype>
#include <utility>

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

namespace {

bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Occurrences of `name` as a whole word in `text`, and how many of them are
// references (`$name`, `${name`).
std::pair<int, int> CountName(std::string_view text, std::string_view name) {
  int all = 0;
  int refs = 0;
  for (std::size_t at = text.find(name); at != std::string_view::npos;
       at = text.find(name, at + 1)) {
    const bool start = at == 0 || !IsNameChar(text[at - 1]);
    const std::size_t end = at + name.size();
    if (!start || (end < text.size() && IsNameChar(text[end]))) continue;
    ++all;
    if ((at >= 1 && text[at - 1] == '$') ||
        (at >= 2 && text[at - 1] == '{' && text[at - 2] == '$')) {
      ++refs;
    }
  }
  return {all, refs};
}

}  // namespace

std::optional<std::string> ResolveShellWord(const DockerContext& context, const RunScript& script,
                                            const shell::ShellWord& word) {
  if (word.literal) return word.value;
  if (word.has_command_subst || word.has_glob) return std::nullopt;
  std::string_view v = word.value;
  for (std::size_t i = v.find('$'); i != std::string_view::npos; i = v.find('$', i + 1)) {
    std::size_t start = i + 1;
    if (start < v.size() && v[start] == '{') ++start;
    std::size_t end = start;
    while (end < v.size() && IsNameChar(v[end])) ++end;
    std::string_view name = v.substr(start, end - start);
    // $1, $@, $$ and the like belong to the shell.
    if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return std::nullopt;
    auto [all, refs] = CountName(script.text, name);
    if (all != refs) return std::nullopt;
  }
  return context.model.Resolve(*script.scope, v);
}

bool IgnoresDirectory(const shell::SimpleCommand& cmd) {
  static constexpr std::string_view kNames[] = {"exit", "return", "true", "false", ":"};
  const std::string_view name = cmd.Name();
  return !name.empty() && std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace pf::rules::runcmd
