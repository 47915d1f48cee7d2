#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <set>

#include "cli/adoption.h"
#include "cli/commands.h"
#include "cli/output_file.h"
#include "cli/progress.h"
#include "cli/scan_pipeline.h"
#include "core/nearest.h"
#include "custom/rule_set.h"
#include "custom/selection.h"
#include "engine/diff_filter.h"
#include "engine/scan.h"
#include "engine/shellcheck_filter.h"
#include "git/git.h"
#include "report/reporter.h"
#include "rules/registry.h"
#include "rules/shellcheck.h"

namespace pf::cli {

namespace {

const std::string kScanHelp = "run 'pathfinder scan --help' for usage";

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

bool AllEmpty(const std::vector<std::string>& values) {
  return std::all_of(values.begin(), values.end(), [](const std::string& v) { return v.empty(); });
}

// --fail-on lists severities; the least severe one listed is the
// threshold, so `high` alone also fails on critical findings.
bool ParseFailOn(const ScanFlags& flags, std::optional<Severity>* threshold, std::string* error) {
  if (flags.fail_on_given && AllEmpty(flags.fail_on)) {
    *error = "--fail-on needs at least one of critical, high, medium, low, info";
    return false;
  }
  for (const std::string& name : flags.fail_on) {
    if (name.empty()) continue;
    auto s = ParseSeverity(name);
    if (!s) {
      *error = fmt::format(
          "--fail-on: unknown severity '{}' (expected critical, high, medium, low or info)", name);
      return false;
    }
    if (!*threshold || *s > **threshold) *threshold = *s;
  }
  return true;
}

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

std::string FormatNames() {
  std::vector<std::string_view> names;
  for (const auto& r : report::AllReporters()) names.push_back(r.name);
  return fmt::format("{}", fmt::join(names, ", "));
}

}  // namespace

const report::Reporter* ReporterForExtension(const std::string& output_file) {
  std::string ext = Lower(std::filesystem::path(output_file).extension().string());
  if (ext.empty()) return nullptr;
  if (ext == ".xml") return report::FindReporter("checkstyle");
  for (const report::Reporter& r : report::AllReporters()) {
    if (r.extension == ext) return &r;
  }
  return nullptr;
}

namespace {

// The format from -o, else from the output file's extension, else text.
const report::Reporter* ChooseFormat(const ScanFlags& flags, std::string* error) {
  if (!flags.output_file.empty() && flags.output_file.find('.') == std::string::npos &&
      report::FindReporter(flags.output_file) != nullptr) {
    std::cerr << fmt::format(
        "pathfinder: warning: -f/--output-file writes the report to a file named '{}'; "
        "to choose the format use -o {}\n",
        flags.output_file, Lower(flags.output_file));
  }
  if (flags.output_given) {
    const report::Reporter* r = report::FindReporter(flags.output);
    if (r == nullptr) {
      std::vector<std::string> names;
      for (const auto& known : report::AllReporters()) names.emplace_back(known.name);
      *error =
          fmt::format("--output: unknown format '{}'; did you mean {}? (formats: {})", flags.output,
                      NearestNames(flags.output, names, 1).front(), FormatNames());
    }
    return r;
  }
  const report::Reporter* by_extension = ReporterForExtension(flags.output_file);
  if (by_extension != nullptr &&
      Lower(std::filesystem::path(flags.output_file).extension().string()) == ".xml") {
    std::cerr << "pathfinder: warning: '.xml' could be checkstyle or junit; writing "
                 "checkstyle (choose with -o checkstyle or -o junit)\n";
  }
  if (by_extension != nullptr) return by_extension;
  return report::FindReporter("text");
}

std::string Upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

// "SC2086" for shellcheck/SC2086 or SHELLCHECK-SC2086, "ALL" for
// shellcheck/all or shellcheck; empty when `spec` is not about ShellCheck.
std::string ShellCheckSpec(const std::string& spec) {
  const std::string upper = Upper(spec);
  if (upper == "SHELLCHECK" || upper == "SHELLCHECK/ALL") return "ALL";
  for (std::string_view prefix : {"SHELLCHECK/", "SHELLCHECK-"}) {
    if (upper.starts_with(prefix)) {
      std::string code = upper.substr(prefix.size());
      if (code.starts_with("SHELLCHECK-")) code = code.substr(11);
      return code;
    }
  }
  return "";
}

bool SelectRuleSet(const ScanFlags& flags, std::vector<const rules::Rule*>* selected,
                   engine::ShellCheckSelection* shellcheck, std::string* error) {
  if (flags.rulesets_given && AllEmpty(flags.rulesets)) {
    *error = "--ruleset is empty; name a rule, a bundle or docker/all";
    return false;
  }
  bool any_spec = false;
  // --shellcheck asks for every code; --ruleset shellcheck/SC2086 for one.
  shellcheck->all = flags.shellcheck;
  for (const std::string& spec : flags.rulesets) {
    if (spec.empty()) continue;
    any_spec = true;
    if (std::string code = ShellCheckSpec(spec); !code.empty()) {
      if (code == "ALL") {
        shellcheck->all = true;
      } else {
        shellcheck->codes.insert(code);
      }
      continue;
    }
    if (!rules::SelectRules(spec, selected, error)) return false;
  }
  if (!any_spec) *selected = rules::AllRules();
  for (const std::string& raw : flags.ignore) {
    if (raw.empty()) continue;
    if (std::string code = ShellCheckSpec(raw); !code.empty() && code != "ALL") {
      shellcheck->ignored.insert(code);
      continue;
    }
    std::string_view id = raw;
    if (auto slash = id.find('/'); slash != std::string_view::npos) id.remove_prefix(slash + 1);
    const rules::Rule* rule = rules::FindRule(id);
    if (rule == nullptr) {
      std::vector<std::string> ids;
      for (const rules::Rule* r : rules::AllRules()) ids.emplace_back(r->meta.id);
      *error = fmt::format("--ignore: unknown rule '{}'; did you mean {}?", raw,
                           NearestNames(id, ids, 1).front());
      return false;
    }
    std::erase(*selected, rule);
  }
  return true;
}

bool UseColor(const ScanFlags& flags) {
  return !flags.no_color && flags.output_file.empty() && std::getenv("NO_COLOR") == nullptr &&
         isatty(STDOUT_FILENO) == 1;
}

// Keeps the summary the reporters saw, for the exit code.
class SummaryCapture : public report::ReportSink {
 public:
  void File(report::FileReport& /*file*/) override {}
  void End(report::Summary& summary) override { summary_ = summary; }
  const report::Summary& summary() const { return summary_; }

