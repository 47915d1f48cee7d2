#include "rules/docker/package_managers.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace pf::rules::pkg {

namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool OneOf(std::string_view value, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), value) != names.end();
}

// "/var/lib/apt/lists/*" -> "/var/lib/apt/lists"; "/" stays "/".
std::string_view TrimDir(std::string_view path) {
  while (path.size() > 1) {
    if (path.ends_with("/*")) {
      path.remove_suffix(2);
    } else if (path.ends_with("/")) {
      path.remove_suffix(1);
    } else {
      break;
    }
  }
  return path;
}

// `path` names `dir` or a directory above it (not the root).
bool Covers(std::string_view path, std::string_view dir) {
  path = TrimDir(path);
  dir = TrimDir(dir);
  if (path.empty() || path == "/") return false;
  if (path == dir) return true;
  return dir.starts_with(path) && dir.size() > path.size() && dir[path.size()] == '/';
}

std::vector<std::string_view> SplitComma(std::string_view text) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    parts.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return parts;
}

std::string_view Unquote(std::string_view s) {
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) {
    return s.substr(1, s.size() - 2);
  }
  return s;
}

}  // namespace

std::vector<RunCommands> PosixRuns(const DockerContext& context) {
  std::vector<RunCommands> runs;
  for (const RunScript& script : context.run_scripts()) {
    if (!script.posix()) continue;
    if (runs.empty() || runs.back().run != script.run) {
      runs.push_back(RunCommands{script.run, {}});
    }
    for (const shell::SimpleCommand* cmd : script.parsed.AllCommands()) {
      runs.back().commands.push_back(RunCommand{&script, cmd});
    }
  }
  return runs;
}

void ReportFirstPerRun(const DockerContext& context, Emitter& emitter, const CommandCheck& check) {
  for (const RunCommands& run : PosixRuns(context)) {
    for (std::size_t i = 0; i < run.commands.size(); ++i) {
      std::optional<Offense> offense = check(run, i);
      if (!offense) continue;
      ReportOffense(emitter, *run.commands[i].script, std::move(*offense));
      break;
    }
  }
}

bool IsTool(const shell::SimpleCommand& cmd, std::initializer_list<std::string_view> tools) {
  std::string_view name = cmd.Name();
  return !name.empty() && OneOf(name, tools);
}

bool IsToolSubcommand(const shell::SimpleCommand& cmd,
                      std::initializer_list<std::string_view> tools,
                      std::initializer_list<std::string_view> subcommands) {
  return IsTool(cmd, tools) && shell::IsSubcommand(cmd, subcommands);
}

bool IsAptGetInstall(const shell::SimpleCommand& cmd) {
  return IsToolSubcommand(cmd, {"apt-get"}, {"install"}) &&
         !shell::HasFlag(cmd,
                         {"-s", "--simulate", "--dry-run", "--just-print", "--recon", "--no-act"});
}

bool IsPip(std::string_view name) {
  if (!name.starts_with("pip")) return false;
  for (char c : name.substr(3)) {
    if ((c < '0' || c > '9') && c != '.') return false;
  }
  return true;
}

const shell::ShellWord& NameWord(const shell::SimpleCommand& cmd) {
  std::span<const shell::ShellWord> args = cmd.Args();
  return args.empty() ? cmd.argv.front() : args.front();
}

const shell::ShellWord& SubcommandWord(const shell::SimpleCommand& cmd) {
  const shell::ShellWord* sub = shell::Subcommand(cmd);
  return sub != nullptr ? *sub : NameWord(cmd);
}

std::string CommandText(const shell::SimpleCommand& cmd) {
  std::string text(cmd.Name());
  const shell::ShellWord* sub = shell::Subcommand(cmd);
  if (sub != nullptr && sub->literal) text += " " + sub->value;
  return text;
}

bool AnyLater(const RunCommands& run, std::size_t index,
              const std::function<bool(const shell::SimpleCommand&)>& pred) {
  for (std::size_t i = index + 1; i < run.commands.size(); ++i) {
    if (pred(*run.commands[i].command)) return true;
  }
  return false;
}

void ReportUncleanedInstall(const DockerContext& context, Emitter& emitter,
                            const CacheCleanup& spec) {
  auto cleans = [&](const shell::SimpleCommand& cmd) {
    if (spec.cleans(cmd)) return true;
    for (std::string_view dir : spec.cache_dirs) {
      if (RemovesDir(cmd, dir)) return true;
    }
    return false;
  };
  ReportFirstPerRun(
      context, emitter, [&](const RunCommands& run, std::size_t i) -> std::optional<Offense> {
        const RunCommand& at = run.commands[i];
        const shell::SimpleCommand& cmd = *at.command;
        if (!spec.is_install(cmd) || AnyLater(run, i, cleans)) return std::nullopt;
        for (std::string_view dir : spec.cache_dirs) {
          if (MountCovers(context, *at.script, dir)) return std::nullopt;
        }
        std::string text = CommandText(cmd);
        return Offense{&SubcommandWord(cmd),
                       fmt::format("`{}` leaves {} in the layer; end the same RUN with `{}`", text,
                                   spec.cache, spec.fix),
                       text};
      });
}

