#include "engine/severity_filter.h"

namespace pf::engine {

void SeverityOverrideFilter::File(report::FileReport& file) {
  for (Finding& f : file.findings) {
    auto it = overrides_.find(f.rule_id);
    if (it != overrides_.end()) f.severity = it->second;
  }
  next().File(file);
}

}  // namespace pf::engine
