#include "report/reporter.h"

namespace pf::report {

const std::vector<Reporter>& AllReporters() {
  static const std::vector<Reporter> kReporters = {
      {"text", &WriteText},
      {"json", &WriteJson},
  };
  return kReporters;
}

const Reporter* FindReporter(std::string_view name) {
  for (const Reporter& r : AllReporters()) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

}  // namespace pf::report
