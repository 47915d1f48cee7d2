#include "cli/app.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>

#include "cli/adoption.h"
#include "cli/commands.h"
#include "core/nearest.h"
#include "report/reporter.h"

namespace pf::cli {

int UsageError(const std::string& message, const std::string& hint) {
  std::cerr << fmt::format("pathfinder: error: {}\n", message);
  if (!hint.empty()) std::cerr << fmt::format("hint: {}\n", hint);
  return kExitError;
}

// `rules list/show --rules` and `rules test` (cli/rules_command.cc).
int RunRulesListWith(const std::vector<std::string>& rulesets, const std::string& output,
                     const std::vector<std::string>& rule_paths);
int RunRulesShowWith(const std::string& id, const std::vector<std::string>& rule_paths);
int RunRulesTest(const std::vector<std::string>& rule_paths);

namespace {

std::string FormatList() {
  std::vector<std::string_view> names;
  for (const auto& r : report::AllReporters()) names.push_back(r.name);
  return fmt::format("{}", fmt::join(names, ", "));
}

void AddScanOptions(CLI::App& scan, ScanFlags& f) {
  scan.add_option("-p,--project", f.project, "Project folder or a single file to scan");
  scan.add_option("paths", f.paths,
                  "More files or folders to scan ('-' reads a Dockerfile from standard input)");
  scan.add_option("--stdin-filename", f.stdin_filename,
                  "Name for the file read from standard input (default Dockerfile)");
  scan.add_option("--ruleset", f.rulesets,
                  "Rules to run: docker/all, docker/security, docker/DOCKER-AUD-003, ... "
                  "(repeatable, comma lists accepted; default: all)")
      ->delimiter(',')
      ->allow_extra_args(false);
  scan.add_option("--ignore", f.ignore, "Leave out this rule (repeatable, comma lists accepted)")
      ->delimiter(',')
      ->allow_extra_args(false);
  scan.add_option("--min-severity", f.min_severity,
                  "Report only findings of this severity and above");
  // Repeated --rules values arrive joined by newlines (custom::SplitPaths).
  scan.add_option("--rules", f.rules_path,
                  "User rule file or folder (repeatable; see docs/custom-rules.md)")
      ->multi_option_policy(CLI::MultiOptionPolicy::Join);
  scan.add_option("-o,--output,--format", f.output,
                  "Output format: " + FormatList() +
                      " (default: from the output file's "
                      "extension, else text)");
  scan.add_option("-f,--output-file", f.output_file, "Write the report to this file");
  scan.add_option("--fail-on", f.fail_on,
                  "Exit 1 when a finding is at or above the least severe of these "
                  "(comma list of critical,high,medium,low,info)")
      ->delimiter(',')
      ->allow_extra_args(false);
  scan.add_option("--build-arg", f.build_args, "Value for an ARG, as docker build --build-arg");
  scan.add_option("--exclude", f.excludes,
                  "Skip paths matching this gitignore-style glob (repeatable, comma lists)")
      ->delimiter(',')
      ->allow_extra_args(false);
  scan.add_option("--jobs", f.jobs, "Worker threads (default: number of CPUs)");
  scan.add_flag("-v,--verbose", f.verbose, "Progress and statistics on stderr");
  scan.add_flag("--debug", f.debug, "More detail than --verbose on stderr");
  scan.add_flag("-q,--quiet", f.quiet, "No progress line on stderr");
  scan.add_flag("--no-color", f.no_color, "Never colour the text report");
  scan.add_flag("--refresh-rules", f.refresh_rules,
                "Accepted for compatibility; rules are built in");
  scan.add_flag("--diff-aware", f.diff_aware,
                "Report only files changed between the merge base of --base and --head");
  scan.add_flag("--shellcheck", f.shellcheck,
                "Also check RUN scripts with the shellcheck program (SHELLCHECK-SCnnnn findings)");
  scan.add_option("--base", f.base, "Base git ref for --diff-aware");
  scan.add_option("--head", f.head, "Head git ref for --diff-aware (default HEAD)");
  scan.add_option("--config", f.config_path,
                  "Read this config file instead of the project's .pathfinder.yml");
  scan.add_flag("--no-config", f.no_config, "Read no config file");
  scan.add_option("--baseline", f.baseline,
                  "Report findings recorded in this baseline file as suppressed");
  scan.add_option("--write-baseline", f.write_baseline,
                  "Record every current finding in this baseline file (and exit 0)");
  scan.add_flag("--no-inline-ignore", f.no_inline_ignore,
                "Honour no suppression comment in the scanned files (audits)");
}

// Records which list flags were given at all, so that an empty value
// (`--fail-on ""`) is an error rather than no filter.
void NoteGivenFlags(const CLI::App& scan, ScanFlags& f) {
  f.rulesets_given = scan.count("--ruleset") > 0;
  f.fail_on_given = scan.count("--fail-on") > 0;
  f.output_given = scan.count("--output") > 0;
}

// "unknown command 'scna'; did you mean scan?" for a word that names no
// subcommand where one is expected; empty when the words are fine.
std::string UnknownCommand(const CLI::App& app, int argc, char** argv) {
  const CLI::App* at = &app;
  for (int i = 1; i < argc; ++i) {
    std::string word = argv[i];
    if (word.starts_with("-")) return "";
    auto subs = at->get_subcommands([](const CLI::App*) { return true; });
    if (subs.empty()) return "";
    const CLI::App* next = nullptr;
    std::vector<std::string> names;
    for (const CLI::App* sub : subs) {
      names.push_back(sub->get_name());
      if (sub->get_name() == word) next = sub;
    }
    if (next == nullptr) {
      return fmt::format("unknown command '{}'; did you mean {}?", word,
                         NearestNames(word, names, 1).front());
    }
    at = next;
  }
  return "";
}

// Adds "did you mean --format?" for flags the failing command lacks.
std::string SuggestFlags(const CLI::App& failing, int argc, char** argv) {
  std::vector<std::string> known;
  for (const CLI::Option* opt : failing.get_options()) {
    for (const std::string& l : opt->get_lnames()) known.push_back("--" + l);
  }
  std::vector<std::string> hints;
  for (int i = 1; i < argc; ++i) {
    std::string word = argv[i];
    if (!word.starts_with("--")) continue;
    word = word.substr(0, word.find('='));
    if (std::find(known.begin(), known.end(), word) != known.end()) continue;
    hints.push_back(fmt::format("unknown flag '{}'; did you mean {}?", word,
                                NearestNames(word, known, 1).front()));
  }
  return fmt::format("{}", fmt::join(hints, "; "));
}

std::string HintFor(const CLI::App& app, const CLI::App* failing) {
  std::string path = "pathfinder";
  if (failing != nullptr && failing != &app) {
    std::vector<std::string> names;
    for (const CLI::App* a = failing; a != nullptr && a != &app; a = a->get_parent()) {
      names.insert(names.begin(), a->get_name());
    }
    for (const std::string& n : names) path += " " + n;
  }
  return fmt::format("run '{} --help' for usage", path);
}

}  // namespace

int Run(int argc, char** argv) {
  CLI::App app{"Fast, exact static scanner for Dockerfiles and docker-compose files", "pathfinder"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(report::kToolVersion));

  ScanFlags scan_flags;
  CLI::App* scan = app.add_subcommand("scan", "Scan a project and print a report");
  AddScanOptions(*scan, scan_flags);

  ScanFlags ci_scan_flags;
  ci_scan_flags.output = "sarif";
  CiFlags ci_flags;
  CLI::App* ci = app.add_subcommand(
      "ci", "Scan for CI: SARIF by default, only files changed since the base, PR comments");
  AddScanOptions(*ci, ci_scan_flags);
  ci->add_flag("--no-diff", ci_flags.no_diff, "Scan every file, not only the changed ones");
  ci->add_option("--github-token", ci_flags.github_token,
                 "Token for pull-request comments (default: $GITHUB_TOKEN)");
  ci->add_option("--github-repo", ci_flags.github_repo, "owner/name (default: $GITHUB_REPOSITORY)");
  ci->add_option("--github-pr", ci_flags.github_pr,
                 "Pull-request number (default: from $GITHUB_REF or the event file)");
  ci->add_flag("--pr-comment", ci_flags.pr_comment, "Post or update one summary comment");
  ci->add_flag("--pr-inline", ci_flags.pr_inline,
               "Also post review comments on the pull request's changed lines");

  CLI::App* version = app.add_subcommand("version", "Print version and build information");

  CLI::App* config = app.add_subcommand("config", "Show or start the .pathfinder.yml config");
  config->require_subcommand(1);
  ScanFlags print_flags;
  CLI::App* config_print = config->add_subcommand(
      "print", "Print the effective configuration, each value with where it comes from");
  AddScanOptions(*config_print, print_flags);
  std::string init_dir = ".";
  bool init_force = false;
  CLI::App* config_init =
      config->add_subcommand("init", "Write a commented starter .pathfinder.yml");
  config_init->add_option("-p,--project", init_dir, "Project root to write it in")
      ->capture_default_str();
  config_init->add_flag("--force", init_force, "Replace an existing config file");

  CLI::App* rules = app.add_subcommand("rules", "List the rules or show one rule's page");
  rules->require_subcommand(1);
  std::vector<std::string> list_rulesets;
  std::string list_output = "text";
  CLI::App* list = rules->add_subcommand("list", "List the rules (id, severity, name, bundle)");
  list->add_option("--ruleset", list_rulesets, "Only rules of this ruleset (repeatable)")
      ->delimiter(',')
      ->allow_extra_args(false);
  list->add_option("-o,--output,--format", list_output, "text or json")->capture_default_str();
  std::string show_id;
  CLI::App* show = rules->add_subcommand("show", "Print one rule's documentation");
  show->add_option("id", show_id, "Rule id, e.g. DOCKER-AUD-003")->required();
  std::vector<std::string> list_rule_paths, show_rule_paths, test_rule_paths;
  list->add_option("--rules", list_rule_paths, "Also list the rules of this rule file or folder");
  show->add_option("--rules", show_rule_paths, "Also look in this rule file or folder");
  CLI::App* test = rules->add_subcommand(
      "test", "Run the examples of user rules: bad must fire, good must stay silent");
  test->add_option("paths", test_rule_paths, "Rule files or folders")->required();
  DocsFlags docs_flags;
  CLI::App* docs = rules->add_subcommand("docs", "Write one Markdown page per rule and an index");
  docs->add_option("--format", docs_flags.format, "Page format (md)")->capture_default_str();
  docs->add_option("--out", docs_flags.out, "Folder for the pages")->capture_default_str();
  docs->add_option("--readme", docs_flags.readme,
                   "Also rewrite the rule table between the markers of this README");

  if (std::string unknown = UnknownCommand(app, argc, argv); !unknown.empty()) {
    return UsageError(unknown, "run 'pathfinder --help' for the commands");
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // Find the deepest subcommand named on the command line for the hint.
    const CLI::App* failing = &app;
    for (const CLI::App* sub :
         {scan, ci, version, rules, list, show, test, docs, config, config_print, config_init}) {
      if (sub->parsed()) failing = sub;
    }
    std::string message = e.what();
    if (std::string flags = SuggestFlags(*failing, argc, argv); !flags.empty()) message = flags;
    return UsageError(message, HintFor(app, failing));
  }

  if (scan->parsed()) {
    NoteGivenFlags(*scan, scan_flags);
    return RunScan(scan_flags);
  }
  if (ci->parsed()) {
    NoteGivenFlags(*ci, ci_scan_flags);
    return RunCi(ci_scan_flags, ci_flags);
  }
  if (version->parsed()) return RunVersion();
  if (config_print->parsed()) {
    NoteGivenFlags(*config_print, print_flags);
    return RunConfigPrint(print_flags);
  }
  if (config_init->parsed()) return RunConfigInit(init_dir, init_force);
  if (list->parsed()) {
    if (!list_rule_paths.empty()) {
      return RunRulesListWith(list_rulesets, list_output, list_rule_paths);
    }
    return RunRulesList(list_rulesets, list_output);
  }
  if (show->parsed()) {
    if (!show_rule_paths.empty()) return RunRulesShowWith(show_id, show_rule_paths);
    return RunRulesShow(show_id);
  }
  if (test->parsed()) return RunRulesTest(test_rule_paths);
  if (docs->parsed()) return RunRulesDocs(docs_flags);
  return UsageError("no command given", "run 'pathfinder --help' for usage");
}

}  // namespace pf::cli
