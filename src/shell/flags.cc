// Option queries over a command's arguments: flags, option values,
// positionals and subcommands, with per-tool knowledge of which options take
// a value.

#include <algorithm>
#include <string>

#include "shell/shell.h"

namespace pf::shell {
namespace {

const OptionSpec kEmpty{};

const OptionSpec kApt{{"-o", "-c", "-t", "-a", "--option", "--config-file", "--target-release",
                       "--default-release", "--host-architecture"}};
const OptionSpec kApk{{"-X", "-p", "-t", "--repository", "--root", "--arch", "--cache-dir",
                       "--keys-dir", "--repositories-file", "--virtual", "--cache-max-age",
                       "--timeout"}};
const OptionSpec kPip{{"-i",
                       "-r",
                       "-c",
                       "-e",
                       "-t",
                       "-f",
                       "-C",
                       "--index-url",
                       "--extra-index-url",
                       "--trusted-host",
                       "--requirement",
                       "--constraint",
                       "--editable",
                       "--target",
                       "--prefix",
                       "--root",
                       "--find-links",
                       "--cache-dir",
                       "--proxy",
                       "--timeout",
                       "--retries",
                       "--log",
                       "--src",
                       "--platform",
                       "--python-version",
                       "--implementation",
                       "--abi",
                       "--progress-bar",
                       "--upgrade-strategy",
                       "--no-binary",
                       "--only-binary",
                       "--config-settings",
                       "--global-option",
                       "--install-option",
                       "--exists-action",
                       "--cert",
                       "--client-cert",
                       "--python",
                       "--report"}};
const OptionSpec kYum{{"-c",
                       "-d",
                       "-e",
                       "-x",
                       "-R",
                       "--config",
                       "--enablerepo",
                       "--disablerepo",
                       "--repo",
                       "--repoid",
                       "--installroot",
                       "--releasever",
                       "--exclude",
                       "--setopt",
                       "--debuglevel",
                       "--errorlevel",
                       "--forcearch",
                       "--downloaddir",
                       "--destdir",
                       "--color",
                       "--rpmverbosity",
                       "--disableplugin",
                       "--enableplugin",
                       "--setopt"}};
const OptionSpec kZypper{{"-R", "-c", "-D", "-r", "-t", "-p", "--root", "--config", "--reposd-dir",
                          "--repo", "--type", "--from", "--installroot", "--plus-repo",
                          "--cache-dir"}};
const OptionSpec kCurl{{"-o",
                        "-H",
                        "-d",
                        "-X",
                        "-u",
                        "-A",
                        "-e",
                        "-x",
                        "-b",
                        "-c",
                        "-F",
                        "-T",
                        "-w",
                        "-m",
                        "-K",
                        "-E",
                        "-r",
                        "-C",
                        "-z",
                        "-Y",
                        "-y",
                        "-U",
                        "-Q",
                        "--output",
                        "--header",
                        "--data",
                        "--data-raw",
                        "--data-binary",
                        "--data-urlencode",
                        "--request",
                        "--user",
                        "--user-agent",
                        "--referer",
                        "--proxy",
                        "--cookie",
                        "--cookie-jar",
                        "--form",
                        "--upload-file",
                        "--write-out",
                        "--max-time",
                        "--connect-timeout",
                        "--retry",
                        "--retry-delay",
                        "--retry-max-time",
                        "--config",
                        "--cert",
                        "--key",
                        "--cacert",
                        "--capath",
                        "--limit-rate",
                        "--range",
                        "--continue-at",
                        "--resolve",
                        "--connect-to",
                        "--interface",
                        "--url",
                        "--proto",
                        "--proto-redir",
                        "--output-dir",
                        "--max-filesize",
                        "--time-cond",
                        "--speed-limit",
                        "--speed-time",
                        "--proxy-user",
                        "--oauth2-bearer"}};
const OptionSpec kWget{{"-O",
                        "-o",
                        "-a",
                        "-P",
                        "-t",
                        "-T",
                        "-U",
                        "-e",
                        "-i",
                        "-B",
                        "-w",
                        "-Q",
                        "-l",
                        "-A",
                        "-R",
                        "-D",
                        "-I",
                        "-X",
                        "--output-document",
                        "--output-file",
                        "--append-output",
                        "--directory-prefix",
                        "--tries",
                        "--timeout",
                        "--user-agent",
                        "--execute",
                        "--input-file",
                        "--base",
                        "--wait",
                        "--quota",
                        "--level",
                        "--accept",
                        "--reject",
                        "--domains",
                        "--header",
                        "--user",
                        "--password",
                        "--post-data",
                        "--post-file",
                        "--load-cookies",
                        "--save-cookies",
                        "--ca-certificate",
                        "--ca-directory",
                        "--certificate",
                        "--private-key",
                        "--limit-rate",
                        "--method",
                        "--body-data"}};
const OptionSpec kGit{{"-C",
                       "-c",
                       "--git-dir",
                       "--work-tree",
                       "--namespace",
                       "--config-env",
                       "-b",
                       "--branch",
                       "--depth",
                       "-o",
                       "--origin",
                       "--reference",
                       "-j",
                       "--jobs",
                       "--filter",
                       "--shallow-since",
                       "--separate-git-dir",
                       "--template",
                       "-u",
                       "--upload-pack"}};
const OptionSpec kNpm{{"--prefix", "--registry", "--cache", "--userconfig", "--globalconfig", "-w",
                       "--workspace", "--loglevel", "--tag", "--omit", "--include"}};
const OptionSpec kTar{{"-f", "-C", "-T", "-X", "-b", "-H", "--file", "--directory", "--files-from",
                       "--exclude-from", "--format", "--owner", "--group", "--mode", "--transform",
                       "--strip-components", "--exclude"}};
const OptionSpec kGem{
    {"-v", "-i", "-n", "-s", "--version", "--install-dir", "--bindir", "--source", "--platform"}};
const OptionSpec kChmod{{"--reference"}};
const OptionSpec kChown{{"--reference", "--from"}};
const OptionSpec kUseradd{
    {"-u",           "-g",         "-G",         "-d",         "-s",        "-c",     "-k",
     "-K",           "-e",         "-f",         "-p",         "-b",        "-R",     "--uid",
     "--gid",        "--groups",   "--home-dir", "--shell",    "--comment", "--skel", "--key",
     "--expiredate", "--inactive", "--password", "--base-dir", "--root"}};
const OptionSpec kSet{{"-o", "+o"}};

std::string_view Normalize(std::string_view name) {
  // pip3, pip3.11, python3 -> their family name.
  auto strip_version = [](std::string_view n, std::string_view family) {
    if (!n.starts_with(family)) return false;
    for (char c : n.substr(family.size())) {
      if ((c < '0' || c > '9') && c != '.') return false;
    }
    return true;
  };
  if (strip_version(name, "pip")) return "pip";
  if (strip_version(name, "gem")) return "gem";
  return name;
}

struct Item {
  bool positional = false;
  std::string option;  // "-y" or "--yes" (without "=value")
  const ShellWord* word = nullptr;
  const ShellWord* value_word = nullptr;
  bool has_inline = false;
  std::string inline_value;
};

std::vector<Item> Walk(std::span<const ShellWord> args, const OptionSpec& spec) {
  std::vector<Item> items;
  bool end_of_options = false;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const ShellWord& a = args[i];
    std::string_view v = a.value;
    Item it;
    it.word = &a;
    if (end_of_options || !a.literal || v.size() < 2 || v[0] != '-') {
      it.positional = true;
      items.push_back(std::move(it));
      continue;
    }
    if (v == "--") {
      end_of_options = true;
      continue;
    }
    if (v.starts_with("--") || (v.size() > 2 && spec.TakesValue(v.substr(0, v.find('='))))) {
      std::size_t eq = v.find('=');
      it.option = std::string(v.substr(0, eq));
      if (eq != std::string_view::npos) {
        it.has_inline = true;
        it.inline_value = std::string(v.substr(eq + 1));
      } else if (spec.TakesValue(it.option) && i + 1 < args.size()) {
        it.value_word = &args[++i];
      }
      items.push_back(std::move(it));
      continue;
    }
    for (std::size_t j = 1; j < v.size(); ++j) {
      Item sub;
      sub.word = &a;
      sub.option = std::string("-") + v[j];
      bool takes = spec.TakesValue(sub.option);
      if (takes) {
        if (j + 1 < v.size()) {
          sub.has_inline = true;
          sub.inline_value = std::string(v.substr(j + 1));
        } else if (i + 1 < args.size()) {
          sub.value_word = &args[++i];
        }
      }
      items.push_back(std::move(sub));
      if (takes) break;
    }
  }
  return items;
}

}  // namespace

