// Which kind of shell a SHELL instruction selects, and the options it sets.

#include <algorithm>
#include <cctype>
#include <string>

#include "shell/shell.h"

namespace pf::shell {
namespace {

std::string ProgramName(std::string_view path) {
  std::size_t slash = path.find_last_of("/\\");
  std::string name(slash == std::string_view::npos ? path : path.substr(slash + 1));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (name.size() > 4 && name.ends_with(".exe")) name.resize(name.size() - 4);
  return name;
}

bool IsPosixShell(std::string_view n) {
  return n == "sh" || n == "bash" || n == "ash" || n == "dash" || n == "zsh" || n == "ksh" ||
         n == "mksh" || n == "lksh" || n == "yash" || n == "posh" || n == "busybox";
}

}  // namespace

ShellInfo Classify(const std::vector<std::string>& shell_argv) {
  ShellInfo info;
  if (shell_argv.empty()) {
    info.program = "sh";
    return info;
  }
  info.program = ProgramName(shell_argv[0]);
  if (info.program == "pwsh" || info.program == "powershell") {
    info.kind = ShellKind::kPowerShell;
    return info;
  }
  if (info.program == "cmd") {
    info.kind = ShellKind::kCmd;
    return info;
  }
  if (!IsPosixShell(info.program)) {
    info.kind = ShellKind::kUnknown;
    return info;
  }
  std::size_t i = 1;
  if (info.program == "busybox" && shell_argv.size() > 1) {
    info.program = ProgramName(shell_argv[1]);
    i = 2;
  }
  for (; i < shell_argv.size(); ++i) {
    std::string_view a = shell_argv[i];
    if (a == "--") break;
    if (a.size() < 2 || (a[0] != '-' && a[0] != '+')) continue;
    if (a.starts_with("--")) continue;
    const bool on = a[0] == '-';
    for (std::size_t j = 1; j < a.size(); ++j) {
      if (a[j] == 'e') info.errexit = on;
      if (a[j] == 'o' && i + 1 < shell_argv.size()) {
        std::string_view opt = shell_argv[i + 1];
        if (opt == "pipefail") info.pipefail = on;
        if (opt == "errexit") info.errexit = on;
        ++i;
        break;
      }
    }
  }
  return info;
}

}  // namespace pf::shell
