#pragma once

#include <map>
#include <string>

#include "core/severity.h"
#include "report/sink.h"

namespace pf::engine {

// Gives findings of the listed rules the configured severity (config
// `rules: {ID: {severity: low}}`). Sits before the min-severity filter and
// the counts, so both see the new level.
class SeverityOverrideFilter : public report::FilterSink {
 public:
  SeverityOverrideFilter(report::ReportSink& next, std::map<std::string, Severity> overrides)
      : FilterSink(next), overrides_(std::move(overrides)) {}
  void File(report::FileReport& file) override;

 private:
  std::map<std::string, Severity> overrides_;
};

}  // namespace pf::engine