bool OptionSpec::TakesValue(std::string_view option) const {
  return std::find(with_value.begin(), with_value.end(), option) != with_value.end();
}

const OptionSpec& OptionsFor(std::string_view command_name) {
  std::string_view n = Normalize(command_name);
  if (n == "apt-get" || n == "apt" || n == "apt-cache" || n == "aptitude") return kApt;
  if (n == "apk") return kApk;
  if (n == "pip") return kPip;
  if (n == "yum" || n == "dnf" || n == "microdnf" || n == "tdnf") return kYum;
  if (n == "zypper") return kZypper;
  if (n == "curl") return kCurl;
  if (n == "wget") return kWget;
  if (n == "git") return kGit;
  if (n == "npm" || n == "pnpm" || n == "yarn") return kNpm;
  if (n == "tar") return kTar;
  if (n == "gem") return kGem;
  if (n == "chmod") return kChmod;
  if (n == "chown" || n == "chgrp") return kChown;
  if (n == "useradd" || n == "adduser" || n == "usermod") return kUseradd;
  if (n == "set") return kSet;
  return kEmpty;
}

bool HasFlag(std::span<const ShellWord> args, std::initializer_list<std::string_view> flags,
             const OptionSpec& spec) {
  for (const Item& it : Walk(args, spec)) {
    if (it.positional) continue;
    for (std::string_view f : flags) {
      if (it.option == f) return true;
      // A multi-letter single-dash flag ("-qq") names the whole word.
      if (f.size() > 2 && f[0] == '-' && f[1] != '-') {
        std::string_view whole = it.word->value;
        if (whole.substr(0, whole.find('=')) == f) return true;
      }
    }
  }
  return false;
}

