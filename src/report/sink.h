#pragma once

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/scan_result.h"
#include "core/source.h"
#include "rules/rule.h"

namespace pf::report {

// What a reporter knows before the first file: the run's rules and where
// the report's paths are relative to.
struct RunInfo {
  std::string target;     // the --project value (or the paths given)
  std::string timestamp;  // RFC 3339, UTC
  std::vector<const rules::Rule*> rules;
  // Absolute folder that Finding::file paths are relative to (SARIF's
  // %SRCROOT%); empty when paths are absolute.
  std::string base_dir;
  // Prefix that turns Finding::file into a path relative to the repository
  // root (github format, PR comments); empty when they already are.
  std::string repo_prefix;
};

// One completed file: its findings in FindingLess order with fingerprints
// set, and its source (for excerpts) while the sinks handle it.
struct FileReport {
  std::string display;                       // path as findings name it
  std::shared_ptr<const SourceFile> source;  // null when the file was not read
  std::vector<Finding> findings;
  std::vector<ScanError> errors;  // this file could not be (fully) scanned
  bool scanned = false;
  // Compose files whose services build this Dockerfile (diff-aware scans
  // treat a change there as a change here).
  std::vector<std::string> built_by;
};

// A suppression comment that silenced nothing.
struct UnusedSuppression {
  std::string file;
  int line = 0;
  int column = 0;
  std::string rule_id;
};

// Counts after the filters; reporters print these rather than recount.
struct Summary {
  int files_scanned = 0;
  int rules_executed = 0;
  double duration_seconds = 0;
  // Reported (not suppressed) findings by severity, indexed by Severity.
  std::array<int, 5> by_severity{};
  int total = 0;                // reported findings
  int suppressed_inline = 0;    // silenced by a comment in the file
  int suppressed_baseline = 0;  // already in --baseline
  int baseline_unmatched = 0;   // baseline entries that matched nothing
  std::vector<UnusedSuppression> unused_suppressions;
  std::vector<ScanError> errors;  // sorted by file
  bool complete = true;           // false when nothing could be scanned
};

// A report consumer. The engine calls Begin once, File for each file in
// path order (findings may be empty), then End once. Filters are sinks that
// change the file and pass it on; reporters write as they go.
class ReportSink {
 public:
  virtual ~ReportSink() = default;
  virtual void Begin(const RunInfo& /*info*/) {}
  virtual void File(FileReport& file) = 0;
  virtual void End(Summary& summary) = 0;
};

// Passes everything to several sinks in order (a report and PR comments).
class TeeSink : public ReportSink {
 public:
  explicit TeeSink(std::vector<ReportSink*> sinks) : sinks_(std::move(sinks)) {}
  void Begin(const RunInfo& info) override {
    for (ReportSink* s : sinks_) s->Begin(info);
  }
  void File(FileReport& file) override {
    for (ReportSink* s : sinks_) s->File(file);
  }
  void End(Summary& summary) override {
    for (ReportSink* s : sinks_) s->End(summary);
  }

 private:
  std::vector<ReportSink*> sinks_;
};

// A sink that forwards to `next`: the base of every filter.
class FilterSink : public ReportSink {
 public:
  explicit FilterSink(ReportSink& next) : next_(next) {}
  void Begin(const RunInfo& info) override { next_.Begin(info); }
  void File(FileReport& file) override { next_.File(file); }
  void End(Summary& summary) override { next_.End(summary); }

 protected:
  ReportSink& next() { return next_; }

 private:
  ReportSink& next_;
};

}  // namespace pf::report

namespace pf::report {

// Adds a file's findings to the summary's counts: reported ones by
// severity, suppressed ones by where they were silenced.
void CountFindings(const FileReport& file, Summary& summary);

// Counts what passes through into the summary handed to End, so every
// reporter downstream prints the same numbers. Sits after the filters.
class TallySink : public FilterSink {
 public:
  using FilterSink::FilterSink;
  void File(FileReport& file) override {
    CountFindings(file, counts_);
    next().File(file);
  }
  void End(Summary& summary) override;

 private:
  Summary counts_;
};

}  // namespace pf::report
