#pragma once

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/position.h"
#include "core/scan_result.h"
#include "report/sink.h"

namespace pf::engine {

// A suppression written in a scanned file.
struct SuppressionComment {
  enum class Scope {
    kNextInstruction,  // Dockerfile: the instruction after the comment
    kFile,             // the whole file
    kLine,             // compose: findings on this line, or of the service keyed here
  };
  Scope scope = Scope::kNextInstruction;
  std::string origin;  // "pathfinder-ignore", "hadolint", "check=skip"
  std::string justification;
  int line = 0;                       // where the comment is
  int first_line = 0, last_line = 0;  // kNextInstruction: the lines it covers
  std::string service;                // kLine: a service key on this line
  // Our rule ids, each with where it is written (for "unused" reports).
  std::vector<std::string> rule_ids;
  std::vector<Position> id_positions;
  // Ids that name no rule of ours, with the nearest id, for error entries.
  std::vector<std::string> unknown_ids;
  std::vector<Position> unknown_positions;
  std::vector<std::string> unknown_hints;
};

// The suppressions of a Dockerfile: own-line `# pathfinder-ignore RULE[,RULE]
// [-- reason]` (next instruction), `# pathfinder-ignore-file ...` before the
// first instruction, `# hadolint ignore=DL...` / `# hadolint global
// ignore=...`, and the `# check=skip=...` parser directive.
std::vector<SuppressionComment> ReadDockerfileSuppressions(const SourceFile& source);

// The suppressions of a compose file: `# pathfinder-ignore ...` after a key
// (that line, or the service if the key is a service) and
// `# pathfinder-ignore-file ...` before the first key.
std::vector<SuppressionComment> ReadComposeSuppressions(const SourceFile& source);

// One row of the table that maps other tools' codes to our rules.
struct ForeignCode {
  std::string_view tool;  // "hadolint" or "buildkit"
  std::string_view code;  // "DL3008", "JSONArgsRecommended"
  std::vector<std::string_view> rule_ids;
};

// hadolint's DL codes and BuildKit's check names that we honour, and the
// rules of ours each one silences (documented in docs/suppressions.md).
const std::vector<ForeignCode>& ForeignCodes();

// Marks findings silenced by a comment in their file as suppressed (they
// still pass on), and adds to the summary at End the pathfinder-ignore
// comments that silenced nothing (for rules that ran) and an error entry
// for each unknown rule id. `note` (may be empty) gets verbose remarks such
// as a suppression without a reason.
class SuppressionFilter : public report::FilterSink {
 public:
  SuppressionFilter(report::ReportSink& next, std::function<void(std::string_view)> note = {})
      : FilterSink(next), note_(std::move(note)) {}
  void Begin(const report::RunInfo& info) override;
  void File(report::FileReport& file) override;
  void End(report::Summary& summary) override;

 private:
  std::function<void(std::string_view)> note_;
  std::set<std::string> rules_run_;
  std::vector<report::UnusedSuppression> unused_;
  std::vector<ScanError> errors_;
};

}  // namespace pf::engine