bool HasFlag(const SimpleCommand& cmd, std::initializer_list<std::string_view> flags) {
  return HasFlag(cmd.Args(), flags, OptionsFor(cmd.Name()));
}

std::vector<ShellWord> FlagValues(const SimpleCommand& cmd,
                                  std::initializer_list<std::string_view> options) {
  std::vector<ShellWord> out;
  for (const Item& it : Walk(cmd.Args(), OptionsFor(cmd.Name()))) {
    if (it.positional) continue;
    if (std::find(options.begin(), options.end(), it.option) == options.end()) continue;
    if (it.value_word != nullptr) {
      out.push_back(*it.value_word);
    } else if (it.has_inline) {
      ShellWord w = *it.word;
      w.value = it.inline_value;
      out.push_back(std::move(w));
    }
  }
  return out;
}

std::vector<const ShellWord*> Positionals(const SimpleCommand& cmd) {
  std::vector<const ShellWord*> out;
  for (const Item& it : Walk(cmd.Args(), OptionsFor(cmd.Name()))) {
    if (it.positional) out.push_back(it.word);
  }
  return out;
}

const ShellWord* Subcommand(const SimpleCommand& cmd) {
  for (const Item& it : Walk(cmd.Args(), OptionsFor(cmd.Name()))) {
    if (it.positional) return it.word;
  }
  return nullptr;
}

bool IsSubcommand(const SimpleCommand& cmd, std::initializer_list<std::string_view> names) {
  const ShellWord* w = Subcommand(cmd);
  if (w == nullptr || !w->literal) return false;
  return std::find(names.begin(), names.end(), w->value) != names.end();
}

bool SetsPipefail(const SimpleCommand& cmd) {
  if (cmd.Name() != "set") return false;
  std::span<const ShellWord> args = cmd.Args();
  bool on = false;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const ShellWord& a = args[i];
    if (!a.literal) continue;
    std::string_view v = a.value;
    if (v == "--") break;
    if (v.size() < 2 || (v[0] != '-' && v[0] != '+')) continue;
    std::size_t o = v.find('o', 1);
    if (o == std::string_view::npos) continue;
    // -o NAME (possibly in a cluster like -euo); the value is the next word.
    if (o + 1 == v.size() && i + 1 < args.size() && args[i + 1].literal &&
        args[i + 1].value == "pipefail") {
      on = v[0] == '-';
      ++i;
    }
  }
  return on;
}

}  // namespace pf::shell
