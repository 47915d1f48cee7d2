#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.h"
#include "config/apply.h"
#include "config/config.h"
#include "engine/baseline.h"
#include "engine/severity_filter.h"
#include "engine/suppression_filter.h"
#include "report/sink.h"

namespace pf::cli {

// What a scan takes from `.pathfinder.yml` and the adoption flags
// (--config, --no-config, --baseline, --write-baseline,
// --no-inline-ignore): the merged flags, configured rules and the filters
// that suppressions, the baseline and severity overrides add.
class Adoption {
 public:
  // Finds (or reads --config) the config and merges it into *flags: a flag
  // given on the command line wins. False with a one-line error (the
  // config's file:line:col) when the config or the baseline is unusable
  // (the baseline is only read when `read_baseline`).
  bool Load(ScanFlags* flags, std::string* error, bool read_baseline = true);

  // Replaces the selected rules that the config gives options.
  void ConfigureRules(std::vector<const rules::Rule*>* rules) { configured_.Apply(config_, rules); }

  // Wraps `head` with the severity override, suppression and baseline
  // filters, in that order from the engine; returns the new head.
  report::ReportSink* WrapFilters(report::ReportSink* head,
                                  std::function<void(std::string_view)> note);

  // The --write-baseline sink, to sit beside the reporters; null if none.
  report::ReportSink* baseline_writer() { return writer_ ? &*writer_ : nullptr; }

  // After the scan: writes out what --write-baseline collected. False with
  // an error when it could not be written.
  bool Finish(std::string* error, std::string* note);

  bool writing_baseline() const { return writer_.has_value(); }
  const config::Config& config() const { return config_; }

 private:
  config::Config config_;
  config::ConfiguredRules configured_;
  std::vector<engine::BaselineEntry> baseline_;
  std::string baseline_path_;
  std::string write_path_;
  bool inline_ignore_ = true;
  std::optional<engine::BaselineWriter> writer_;
  std::optional<engine::SeverityOverrideFilter> severity_;
  std::optional<engine::SuppressionFilter> suppression_;
  std::optional<engine::BaselineFilter> baseline_filter_;
};

// The folder whose `.pathfinder.yml` applies: --project, else the first
// path given, else the working directory.
std::string ProjectDirOf(const ScanFlags& flags);

// `pathfinder config print`: the effective configuration for a scan with
// these flags, each value with its origin.
int RunConfigPrint(ScanFlags flags);

// `pathfinder config init`: writes a starter `.pathfinder.yml` in `dir`;
// refuses to replace one unless `force`.
int RunConfigInit(const std::string& dir, bool force);

}  // namespace pf::cli
