#include "rules/run_scripts.h"

#include <algorithm>

namespace pf::rules {

namespace {

using dockerfile::Instruction;

constexpr std::string_view kShells[] = {"sh", "bash", "ash", "dash", "zsh", "ksh", "mksh"};

std::string Basename(std::string_view path) {
  std::size_t slash = path.find_last_of('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

bool IsShellName(std::string_view name) {
  return std::find(std::begin(kShells), std::end(kShells), name) != std::end(kShells);
}

std::vector<std::string> ShellArgv(const Instruction& shell_inst) {
  std::vector<std::string> argv;
  for (const auto& word : shell_inst.args) argv.push_back(word.text);
  return argv;
}

// The body of a heredoc is a shell script when the RUN command is only the
// heredoc word(s) and the body has no shebang for another interpreter, or
// when the heredoc is fed to a shell (`RUN bash <<EOF`).
bool HeredocIsShell(const Instruction& run, const dockerfile::Heredoc& heredoc,
                    const shell::ParseResult& command_line) {
  std::string_view body = heredoc.content;
  if (body.starts_with("#!")) {
    std::string_view first = body.substr(0, body.find('\n'));
    for (std::string_view sh : kShells) {
      std::string suffix = "/" + std::string(sh);
      std::string env_form = " " + std::string(sh);
      if (first.find(suffix) != std::string_view::npos ||
          first.find(env_form) != std::string_view::npos) {
        return true;
      }
    }
    return false;
  }
  const auto commands = command_line.AllCommands();
  // Only the `<<EOF` word (a redirect-only command): run as a script.
  if (std::all_of(commands.begin(), commands.end(),
                  [](const shell::SimpleCommand* c) { return c->argv.empty(); })) {
    return true;
  }
  for (const shell::SimpleCommand* c : commands) {
    if (!IsShellName(c->Name())) continue;
    // `bash <<EOF` reads the script from stdin; `bash -c x <<EOF` does not.
    bool has_c = shell::HasFlag(*c, {"-c"});
    if (!has_c) return true;
  }
  (void)run;
  return false;
}

void AddScript(const Instruction& run, const Instruction& scope, int stage,
               const shell::ShellInfo& info, bool from_heredoc, std::string text,
               std::vector<std::size_t> offsets, std::vector<RunScript>* out) {
  RunScript script;
  script.run = &run;
  script.scope = &scope;
  script.stage = stage;
  script.shell = info;
  script.from_heredoc = from_heredoc;
  script.text = std::move(text);
  script.offsets = std::move(offsets);
  if (script.posix()) script.parsed = shell::Parse(script.text);
  out->push_back(std::move(script));
}

void CollectFor(const Instruction& run, const Instruction& scope, int stage,
                const shell::ShellInfo& info, std::vector<RunScript>* out) {
  if (run.json_form) {
    // ["sh", "-c", "script"] runs a script; other exec forms run no shell.
    if (run.args.size() >= 3 && IsShellName(Basename(run.args[0].text))) {
      for (std::size_t i = 1; i + 1 < run.args.size(); ++i) {
        if (run.args[i].text != "-c") continue;
        const dockerfile::Word& word = run.args[i + 1];
        std::vector<std::size_t> offsets;
        // Inside the JSON string; exact while the string has no escapes.
        for (std::size_t k = 0; k <= word.text.size(); ++k) {
          offsets.push_back(std::min(word.span.begin + 1 + k, word.span.end));
        }
        shell::ShellInfo posix;
        posix.program = Basename(run.args[0].text);
        AddScript(run, scope, stage, posix, false, word.text, std::move(offsets), out);
        break;
      }
    }
    return;
  }
  std::vector<std::size_t> offsets = run.args_offsets;
  if (offsets.size() != run.args_text.size()) offsets.assign(run.args_text.size(), 0);
  offsets.push_back(offsets.empty() ? 0 : offsets.back() + 1);
  AddScript(run, scope, stage, info, false, run.args_text, std::move(offsets), out);
  const shell::ParseResult& command_line = out->back().parsed;
  std::vector<RunScript> heredoc_scripts;
  for (const auto& heredoc : run.heredocs) {
    if (!info.program.empty() && info.kind != shell::ShellKind::kPosix) break;
    if (!HeredocIsShell(run, heredoc, command_line)) continue;
    std::vector<std::size_t> body_offsets;
    for (std::size_t k = 0; k <= heredoc.content.size(); ++k) {
      body_offsets.push_back(std::min(heredoc.body_span.begin + k, heredoc.body_span.end));
    }
    AddScript(run, scope, stage, info, true, heredoc.content, std::move(body_offsets),
              &heredoc_scripts);
  }
  for (auto& s : heredoc_scripts) out->push_back(std::move(s));
}

}  // namespace

ByteSpan RunScript::ToSource(ByteSpan script_span) const {
  if (offsets.empty()) return {};
  auto at = [&](std::size_t i) { return offsets[std::min(i, offsets.size() - 1)]; };
  ByteSpan span{at(script_span.begin), at(script_span.end)};
  // A span ending right after a joined continuation maps past the line
  // break; end it just after its last byte instead.
  if (script_span.end > script_span.begin) span.end = at(script_span.end - 1) + 1;
  return span;
}

shell::ShellInfo ShellAt(const dockerfile::Dockerfile& file, const dockerfile::Model& model,
                         const Instruction& inst) {
  const dockerfile::Stage* stage = model.StageOf(inst);
  (void)file;
  // Walk this stage, then the stages it is built on, for the last SHELL.
  const Instruction* limit = &inst;
  int guard = 0;
  while (stage != nullptr && guard++ < 1000) {
    const Instruction* last_shell = nullptr;
    for (const Instruction* i : stage->instructions) {
      if (i == limit) break;
      if (i->keyword == "shell") last_shell = i;
    }
    if (last_shell != nullptr) return shell::Classify(ShellArgv(*last_shell));
    if (stage->base_stage < 0 || stage->base_stage >= static_cast<int>(model.stages().size())) {
      break;
    }
    stage = &model.stages()[static_cast<std::size_t>(stage->base_stage)];
    limit = nullptr;
  }
  return shell::Classify({});
}

std::vector<RunScript> CollectRunScripts(const dockerfile::Dockerfile& file,
                                         const dockerfile::Model& model) {
  std::vector<RunScript> out;
  for (const Instruction& inst : file.instructions) {
    const Instruction* run = &inst;
    if (inst.keyword == "onbuild" && inst.child) run = inst.child.get();
    if (run->keyword != "run") continue;
    const dockerfile::Stage* stage = model.StageOf(inst);
    CollectFor(*run, inst, stage ? stage->index : -1, ShellAt(file, model, inst), &out);
  }
  return out;
}

}  // namespace pf::rules
