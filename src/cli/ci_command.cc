// `pathfinder ci`: the scan a CI job wants. SARIF unless told otherwise,
// only the files changed since the base branch when one is known, and
// optionally the findings posted on the pull request.
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/scan_pipeline.h"
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

bool ExtensionPicksFormat(const std::string& output_file) {
  std::string ext = std::filesystem::path(output_file).extension().string();
  if (ext.empty()) return false;
  for (const report::Reporter& r : report::AllReporters()) {
    if (r.extension == ext) return true;
  }
  return ext == ".xml";
}

}  // namespace

int RunCi(ScanFlags scan, const CiFlags& ci) {
  if (!scan.output_given && !ExtensionPicksFormat(scan.output_file)) {
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
  if (ci.pr_comment || ci.pr_inline) {
    return UsageError("--pr-comment is not available in this build", "");
  }
  return RunScanPipeline(scan, nullptr);
}

}  // namespace pf::cli