 private:
  report::Summary summary_;
};

// Tells reporters where the repository root is relative to the report's
// paths (github annotations and PR comments use repository paths).
class RepoPrefixSink : public report::FilterSink {
 public:
  RepoPrefixSink(report::ReportSink& next, std::string repo_root)
      : FilterSink(next), repo_root_(std::move(repo_root)) {}
  void Begin(const report::RunInfo& info) override {
    report::RunInfo copy = info;
    if (!repo_root_.empty() && !info.base_dir.empty()) {
      std::error_code ec;
      std::filesystem::path base = std::filesystem::weakly_canonical(info.base_dir, ec);
      if (ec) base = info.base_dir;
      std::filesystem::path rel = base.lexically_relative(repo_root_);
      if (!rel.empty() && rel != "." && rel.begin()->string() != "..") {
        copy.repo_prefix = rel.string() + "/";
      }
    }
    next().Begin(copy);
  }

 private:
  std::string repo_root_;
};

// A folder inside the scanned tree, to ask git which repository it is in.
std::string RepoProbeDir(const std::vector<std::string>& roots) {
  for (const std::string& root : roots) {
    if (root == "-") continue;
    std::error_code ec;
    if (std::filesystem::is_directory(root, ec)) return root;
    std::string parent = std::filesystem::path(root).parent_path().string();
    return parent.empty() ? "." : parent;
  }
  return ".";
}

std::optional<std::string> ReadStdin() {
  std::string text;
  char buf[65536];
  for (;;) {
    ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return std::nullopt;
    if (n == 0) break;
    text.append(buf, static_cast<std::size_t>(n));
    if (text.size() > engine::kDefaultMaxFileSize) return std::nullopt;
  }
  return text;
}

}  // namespace

int RunScanPipeline(const ScanFlags& given, report::ReportSink* extra) {
  // The project's config fills in what the command line leaves open.
  ScanFlags flags = given;
  Adoption adoption;
  if (std::string config_error; !adoption.Load(&flags, &config_error)) {
    return UsageError(config_error, "fix it, or scan without it with --no-config");
  }
  // User rule files (--rules, rules-paths) join the built-in rules; they
  // live until the scan ends.
  custom::RuleSet custom_rules;
  custom::Selection custom_selection;
  if (!flags.rules_path.empty()) {
    std::vector<custom::LoadError> load_errors;
    custom_rules.Load(custom::SplitPaths(flags.rules_path), &load_errors);
    for (const custom::LoadError& e : load_errors) {
      std::cerr << fmt::format("pathfinder: error: {}\n", e.Format());
    }
    if (!load_errors.empty()) {
      std::cerr << "hint: docs/custom-rules.md describes the rule file format\n";
      return kExitError;
    }
    custom_selection = custom::Select(custom_rules, &flags.rulesets, &flags.ignore);
    if (custom_selection.only_custom) flags.rulesets_given = false;
  }
  std::string error;
  const report::Reporter* reporter = ChooseFormat(flags, &error);
  if (reporter == nullptr) return UsageError(error, kScanHelp);
  std::optional<Severity> fail_threshold;
  if (!ParseFailOn(flags, &fail_threshold, &error)) return UsageError(error, kScanHelp);
  std::optional<Severity> min_severity;
  if (!flags.min_severity.empty()) {
    min_severity = ParseSeverity(flags.min_severity);
    if (!min_severity) {
      return UsageError(fmt::format("--min-severity: unknown severity '{}' (expected critical, "
                                    "high, medium, low or info)",
                                    flags.min_severity),
                        kScanHelp);
    }
  }
  engine::ScanOptions options;
  if (!ParseBuildArgs(flags.build_args, &options.build_args, &error)) {
    return UsageError(error, kScanHelp);
  }
  if (flags.jobs < 0) return UsageError("--jobs must be 0 or more", kScanHelp);
  engine::ShellCheckSelection shellcheck_selection;
  if (!SelectRuleSet(flags, &options.rules, &shellcheck_selection, &error)) {
    return UsageError(error, "'pathfinder rules list' shows every rule and bundle");
  }
  if (custom_selection.only_custom) options.rules.clear();
  options.rules.insert(options.rules.end(), custom_selection.rules.begin(),
                       custom_selection.rules.end());
  adoption.ConfigureRules(&options.rules);

  std::vector<std::string> roots;
  if (!flags.project.empty()) roots.push_back(flags.project);
  for (const std::string& p : flags.paths) roots.push_back(p);
  if (roots.empty()) {
    return UsageError("nothing to scan", "give --project DIR, or files and folders as arguments");
  }
  for (const std::string& root : roots) {
    if (root == "-") continue;
    struct stat st;
    if (stat(root.c_str(), &st) != 0) {
      return UsageError(
          fmt::format("project path '{}' cannot be used: {}", root, std::strerror(errno)),
          "give a folder or a file with --project");
    }
  }
  if (std::count(roots.begin(), roots.end(), "-") > 0) {
    std::optional<std::string> text = ReadStdin();
    if (!text) return UsageError("cannot read standard input (or it is over 16 MiB)", kScanHelp);
    options.stdin_text = std::move(*text);
    if (!flags.stdin_filename.empty()) options.stdin_name = flags.stdin_filename;
  }

  std::set<std::string> changed;
  std::string repo_root;
  const bool diff_aware = flags.diff_aware;
  if (diff_aware && !ResolveDiffScope(RepoProbeDir(roots), flags.base, flags.head, &changed,
                                      &repo_root, &error)) {
    return UsageError(error, "--base must name a commit or branch that git knows");
  }
  // Annotations and PR comments name files from the repository root.
  if (repo_root.empty() && (extra != nullptr || reporter->name == "github")) {
    std::string ignored;
    std::error_code ec;
    std::string probe = RepoProbeDir(roots);
    if (std::optional<std::string> root = git::RepoRoot(probe, &ignored)) {
      std::filesystem::path real = std::filesystem::weakly_canonical(*root, ec);
      repo_root = ec ? *root : real.string();
    }
  }
  // Naming ShellCheck codes in --ruleset turns the pass on.
  const bool want_shellcheck =
      flags.shellcheck || !shellcheck_selection.codes.empty() ||
      std::any_of(flags.rulesets.begin(), flags.rulesets.end(),
                  [](const std::string& spec) { return ShellCheckSpec(spec) == "ALL"; });
  if (want_shellcheck) {
    // Optional external tool: without it, say so once and scan anyway.
    const std::string program = "shellcheck";
    if (std::optional<std::string> binary = rules::LocateShellCheck(program)) {
      options.shellcheck_binary = *binary;
    } else {
      std::cerr << rules::ShellCheckMissingNotice(program) << "\n";
    }
  }

  const bool verbose = flags.verbose || flags.debug;
  options.paths = roots;
  options.excludes = flags.excludes;
  options.jobs = flags.jobs;
  if (verbose) {
    options.log = [](std::string_view line) { std::cerr << "pathfinder: " << line << "\n"; };
    std::cerr << fmt::format("pathfinder: scanning '{}' with {} rules\n", fmt::join(roots, " "),
                             options.rules.size());
  }
  if (flags.debug) {
    for (const rules::Rule* rule : options.rules) {
      std::cerr << fmt::format("pathfinder: rule {} ({})\n", rule->meta.id, rule->meta.name);
    }
  }

  OutputFile file;
  if (!flags.output_file.empty() && !file.Open(flags.output_file, &error)) {
    std::cerr << fmt::format("pathfinder: error: {}\n", error);
    return kExitError;
  }
  std::ostream& out = flags.output_file.empty() ? std::cout : file.stream();
  report::ReportOptions report_options;
  report_options.color = reporter->name == "text" && UseColor(flags);

  // The chain, from the report back to the engine.
  std::unique_ptr<report::ReportSink> report_sink = reporter->make(out, report_options);
  SummaryCapture capture;
  std::vector<report::ReportSink*> outputs = {report_sink.get(), &capture};
  if (extra != nullptr) outputs.push_back(extra);
  if (report::ReportSink* writer = adoption.baseline_writer()) outputs.push_back(writer);
  report::TeeSink tee(outputs);
  report::TallySink tally(tee);
  report::ReportSink* head = &tally;
  // filters: each wraps `head`; the last one added sees the engine's files first.
  engine::ShellCheckFilter shellcheck_filter(*head, shellcheck_selection);
  head = &shellcheck_filter;
  std::optional<engine::MinSeverityFilter> min_filter;
  if (min_severity) head = &min_filter.emplace(*head, *min_severity);
  std::optional<engine::DiffFilter> diff_filter;
  if (diff_aware) head = &diff_filter.emplace(*head, std::move(changed));
  // Suppressions, baseline and severity overrides see every finding before
  // the diff and min-severity filters drop any.
  head = adoption.WrapFilters(head, verbose ? options.log : nullptr);
  std::optional<RepoPrefixSink> repo_prefix;
  if (!repo_root.empty()) head = &repo_prefix.emplace(*head, repo_root);

  // A live progress line for long scans on a terminal; not with -v, whose
  // notes would break it up.
  std::optional<ProgressLine> progress;
  if (!verbose && ProgressWanted(flags.quiet)) {
    progress.emplace();
    options.progress = [&progress](std::size_t done, std::size_t total) {
      progress->Update(done, total);
    };
  }
  engine::Scan(options, *head);
  if (progress) progress->Clear();
  std::string adoption_note;
  if (std::string write_error; !adoption.Finish(&write_error, &adoption_note)) {
    std::cerr << fmt::format("pathfinder: error: {}\n", write_error);
    return kExitError;
  }
  if (!adoption_note.empty()) std::cerr << "pathfinder: " << adoption_note << "\n";
  const report::Summary& summary = capture.summary();

  out.flush();
  if (!flags.output_file.empty() && !file.Commit(&error)) {
    std::cerr << fmt::format("pathfinder: error: {}\n", error);
    return kExitError;
  }
  if (verbose) {
    std::cerr << fmt::format("pathfinder: {} files scanned, {} findings, {} errors in {:.3f}s\n",
                             summary.files_scanned, summary.total, summary.errors.size(),
                             summary.duration_seconds);
  }
  if (!summary.complete) {
    std::cerr << "pathfinder: error: no file could be scanned\n";
    return kExitError;
  }
  if (summary.files_scanned == 0 && summary.errors.empty()) {
    std::cerr << fmt::format("pathfinder: note: no Dockerfile or compose file found in '{}'\n",
                             fmt::join(roots, " "));
  }
  if (adoption.writing_baseline()) return kExitClean;  // the findings are accepted now
  if (fail_threshold) {
    for (Severity s : kAllSeverities) {
      if (s <= *fail_threshold && summary.by_severity[static_cast<std::size_t>(s)] > 0) {
        return kExitFindings;
      }
    }
  }
  return kExitClean;
}

int RunScan(const ScanFlags& flags) { return RunScanPipeline(flags, nullptr); }

}  // namespace pf::cli
