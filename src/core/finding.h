#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/position.h"
#include "core/severity.h"

namespace pf {

// Why a finding is not reported: a comment in the file (inline) or an
// external record (baseline). Suppressed findings still reach reporters,
// which mark them (SARIF `suppressions`, JSON `suppressed`).
struct Suppression {
  enum class Kind { kInSource, kExternal };
  Kind kind = Kind::kInSource;
  std::string justification;  // the reason given; may be empty
  std::string origin;         // "pathfinder-ignore", "hadolint", "check=skip", "baseline"
};

// One problem found in one file. Plain value; reporters read it, nothing
// writes back.
struct Finding {
  std::string rule_id;
  std::string rule_name;
  Severity severity = Severity::kInfo;
  std::string file;  // path as given to the scan (relative to the project)
  Range range;
  std::string message;
  std::vector<std::string> cwe;  // "CWE-250"
  std::string service;           // compose service, empty for Dockerfiles
  // The normalised offending text; feeds the fingerprint so that edits
  // elsewhere in the file do not change it.
  std::string offending_text;
  std::string fingerprint;                 // filled by the engine
  std::optional<Suppression> suppression;  // set by the filters
};

// Sort key for deterministic output: file, line, column, rule id, message.
bool FindingLess(const Finding& a, const Finding& b);

// Stable hex fingerprint of rule id, path and normalised offending text.
std::string ComputeFingerprint(const Finding& f);

}  // namespace pf
