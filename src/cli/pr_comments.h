#pragma once

#include <string>
#include <vector>

#include "cli/commands.h"
#include "github/pull_request.h"
#include "report/sink.h"

namespace pf::cli {

// Where PR comments go, from the flags and the CI environment.
struct PrTarget {
  std::string token;
  std::string repo;
  int pr = 0;
};

// Fills `target` from --github-* flags, else GITHUB_TOKEN, GITHUB_REPOSITORY
// and the pull-request number in GITHUB_REF (refs/pull/N/merge) or the
// event file (GITHUB_EVENT_PATH). False with a one-line error naming what
// is missing; the token itself is never part of a message.
bool ResolvePrTarget(const CiFlags& ci, PrTarget* target, std::string* error);

// Collects the reported findings (not suppressed ones) with repository
// paths, and the run's counts, for publishing after the scan.
class PrCollector : public report::ReportSink {
 public:
  void Begin(const report::RunInfo& info) override { repo_prefix_ = info.repo_prefix; }
  void File(report::FileReport& file) override;
  void End(report::Summary& summary) override;

  const std::vector<github::PrFinding>& findings() const { return findings_; }
  int files_scanned() const { return files_scanned_; }
  int rules_count() const { return rules_count_; }

 private:
  std::string repo_prefix_;
  std::vector<github::PrFinding> findings_;
  int files_scanned_ = 0;
  int rules_count_ = 0;
};

}  // namespace pf::cli
