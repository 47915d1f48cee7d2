// DOCKER-SEC-105: TLS certificate verification turned off.
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rules/docker/run_commands.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

using shell::ShellWord;
using shell::SimpleCommand;

constexpr std::string_view kAdvice =
    "fix the trust store instead (install ca-certificates, or add the internal CA with "
    "update-ca-certificates / the tool's CA option)";

bool IsFalse(std::string_view value) {
  std::string v = runcmd::Lower(value);
  return v == "false" || v == "0" || v == "no" || v == "off";
}

bool IsTrue(std::string_view value) {
  std::string v = runcmd::Lower(value);
  return v == "true" || v == "1" || v == "yes" || v == "on";
}

// pip, pip3, pip3.12 (not pipx or pipenv).
bool IsPip(std::string_view name) {
  if (!name.starts_with("pip")) return false;
  return std::all_of(name.begin() + 3, name.end(),
                     [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
}

// An environment variable whose value turns verification off.
std::optional<std::string> InsecureEnv(std::string_view name, std::string_view value) {
  if (name == "NODE_TLS_REJECT_UNAUTHORIZED" && value == "0") {
    return "NODE_TLS_REJECT_UNAUTHORIZED=0 makes Node.js accept any TLS certificate";
  }
  if (name == "PYTHONHTTPSVERIFY" && value == "0") {
    return "PYTHONHTTPSVERIFY=0 makes Python's HTTPS clients skip certificate checks";
  }
  if (name == "GIT_SSL_NO_VERIFY" && IsTrue(value)) {
    return fmt::format("GIT_SSL_NO_VERIFY={} makes git accept any TLS certificate", value);
  }
  if (name == "PIP_TRUSTED_HOST" && !value.empty()) {
    return fmt::format("PIP_TRUSTED_HOST={} makes pip skip certificate checks for that host",
                       value);
  }
  return std::nullopt;
}

// `git -c http.sslVerify=false` and `git config http.<url>.sslVerify false`.
bool IsSslVerifyKey(std::string_view key) {
  std::string k = runcmd::Lower(key);
  return k.starts_with("http.") && k.ends_with(".sslverify");
}

std::optional<runcmd::Hit> MatchGit(const SimpleCommand& cmd) {
  for (const ShellWord& w : shell::FlagValues(cmd, {"-c"})) {
    if (!w.literal) continue;
    std::string_view v = w.value;
    std::size_t eq = v.find('=');
    if (eq == std::string_view::npos || !IsSslVerifyKey(v.substr(0, eq)) ||
        !IsFalse(v.substr(eq + 1))) {
      continue;
    }
    return runcmd::Hit{w.span,
                       fmt::format("git -c {} turns off certificate checks for this git "
                                   "command; {}",
                                   v, kAdvice),
                       std::string(v)};
  }
  std::vector<const ShellWord*> pos = shell::Positionals(cmd);
  if (pos.empty() || !pos[0]->literal || pos[0]->value != "config") return std::nullopt;
  std::size_t i = 1;
  if (i < pos.size() && pos[i]->literal && pos[i]->value == "set") ++i;  // git 2.46 syntax
  if (i + 1 >= pos.size() || !pos[i]->literal || !pos[i + 1]->literal) return std::nullopt;
  if (!IsSslVerifyKey(pos[i]->value) || !IsFalse(pos[i + 1]->value)) return std::nullopt;
  return runcmd::Hit{pos[i]->span,
                     fmt::format("git config {} {} turns off certificate checks for every "
                                 "later git command; {}",
                                 pos[i]->value, pos[i + 1]->value, kAdvice),
                     fmt::format("{}={}", pos[i]->value, pos[i + 1]->value)};
}

// `npm config set strict-ssl false`, `yarn config set strict-ssl false`,
// yarn 2+ `enableStrictSsl false`, and `--strict-ssl=false` on any npm command.
std::optional<runcmd::Hit> MatchNodePackager(const SimpleCommand& cmd) {
  for (const ShellWord& w : shell::FlagValues(cmd, {"--strict-ssl"})) {
    if (w.literal && IsFalse(w.value)) {
      return runcmd::Hit{w.span,
                         fmt::format("{} --strict-ssl={} turns off registry certificate "
                                     "checks; {}",
                                     cmd.Name(), w.value, kAdvice),
                         "strict-ssl=false"};
    }
  }
  std::vector<const ShellWord*> pos = shell::Positionals(cmd);
  auto is = [&](std::size_t k, std::string_view word) {
    return k < pos.size() && pos[k]->literal && pos[k]->value == word;
  };
  std::size_t i = is(0, "config") ? 1 : 0;  // `npm set` is `npm config set`
  if (!is(i, "set")) return std::nullopt;
  ++i;
  if (i >= pos.size() || !pos[i]->literal) return std::nullopt;
  std::string key = runcmd::Lower(pos[i]->value);
  std::string value;
  if (std::size_t eq = key.find('='); eq != std::string::npos) {
    value = key.substr(eq + 1);
    key.resize(eq);
  } else if (i + 1 < pos.size() && pos[i + 1]->literal) {
    value = pos[i + 1]->value;
  } else {
    return std::nullopt;
  }
  if ((key != "strict-ssl" && key != "enablestrictssl") || !IsFalse(value)) return std::nullopt;
  return runcmd::Hit{pos[i]->span,
                     fmt::format("{} config set {} {} turns off registry certificate checks "
                                 "for every later install; {}",
                                 cmd.Name(), pos[i]->value, value, kAdvice),
                     key + "=false"};
}

std::optional<runcmd::Hit> MatchCommand(const RunScript&, const SimpleCommand& cmd) {
  // Variables given to the command (`NODE_TLS_REJECT_UNAUTHORIZED=0 node x`,
  // `env GIT_SSL_NO_VERIFY=1 git clone`) or exported for later commands.
  if (!cmd.argv.empty()) {
    for (const shell::Assignment& a : cmd.assignments) {
      if (!a.value.literal) continue;
      if (std::optional<std::string> why = InsecureEnv(a.name, a.value.value)) {
        return runcmd::Hit{a.span, fmt::format("{}; {}", *why, kAdvice),
                           fmt::format("{}={}", a.name, a.value.value)};
      }
    }
  }
  const std::string_view name = cmd.Name();
  if (name == "export") {
    std::span<const ShellWord> args = cmd.Args();
    for (std::size_t i = 1; i < args.size(); ++i) {
      const ShellWord& w = args[i];
      std::size_t eq = w.value.find('=');
      if (!w.literal || eq == std::string::npos) continue;
      std::string_view var = std::string_view(w.value).substr(0, eq);
      std::string_view value = std::string_view(w.value).substr(eq + 1);
      if (std::optional<std::string> why = InsecureEnv(var, value)) {
        return runcmd::Hit{w.span, fmt::format("{}; {}", *why, kAdvice), w.value};
      }
    }
    return std::nullopt;
  }
  if (name == "curl" && shell::HasFlag(cmd, {"-k", "--insecure"})) {
    return runcmd::Hit{cmd.argv[cmd.command_start].span,
                       fmt::format("curl -k/--insecure accepts any TLS certificate, so the "
                                   "download can be swapped by anyone on the path; {}",
                                   kAdvice),
                       "curl --insecure"};
  }
  if (name == "wget" && shell::HasFlag(cmd, {"--no-check-certificate"})) {
    return runcmd::Hit{cmd.argv[cmd.command_start].span,
                       fmt::format("wget --no-check-certificate accepts any TLS certificate, "
                                   "so the download can be swapped by anyone on the path; {}",
                                   kAdvice),
                       "wget --no-check-certificate"};
  }
  if (IsPip(name)) {
    std::vector<ShellWord> hosts = shell::FlagValues(cmd, {"--trusted-host"});
    if (!hosts.empty()) {
      return runcmd::Hit{hosts.front().span,
                         fmt::format("pip --trusted-host {} skips certificate checks for that "
                                     "index; {}",
                                     hosts.front().value, kAdvice),
                         "--trusted-host " + hosts.front().value};
    }
    std::vector<const ShellWord*> pos = shell::Positionals(cmd);
    if (pos.size() >= 4 && pos[0]->value == "config" && pos[1]->value == "set" &&
        runcmd::Lower(pos[2]->value).ends_with(".trusted-host")) {
      return runcmd::Hit{pos[2]->span,
                         fmt::format("pip config set {} {} makes every later pip install "
                                     "skip certificate checks for that host; {}",
                                     pos[2]->value, pos[3]->value, kAdvice),
                         "trusted-host " + pos[3]->value};
    }
    return std::nullopt;
  }
  if (name == "git") return MatchGit(cmd);
  if (name == "npm" || name == "yarn" || name == "pnpm") return MatchNodePackager(cmd);
  return std::nullopt;
}

// ENV NODE_TLS_REJECT_UNAUTHORIZED=0 and friends, values expanded.
void CheckEnv(const DockerContext& context, Emitter& emitter) {
  for (const dockerfile::Instruction& top : context.file.instructions) {
    const dockerfile::Instruction* env = &top;
    if (top.keyword == "onbuild" && top.child) env = top.child.get();
    if (env->keyword != "env") continue;
    for (std::size_t i = 0; i + 1 < env->args.size(); i += 3) {
      const dockerfile::Word& key = env->args[i];
      std::optional<std::string> value = context.model.Resolve(top, env->args[i + 1].text);
      if (!value) continue;
      std::optional<std::string> why = InsecureEnv(key.text, *value);
      if (!why) continue;
      emitter.Report(key.range, fmt::format("ENV {}; {}", *why, kAdvice),
                     fmt::format("{}={}", key.text, *value));
      break;
    }
  }
}

void Check(const DockerContext& context, Emitter& emitter) {
  CheckEnv(context, emitter);
  runcmd::ReportFirstPerRun(context, emitter, &MatchCommand);
}

}  // namespace

extern const Rule kDockerSec105{
    .meta =
        {
            .id = "DOCKER-SEC-105",
            .name = "TLS Verification Disabled",
            .severity = Severity::kHigh,
            .category = "security",
            .cwe = "CWE-295",
            .bundle = "security",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "run", "env", "tls", "certificate", "curl", "wget",
                     "pip", "npm", "git", "supply-chain"},
            .summary = "Certificate checks turned off for downloads (`curl -k`, "
                       "`NODE_TLS_REJECT_UNAUTHORIZED=0`...).",
            .docs =
                {
                    .what =
                        "Reports an instruction that turns off TLS certificate verification. "
                        "In `RUN` scripts (heredocs and `sh -c` scripts included): `curl -k` / "
                        "`--insecure` (also in clusters like `-fsSLk`), `wget "
                        "--no-check-certificate`, `pip`/`pip3`/`python -m pip` with "
                        "`--trusted-host` or `pip config set global.trusted-host`, `npm`/`yarn`/"
                        "`pnpm` `config set strict-ssl false` (also `strict-ssl=false`, "
                        "`--strict-ssl=false`, yarn's `enableStrictSsl false`), `git -c "
                        "http.sslVerify=false` and `git config [--global] http.sslVerify false` "
                        "(also per-URL `http.<url>.sslVerify`), and variables given to a "
                        "command or exported: `NODE_TLS_REJECT_UNAUTHORIZED=0 node x`, `export "
                        "PYTHONHTTPSVERIFY=0`. In `ENV` (values expanded): "
                        "`NODE_TLS_REJECT_UNAUTHORIZED=0`, `PYTHONHTTPSVERIFY=0`, "
                        "`GIT_SSL_NO_VERIFY` set to 1/true/yes/on, and `PIP_TRUSTED_HOST`. "
                        "Text in comments or strings, and values held in unresolved variables, "
                        "are not reported. One finding per instruction.",
                    .why = "Without certificate checks, anyone who can intercept or redirect the "
                           "build's traffic (a proxy, a hostile network, DNS spoofing) can serve "
                           "their own packages, scripts or source code, and they run in the "
                           "build or ship in the image (CWE-295). Set in `ENV` or in a global "
                           "configuration, the setting also stays in the final image and weakens "
                           "every connection the application makes at runtime.",
                    .fix = "Keep verification on and make the certificate trusted instead: "
                           "install `ca-certificates`, or copy an internal CA into "
                           "/usr/local/share/ca-certificates and run `update-ca-certificates`, or "
                           "point the tool at it (`curl --cacert`, `pip --cert`, `npm config set "
                           "cafile`, `git -c http.sslCAInfo=...`, `NODE_EXTRA_CA_CERTS`).",
                    .bad_example = "FROM debian:12\n"
                                   "RUN curl -kfsSL https://example.com/tool.tgz | tar xz\n",
                    .good_example = "FROM debian:12\n"
                                    "RUN apt-get update && apt-get install -y ca-certificates "
                                    "curl\n"
                                    "RUN curl -fsSL https://example.com/tool.tgz -o tool.tgz\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/295.html",
                            "https://curl.se/docs/sslcerts.html",
                            "https://nodejs.org/api/cli.html#node_tls_reject_unauthorizedvalue",
                            "https://git-scm.com/docs/git-config#Documentation/"
                            "git-config.txt-httpsslVerify",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
