#pragma once

#include <set>
#include <string>

#include "report/sink.h"

namespace pf::engine {

// Diff-aware scans: findings of files outside the change set are dropped
// (the files still count as scanned). A Dockerfile counts as changed when
// a compose file that builds it changed, since its build args may have.
// `changed` holds absolute, lexically normal paths.
class DiffFilter : public report::FilterSink {
 public:
  DiffFilter(report::ReportSink& next, std::set<std::string> changed)
      : FilterSink(next), changed_(std::move(changed)) {}
  void Begin(const report::RunInfo& info) override;
  void File(report::FileReport& file) override;

 private:
  bool Changed(const report::FileReport& file) const;
  bool IsChanged(const std::string& display) const;
  std::set<std::string> changed_;
  std::string base_dir_;
};

// Drops findings below `min` (report only that level and above).
class MinSeverityFilter : public report::FilterSink {
 public:
  MinSeverityFilter(report::ReportSink& next, Severity min) : FilterSink(next), min_(min) {}
  void File(report::FileReport& file) override;

 private:
  Severity min_;
};

}  // namespace pf::engine
