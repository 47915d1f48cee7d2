// `pathfinder ci`: the scan a CI job wants. SARIF unless told otherwise,
// only the files changed since the base branch when one is known, and
// optionally the findings posted on the pull request.
#include <fmt/format.h>

#include <cstdlib>
#include <iostream>

#include "cli/commands.h"
#include "cli/pr_comments.h"
#include "cli/scan_pipeline.h"
#include "github/curl_http_client.h"
#include "report/reporter.h"

namespace pf::cli {

namespace {

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v == nullptr ? "" : v;
}

// The base ref CI names: --base, else the pull request's target branch
// on GitHub, else the merge request's target on GitLab.
std::string DiffBase(const ScanFlags& flags) {
  if (!flags.base.empty()) return flags.base;
  if (std::string ref = Env("GITHUB_BASE_REF"); !ref.empty()) return "origin/" + ref;
  if (std::string ref = Env("CI_MERGE_REQUEST_TARGET_BRANCH_NAME"); !ref.empty()) {
    return "origin/" + ref;
  }
  return "";
}

}  // namespace

int RunCi(ScanFlags scan, const CiFlags& ci) {
  if (!scan.output_given && ReporterForExtension(scan.output_file) == nullptr) {
    scan.output = "sarif";
    scan.output_given = true;
  }
  if (!ci.no_diff && !scan.diff_aware) {
    scan.base = DiffBase(scan);
    if (scan.base.empty()) {
      std::cerr << "pathfinder: note: no base ref (--base, GITHUB_BASE_REF or "
                   "CI_MERGE_REQUEST_TARGET_BRANCH_NAME); scanning all files\n";
    } else {
      scan.diff_aware = true;
    }
  }
  if (!ci.pr_comment && !ci.pr_inline) return RunScanPipeline(scan, nullptr);

  PrTarget target;
  std::string error;
  if (!ResolvePrTarget(ci, &target, &error)) {
    return UsageError(error, "run 'pathfinder ci --help' for usage");
  }
  PrCollector collector;
  const int exit_code = RunScanPipeline(scan, &collector);
  if (exit_code == kExitError) return exit_code;

  github::PrOptions options;
  options.api_url = Env("GITHUB_API_URL");
  options.server_url = Env("GITHUB_SERVER_URL");
  options.token = target.token;
  options.repo = target.repo;
  options.pr = target.pr;
  options.summary = true;
  options.inline_comments = ci.pr_inline;
  options.files_scanned = collector.files_scanned();
  options.rules_count = collector.rules_count();
  options.tool_version = std::string(report::kToolVersion);
  github::CurlHttpClient http;
  github::PublishResult result = github::PublishPullRequest(options, collector.findings(), http);
  // Commenting is a courtesy: its failure is a warning, never the exit code.
  for (const std::string& warning : result.warnings) {
    std::cerr << fmt::format("pathfinder: warning: pull-request comments: {}\n", warning);
  }
  if (scan.verbose || scan.debug) {
    std::cerr << fmt::format(
        "pathfinder: pull request #{}: summary {}, {} inline comments posted, {} updated, {} "
        "marked fixed, {} outside the diff\n",
        target.pr,
        result.summary_created   ? "created"
        : result.summary_updated ? "updated"
                                 : "unchanged",
        result.created, result.updated, result.marked_fixed, result.outside_diff);
  }
  return exit_code;
}

}  // namespace pf::cli
