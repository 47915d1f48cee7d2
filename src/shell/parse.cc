// Parse(): the top-level driver (nested scripts, source order) and the
// accessors of the result types.

#include <algorithm>
#include <numeric>

#include "shell/parser_internal.h"
#include "shell/shell.h"

namespace pf::shell {
namespace {

// Reorders commands by source position (nested commands are completed, and
// so appended, before the command containing them) and remaps indices.
void SortBySource(ParseResult* r) {
  const std::size_t n = r->commands.size();
  std::vector<int> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return r->commands[static_cast<std::size_t>(a)].span.begin <
           r->commands[static_cast<std::size_t>(b)].span.begin;
  });
  std::vector<int> new_index(n);
  for (std::size_t k = 0; k < n; ++k)
    new_index[static_cast<std::size_t>(order[k])] = static_cast<int>(k);
  auto remap = [&](int i) { return i < 0 ? i : new_index[static_cast<std::size_t>(i)]; };
  bool identity = true;
  for (std::size_t k = 0; k < n && identity; ++k) identity = order[k] == static_cast<int>(k);
  if (identity) return;
  // Apply the permutation in place (cycle by cycle): no second copy of the
  // commands, which matters for very large scripts.
  std::vector<bool> done(n, false);
  for (std::size_t start = 0; start < n; ++start) {
    if (done[start]) continue;
    std::size_t k = start;
    SimpleCommand tmp = std::move(r->commands[start]);
    while (true) {
      done[k] = true;
      std::size_t from = static_cast<std::size_t>(order[k]);
      if (from == start) {
        r->commands[k] = std::move(tmp);
        break;
      }
      r->commands[k] = std::move(r->commands[from]);
      k = from;
    }
  }
  for (SimpleCommand& c : r->commands) {
    c.index = remap(c.index);
    c.pipe_from = remap(c.pipe_from);
    c.pipe_to = remap(c.pipe_to);
    c.parent = remap(c.parent);
  }
  for (Pipeline& p : r->pipelines) {
    for (int& c : p.commands) c = remap(c);
  }
  for (Heredoc& h : r->heredocs) h.command = remap(h.command);
}

std::string_view BaseName(std::string_view s) {
  std::size_t slash = s.rfind('/');
  return slash == std::string_view::npos ? s : s.substr(slash + 1);
}

}  // namespace

std::string_view OpText(Op op) {
  switch (op) {
    case Op::kNone:
      return "";
    case Op::kAnd:
      return "&&";
    case Op::kOr:
      return "||";
    case Op::kSemicolon:
      return ";";
    case Op::kNewline:
      return "\n";
    case Op::kBackground:
      return "&";
    case Op::kPipe:
      return "|";
    case Op::kPipeAll:
      return "|&";
    case Op::kCaseEnd:
      return ";;";
  }
  return "";
}

std::span<const ShellWord> SimpleCommand::Args() const {
  if (command_start >= argv.size()) return {};
  return std::span<const ShellWord>(argv).subspan(command_start);
}

std::string_view SimpleCommand::Name() const {
  if (command_start >= argv.size()) return {};
  const ShellWord& w = argv[command_start];
  if (!w.literal) return {};
  return BaseName(w.value);
}

std::vector<const SimpleCommand*> ParseResult::AllCommands() const {
  std::vector<const SimpleCommand*> out;
  out.reserve(commands.size());
  for (const SimpleCommand& c : commands) out.push_back(&c);
  return out;
}

const SimpleCommand* ParseResult::PipeSource(const SimpleCommand& c) const {
  if (c.pipe_from < 0 || static_cast<std::size_t>(c.pipe_from) >= commands.size()) return nullptr;
  return &commands[static_cast<std::size_t>(c.pipe_from)];
}

const SimpleCommand* ParseResult::PipeTarget(const SimpleCommand& c) const {
  if (c.pipe_to < 0 || static_cast<std::size_t>(c.pipe_to) >= commands.size()) return nullptr;
  return &commands[static_cast<std::size_t>(c.pipe_to)];
}

ParseResult Parse(std::string_view script, const ParseOptions& options) {
  ParseResult r;
  r.scope_parents.push_back(-1);
  // Untouched capacity costs nothing; it saves repeated moves on big inputs.
  r.commands.reserve(script.size() / 16 + 4);
  r.pipelines.reserve(script.size() / 16 + 4);
  internal::ParserEnv env;
  env.max_depth = options.max_depth;
  {
    internal::Parser p(script, &r, env);
    p.ParseScript();
  }
  // Scripts run by sh -c / su -c / eval / a heredoc fed to a shell. Done in
  // a loop over the growing list, not by recursion.
  std::vector<int> level(r.commands.size(), 0);
  for (std::size_t i = 0; i < r.commands.size(); ++i) {
    if (level[i] >= options.max_script_nesting) continue;
    internal::NestedScript ns;
    if (!internal::FindNestedScript(r, r.commands[i], &ns)) continue;
    const SimpleCommand& c = r.commands[i];
    internal::ParserEnv e;
    e.context = c.context | kInNestedScript;
    e.depth = c.depth + 1;
    e.max_depth = options.max_depth;
    r.scope_parents.push_back(c.scope);
    e.scope = static_cast<int>(r.scope_parents.size()) - 1;
    const std::size_t before = r.commands.size();
    internal::ParseNested(ns.text, &r, e, ns.map);
    level.resize(r.commands.size(), level[i] + 1);
    for (std::size_t j = before; j < r.commands.size(); ++j) {
      if (r.commands[j].parent < 0) r.commands[j].parent = static_cast<int>(i);
    }
  }
  SortBySource(&r);
  return r;
}

std::vector<const SimpleCommand*> CommandsAfterInSameShell(const ParseResult& result,
                                                           const SimpleCommand& cmd) {
  std::vector<const SimpleCommand*> out;
  auto within = [&](int scope) {
    for (int guard = 0; scope >= 0 && guard < 1 << 20; ++guard) {
      if (scope == cmd.scope) return true;
      if (static_cast<std::size_t>(scope) >= result.scope_parents.size()) return false;
      scope = result.scope_parents[static_cast<std::size_t>(scope)];
    }
    return false;
  };
  for (std::size_t j = static_cast<std::size_t>(cmd.index) + 1; j < result.commands.size(); ++j) {
    const SimpleCommand& c = result.commands[j];
    if (c.span.begin < cmd.span.end) continue;  // inside cmd itself
    if (within(c.scope)) out.push_back(&c);
  }
  return out;
}

}  // namespace pf::shell