void ReportInstallWithoutAssumeYes(const DockerContext& context, Emitter& emitter,
                                   bool (*is_install)(const shell::SimpleCommand&)) {
  auto assumes_yes = [](const RunScript& script, const shell::SimpleCommand& cmd) {
    if (shell::HasFlag(cmd, {"-y", "--assumeyes"})) return true;
    for (const std::string& value : OptionValues(cmd, {"--setopt"}, "assumeyes")) {
      if (ParseBool(value) == true) return true;
    }
    return FedByYes(script, cmd);
  };
  ReportFirstPerRun(
      context, emitter, [&](const RunCommands& run, std::size_t i) -> std::optional<Offense> {
        const RunCommand& at = run.commands[i];
        const shell::SimpleCommand& cmd = *at.command;
        if (!is_install(cmd) || assumes_yes(*at.script, cmd)) return std::nullopt;
        std::string text = CommandText(cmd);
        return Offense{&SubcommandWord(cmd),
                       fmt::format("`{}` without -y asks for confirmation, which a build cannot "
                                   "give, and fails; add -y (or --assumeyes)",
                                   text),
                       text};
      });
}

bool RemovesDir(const shell::SimpleCommand& cmd, std::string_view dir) {
  if (cmd.Name() != "rm") return false;
  for (const shell::ShellWord* operand : shell::Positionals(cmd)) {
    // A trailing glob is fine; any other expansion is unknown.
    if (operand->has_expansion) continue;
    if (Covers(operand->value, dir)) return true;
  }
  return false;
}

bool IsClean(const shell::SimpleCommand& cmd, std::initializer_list<std::string_view> tools,
             std::initializer_list<std::string_view> clean_words, bool need_all) {
  if (!IsToolSubcommand(cmd, tools, clean_words)) return false;
  if (!need_all) return true;
  std::vector<const shell::ShellWord*> positionals = shell::Positionals(cmd);
  for (std::size_t i = 1; i < positionals.size(); ++i) {
    if (positionals[i]->literal && positionals[i]->value == "all") return true;
  }
  return false;
}

bool MountCovers(const DockerContext& context, const RunScript& script, std::string_view dir) {
  for (const dockerfile::Flag& flag : script.run->flags) {
    if (flag.name != "mount" || !flag.has_value) continue;
    // BuildKit expands variables in mount options; unknown ones stay unknown.
    std::optional<std::string> value = context.model.Resolve(*script.scope, flag.value);
    if (!value) continue;
    std::string type = "bind";
    std::vector<std::string> targets;
    for (std::string_view field : SplitComma(*value)) {
      field = Unquote(field);
      std::size_t eq = field.find('=');
      if (eq == std::string_view::npos) continue;
      std::string key = Lower(field.substr(0, eq));
      std::string_view val = Unquote(field.substr(eq + 1));
      if (key == "type") type = Lower(val);
      if (key == "target" || key == "dst" || key == "destination") {
        targets.emplace_back(val);
      }
    }
    if (type != "cache" && type != "tmpfs") continue;
    for (const std::string& target : targets) {
      if (Covers(target, dir)) return true;
    }
  }
  return false;
}

bool FedByYes(const RunScript& script, const shell::SimpleCommand& cmd) {
  const shell::SimpleCommand* source = script.parsed.PipeSource(cmd);
  return source != nullptr && source->Name() == "yes";
}

std::optional<bool> ParseBool(std::string_view value) {
  std::string v = Lower(value);
  if (v == "true" || v == "yes" || v == "on" || v == "1") return true;
  if (v == "false" || v == "no" || v == "off" || v == "0") return false;
  return std::nullopt;
}

std::vector<std::string> OptionValues(const shell::SimpleCommand& cmd,
                                      std::initializer_list<std::string_view> options,
                                      std::string_view key) {
  std::vector<std::string> values;
  const std::string wanted = Lower(key);
  for (const shell::ShellWord& word : shell::FlagValues(cmd, options)) {
    if (!word.literal) continue;
    std::size_t eq = word.value.find('=');
    if (eq == std::string::npos) continue;
    if (Lower(std::string_view(word.value).substr(0, eq)) != wanted) continue;
    values.push_back(word.value.substr(eq + 1));
  }
  return values;
}

void ReportSubcommands(const DockerContext& context, Emitter& emitter,
                       std::initializer_list<std::string_view> tools,
                       std::initializer_list<std::string_view> subcommands,
                       std::string_view advice) {
  ReportFirstPerRun(
      context, emitter, [&](const RunCommands& run, std::size_t i) -> std::optional<Offense> {
        const shell::SimpleCommand& cmd = *run.commands[i].command;
        if (!IsToolSubcommand(cmd, tools, subcommands)) return std::nullopt;
        std::string text = CommandText(cmd);
        return Offense{&SubcommandWord(cmd), fmt::format("`{}` {}", text, advice), text};
      });
}

void ReportOffense(Emitter& emitter, const RunScript& script, Offense offense) {
  emitter.Report(script.ToSource(offense.word->span), std::move(offense.message),
                 std::move(offense.offending));
}

}  // namespace pf::rules::pkg
