#pragma once

#include <set>
#include <string>
#include <vector>

#include "report/sink.h"

namespace pf::engine {

inline constexpr int kBaselineVersion = 1;

// One accepted finding. The fingerprint decides matching; the rest is for
// people reading the file.
struct BaselineEntry {
  std::string fingerprint;
  std::string rule_id;
  std::string file;
  int line = 0;
  std::string message;
};

// {"version":1,"tool":"pathfinder","findings":[...]}, entries sorted by
// file, line, rule id and fingerprint, so the same findings give the same
// bytes.
std::string BaselineJson(std::vector<BaselineEntry> entries);

// Reads a baseline file. A file that is not such JSON, or has another
// version, is an error naming the file.
bool ReadBaseline(const std::string& path, std::vector<BaselineEntry>* entries, std::string* error);

// Writes `entries` to `path` through a temporary file and a rename, so a
// reader never sees half a baseline.
bool WriteBaseline(const std::string& path, std::vector<BaselineEntry> entries, std::string* error);

// Collects the findings that reach it (not those silenced by a comment:
// the comment already records them) and writes the baseline at End.
class BaselineWriter : public report::ReportSink {
 public:
  explicit BaselineWriter(std::string path) : path_(std::move(path)) {}
  void File(report::FileReport& file) override;
  void End(report::Summary& summary) override;
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  std::size_t written() const { return entries_.size(); }

 private:
  std::string path_;
  std::vector<BaselineEntry> entries_;
  std::string error_;
};

// Marks findings whose fingerprint is in the baseline as suppressed
// (external, "in baseline <file>") and counts at End the entries that
// matched nothing (Summary::baseline_unmatched: fixed since).
class BaselineFilter : public report::FilterSink {
 public:
  BaselineFilter(report::ReportSink& next, const std::vector<BaselineEntry>& entries,
                 std::string path);
  void File(report::FileReport& file) override;
  void End(report::Summary& summary) override;

 private:
  std::set<std::string> fingerprints_;
  std::set<std::string> matched_;
  std::string justification_;
};

}  // namespace pf::engine
