#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/source.h"

namespace pf {

// A file that could not be scanned (unreadable, binary, too large, ...).
struct ScanError {
  std::string file;
  std::string message;
};

// What one scan produced; reporters turn it into text, JSON, SARIF, ...
struct ScanResult {
  std::string target;             // the --project value
  std::vector<Finding> findings;  // sorted with FindingLess
  std::vector<ScanError> errors;  // sorted by file
  int files_scanned = 0;
  int rules_executed = 0;
  double duration_seconds = 0;
  std::string timestamp;  // RFC 3339, UTC
  // Sources of files with findings, by Finding::file, for excerpts.
  std::map<std::string, std::shared_ptr<const SourceFile>> sources;
};

}  // namespace pf
