#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>
#include <sstream>

#include "cli/commands.h"
#include "engine/scan.h"
#include "report/reporter.h"
#include "rules/registry.h"
#include "rules/shellcheck.h"

namespace pf::cli {

namespace {

constexpr std::string_view kLaterFormats[] = {"sarif",  "csv",        "github",
                                              "gitlab", "checkstyle", "junit"};

bool ParseBuildArgs(const std::vector<std::string>& raw, dockerfile::BuildArgs* out,
                    std::string* error) {
  for (const std::string& item : raw) {
    std::size_t eq = item.find('=');
    std::string key = item.substr(0, eq);
    if (key.empty()) {
      *error = fmt::format("--build-arg '{}': expected KEY=VALUE", item);
      return false;
    }
    if (eq != std::string::npos) {
      (*out)[key] = item.substr(eq + 1);
    } else if (const char* env = std::getenv(key.c_str())) {
      (*out)[key] = env;  // `--build-arg KEY` takes the environment's value, as docker does
    }
  }
  return true;
}

bool ParseFailOn(const std::vector<std::string>& raw, std::set<Severity>* out, std::string* error) {
  for (const std::string& name : raw) {
    if (name.empty()) continue;
    auto s = ParseSeverity(name);
    if (!s) {
      *error = fmt::format(
          "--fail-on: unknown severity '{}' (expected critical, high, medium, "
          "low or info)",
          name);
      return false;
    }
    out->insert(*s);
  }
  return true;
}

bool UseColor(const ScanFlags& flags) {
  return !flags.no_color && flags.output_file.empty() && std::getenv("NO_COLOR") == nullptr &&
         isatty(STDOUT_FILENO) == 1;
}

}  // namespace

int RunScan(const ScanFlags& flags) {
  const std::string scan_help = "run 'pathfinder scan --help' for usage";
  if (!flags.rules_path.empty()) {
    return UsageError("--rules: user rule files are not supported yet",
                      "use --ruleset to choose among the built-in rules");
  }
  const report::Reporter* reporter = report::FindReporter(flags.output);
  if (reporter == nullptr) {
    std::vector<std::string_view> names;
    for (const auto& r : report::AllReporters()) names.push_back(r.name);
    bool later = std::find(std::begin(kLaterFormats), std::end(kLaterFormats), flags.output) !=
                 std::end(kLaterFormats);
    return UsageError(fmt::format("--output: format '{}' is {}", flags.output,
                                  later ? "not supported yet" : "unknown"),
                      fmt::format("available formats: {}", fmt::join(names, ", ")));
  }
  std::set<Severity> fail_on;
  std::string error;
  if (!ParseFailOn(flags.fail_on, &fail_on, &error)) return UsageError(error, scan_help);
  engine::ScanOptions options;
  if (!ParseBuildArgs(flags.build_args, &options.build_args, &error)) {
    return UsageError(error, scan_help);
  }
  if (flags.jobs < 0) return UsageError("--jobs must be 0 or more", scan_help);
  if (flags.rulesets.empty()) {
    options.rules = rules::AllRules();
  } else {
    for (const std::string& spec : flags.rulesets) {
      if (spec.empty()) continue;
      if (!rules::SelectRules(spec, &options.rules, &error)) {
        return UsageError(error, "'pathfinder rules list' shows every rule and bundle");
      }
    }
  }
  struct stat st;
  if (stat(flags.project.c_str(), &st) != 0) {
    return UsageError(
        fmt::format("project path '{}' cannot be used: {}", flags.project, std::strerror(errno)),
        "give a folder or a file with --project");
  }
  if (flags.diff_aware || !flags.base.empty() || !flags.head.empty()) {
    std::cerr << "pathfinder: note: --diff-aware is not implemented yet; scanning all files\n";
  }

  if (flags.shellcheck) {
    // Optional external tool: without it, say so once and scan anyway.
    const std::string program = "shellcheck";
    if (std::optional<std::string> binary = rules::LocateShellCheck(program)) {
      options.shellcheck_binary = *binary;
    } else {
      std::cerr << rules::ShellCheckMissingNotice(program) << "\n";
    }
  }

  const bool verbose = flags.verbose || flags.debug;
  options.project = flags.project;
  options.excludes = flags.excludes;
  options.jobs = flags.jobs;
  if (verbose) {
    options.log = [](std::string_view line) { std::cerr << "pathfinder: " << line << "\n"; };
    std::cerr << fmt::format("pathfinder: scanning '{}' with {} rules\n", flags.project,
                             options.rules.size());
  }
  if (flags.debug) {
    for (const rules::Rule* rule : options.rules) {
      std::cerr << fmt::format("pathfinder: rule {} ({})\n", rule->meta.id, rule->meta.name);
    }
  }

  ScanResult result = engine::Scan(options);

  report::ReportOptions report_options;
  report_options.color = reporter->name == "text" && UseColor(flags);
  if (flags.output_file.empty()) {
    reporter->write(result, report_options, std::cout);
    std::cout.flush();
  } else {
    std::ostringstream buffer;
    reporter->write(result, report_options, buffer);
    std::ofstream file(flags.output_file, std::ios::binary | std::ios::trunc);
    file << buffer.str();
    file.close();
    if (!file) {
      std::cerr << fmt::format("pathfinder: error: cannot write '{}': {}\n", flags.output_file,
                               std::strerror(errno));
      return kExitError;
    }
  }
  if (verbose) {
    std::cerr << fmt::format("pathfinder: {} files scanned, {} findings, {} errors in {:.3f}s\n",
                             result.files_scanned, result.findings.size(), result.errors.size(),
                             result.duration_seconds);
  }
  if (result.files_scanned == 0 && !result.errors.empty()) {
    std::cerr << "pathfinder: error: no file could be scanned\n";
    return kExitError;
  }
  for (const Finding& f : result.findings) {
    if (fail_on.count(f.severity) != 0) return kExitFindings;
  }
  return kExitClean;
}

}  // namespace pf::cli
