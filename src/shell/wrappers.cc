// Seeing through command wrappers (sudo, env, xargs, ...) and finding the
// script text a shell command runs (sh -c, su -c, eval, heredoc to sh).

#include <algorithm>
#include <string>

#include "shell/parser_internal.h"

namespace pf::shell::internal {
namespace {

std::string_view Basename(std::string_view s) {
  std::size_t slash = s.rfind('/');
  return slash == std::string_view::npos ? s : s.substr(slash + 1);
}

// How a wrapper reads its own options.
struct WrapperSpec {
  std::string_view short_with_value;  // letters whose option takes a value
  std::vector<std::string_view> long_with_value;
  bool dash_is_option = false;  // `env -`
};

// Skips options starting at argv[i]; returns the index of the first operand.
std::size_t SkipOptions(const std::vector<ShellWord>& argv, std::size_t i,
                        const WrapperSpec& spec) {
  while (i < argv.size()) {
    const ShellWord& a = argv[i];
    if (!a.literal) return i;
    std::string_view v = a.value;
    if (v == "--") return i + 1;
    if (v == "-" && spec.dash_is_option) {
      ++i;
      continue;
    }
    if (v.size() < 2 || v[0] != '-') return i;
    if (v.starts_with("--")) {
      std::string_view name = v.substr(0, v.find('='));
      bool takes = name.size() == v.size() &&
                   std::find(spec.long_with_value.begin(), spec.long_with_value.end(), name) !=
                       spec.long_with_value.end();
      i += takes ? 2 : 1;
      continue;
    }
    std::size_t step = 1;
    for (std::size_t j = 1; j < v.size(); ++j) {
      if (spec.short_with_value.find(v[j]) != std::string_view::npos) {
        if (j + 1 == v.size()) step = 2;  // value is the next word
        break;
      }
    }
    i += step;
  }
  return i;
}

bool IsAssignmentValue(const ShellWord& w) {
  std::size_t eq = w.value.find('=');
  return w.literal && eq != std::string::npos && eq > 0 && IsName(w.value.substr(0, eq));
}

void AddAssignment(SimpleCommand* cmd, const ShellWord& w) {
  std::size_t eq = w.value.find('=');
  Assignment a;
  a.name = w.value.substr(0, eq);
  a.span = w.span;
  a.value = w;
  a.value.value = w.value.substr(eq + 1);
  std::size_t raw_eq = w.raw.find('=');
  if (raw_eq != std::string::npos) {
    a.value.raw = w.raw.substr(raw_eq + 1);
    a.value.span.begin = std::min(w.span.begin + raw_eq + 1, w.span.end);
  }
  cmd->assignments.push_back(std::move(a));
}

std::size_t SkipAssignments(SimpleCommand* cmd, std::size_t i) {
  while (i < cmd->argv.size() && IsAssignmentValue(cmd->argv[i])) {
    AddAssignment(cmd, cmd->argv[i]);
    ++i;
  }
  return i;
}

bool IsPython(std::string_view name) {
  if (!name.starts_with("python")) return false;
  for (char c : name.substr(6)) {
    if ((c < '0' || c > '9') && c != '.') return false;
  }
  return true;
}

// One wrapper layer at argv[i]; returns the index of the wrapped command, or
// `i` when argv[i] is not a wrapper.
std::size_t Unwrap(SimpleCommand* cmd, std::size_t i) {
  const std::vector<ShellWord>& argv = cmd->argv;
  const ShellWord& w = argv[i];
  if (!w.literal) return i;
  std::string_view name = Basename(w.value);
  if (name == "sudo" || name == "doas") {
    std::size_t j =
        SkipOptions(argv, i + 1,
                    {"ugpCDhrtTUR",
                     {"--user", "--group", "--prompt", "--close-from", "--chdir", "--role",
                      "--type", "--other-user", "--host", "--command-timeout"}});
    return SkipAssignments(cmd, j);
  }
  if (name == "env") {
    std::size_t j =
        SkipOptions(argv, i + 1, {"uCS", {"--unset", "--chdir", "--split-string"}, true});
    return SkipAssignments(cmd, j);
  }
  if (name == "nohup" || name == "setsid" || name == "unbuffer" || name == "eatmydata" ||
      name == "builtin" || name == "catchsegv") {
    return SkipOptions(argv, i + 1, {});
  }
  if (name == "exec") return SkipOptions(argv, i + 1, {"a", {}});
  if (name == "command") {
    for (std::size_t j = i + 1; j < argv.size() && argv[j].value.starts_with("-"); ++j) {
      if (argv[j].value.find_first_of("vV") != std::string::npos) return i;  // a lookup
      if (argv[j].value == "--") break;
    }
    return SkipOptions(argv, i + 1, {});
  }
  if (name == "time") return SkipOptions(argv, i + 1, {"fo", {"--format", "--output"}});
  if (name == "nice") return SkipOptions(argv, i + 1, {"n", {"--adjustment"}});
  if (name == "ionice") return SkipOptions(argv, i + 1, {"cnpPu", {"--class", "--classdata"}});
  if (name == "stdbuf") {
    return SkipOptions(argv, i + 1, {"ioe", {"--input", "--output", "--error"}});
  }
  if (name == "timeout") {
    std::size_t j = SkipOptions(argv, i + 1, {"sk", {"--signal", "--kill-after"}});
    return j < argv.size() ? j + 1 : j;  // the duration
  }
  if (name == "xargs") {
    cmd->args_from_stdin = true;
    return SkipOptions(argv, i + 1,
                       {"ILnPsdEa",
                        {"--arg-file", "--delimiter", "--max-args", "--max-procs", "--max-chars",
                         "--max-lines", "--process-slot-var"}});
  }
  if (name == "chroot") {
    std::size_t j = SkipOptions(argv, i + 1, {"", {"--userspec", "--groups"}});
    return j < argv.size() ? j + 1 : j;  // the new root
  }
  if (name == "gosu" || name == "su-exec") return i + 2 <= argv.size() ? i + 2 : argv.size();
  if (name == "busybox") return i + 1;
  if (name == "tini" || name == "tini-static") return SkipOptions(argv, i + 1, {"pe", {}});
  if (name == "dumb-init") return SkipOptions(argv, i + 1, {"r", {"--rewrite"}});
  if (IsPython(name)) {
    for (std::size_t j = i + 1; j < argv.size(); ++j) {
      const ShellWord& a = argv[j];
      if (!a.literal || !a.value.starts_with("-") || a.value == "-" || a.value == "--") return i;
      if (a.value == "-m") return j + 1 < argv.size() ? j + 1 : i;
      if (a.value.find('c') != std::string::npos) return i;  // -c code
      if (a.value == "-W" || a.value == "-X") ++j;
    }
    return i;
  }
  return i;
}

bool IsShell(std::string_view name) {
  return name == "sh" || name == "bash" || name == "dash" || name == "ash" || name == "zsh" ||
         name == "ksh" || name == "mksh" || name == "lksh" || name == "yash" || name == "posh";
}

OffsetMap WordOffsets(const ShellWord& w) {
  std::vector<std::size_t> offsets;
  ParseResult scratch;
  scratch.scope_parents.push_back(-1);
  ParserEnv env;
  env.parse_substitutions = false;
  env.offsets = &offsets;
  ShellWord again;
  Parser p(w.raw, &scratch, env);
  p.LexSingleWord(&again);
  OffsetMap map;
  const bool exact = again.value == w.value && offsets.size() == w.value.size();
  for (std::size_t k = 0; k < w.value.size(); ++k) {
    std::size_t off = exact ? w.span.begin + offsets[k] : w.span.begin;
    map.at.push_back(std::min(off, w.span.end > 0 ? w.span.end - 1 : 0));
  }
  map.at.push_back(w.span.end);
  return map;
}

bool ShellScript(const ParseResult& r, const SimpleCommand& cmd, std::span<const ShellWord> args,
                 NestedScript* out) {
  std::size_t i = 1;
  bool dash_c = false;
  bool dash_s = false;
  while (i < args.size()) {
    const ShellWord& a = args[i];
    if (!a.literal) break;
    std::string_view v = a.value;
    if (v == "--" || v == "-") {
      ++i;
      break;
    }
    if (v.size() < 2 || (v[0] != '-' && v[0] != '+')) break;
    if (v.starts_with("--")) {
      i += v == "--rcfile" || v == "--init-file" ? 2 : 1;
      continue;
    }
    bool takes_value = false;
    for (char ch : v.substr(1)) {
      if (ch == 'c') dash_c = true;
      if (ch == 's') dash_s = true;
      if (ch == 'o' || ch == 'O') takes_value = true;
    }
    i += takes_value ? 2 : 1;
  }
  if (dash_c) {
    if (i >= args.size() || args[i].has_command_subst) return false;
    out->text = args[i].value;
    out->map = WordOffsets(args[i]);
    return true;
  }
  if (i < args.size() && !dash_s) return false;  // runs a script file
  for (const Redirect& rd : cmd.redirects) {
    if (rd.fd > 0) continue;
    if (rd.heredoc >= 0 && static_cast<std::size_t>(rd.heredoc) < r.heredocs.size()) {
      const Heredoc& hd = r.heredocs[static_cast<std::size_t>(rd.heredoc)];
      out->text = hd.body;
      for (std::size_t k = 0; k < hd.body.size(); ++k) {
        out->map.at.push_back(
            std::min(hd.body_span.begin + k, hd.body_span.end > 0 ? hd.body_span.end - 1 : 0));
      }
      out->map.at.push_back(hd.body_span.end);
      return true;
    }
    if (rd.op == "<<<" && !rd.target.has_command_subst) {
      out->text = rd.target.value;
      out->map = WordOffsets(rd.target);
      return true;
    }
  }
  return false;
}

}  // namespace

void ResolveWrappers(SimpleCommand* cmd) {
  std::size_t i = 0;
  for (int layer = 0; layer < 16 && i < cmd->argv.size(); ++layer) {
    std::size_t next = Unwrap(cmd, i);
    if (next == i) break;
    if (next >= cmd->argv.size()) break;  // wrapper alone: it is the command
    cmd->wrappers.emplace_back(Basename(cmd->argv[i].value));
    i = next;
  }
  cmd->command_start = i;
}

bool FindNestedScript(const ParseResult& r, const SimpleCommand& cmd, NestedScript* out) {
  std::span<const ShellWord> args = cmd.Args();
  if (args.empty()) return false;
  std::string_view name = cmd.Name();
  if (IsShell(name)) return ShellScript(r, cmd, args, out);
  if (name == "su" || name == "runuser") {
    for (std::size_t i = 1; i < args.size(); ++i) {
      const ShellWord& a = args[i];
      if (!a.literal) continue;
      std::string_view v = a.value;
      if (v.starts_with("--command=")) {
        ShellWord inline_word = a;
        inline_word.value = a.value.substr(10);
        inline_word.span.begin = std::min(a.span.begin + 10, a.span.end);
        inline_word.raw = a.raw.size() >= 10 ? a.raw.substr(10) : std::string();
        out->text = inline_word.value;
        out->map = WordOffsets(inline_word);
        return true;
      }
      bool is_c =
          v == "--command" || (v.size() >= 2 && v[0] == '-' && v[1] != '-' && v.back() == 'c');
      if (is_c && i + 1 < args.size() && !args[i + 1].has_command_subst) {
        out->text = args[i + 1].value;
        out->map = WordOffsets(args[i + 1]);
        return true;
      }
    }
    return false;
  }
  if (name == "eval" && args.size() > 1) {
    for (std::size_t i = 1; i < args.size(); ++i) {
      if (args[i].has_command_subst) return false;
      if (i > 1) {
        out->text += ' ';
        out->map.at.push_back(args[i - 1].span.end);
      }
      OffsetMap m = WordOffsets(args[i]);
      out->text += args[i].value;
      out->map.at.insert(out->map.at.end(), m.at.begin(), m.at.end() - 1);
    }
    out->map.at.push_back(args.back().span.end);
    return true;
  }
  return false;
}

}  // namespace pf::shell::internal
