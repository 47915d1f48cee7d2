#pragma once

#include <set>
#include <string>

#include "report/sink.h"

namespace pf::engine {

// SHELLCHECK-SCnnnn findings obey rule selection like built-in rules:
// `--ruleset shellcheck/all` or `shellcheck/SC2086` picks them, a
// `--ruleset` naming none of them leaves them out, `--ignore
// SHELLCHECK-SC2086` drops one code.
struct ShellCheckSelection {
  bool all = true;              // no --ruleset, or shellcheck/all
  std::set<std::string> codes;  // "SC2086", when not all
  std::set<std::string> ignored;
  bool Keeps(const std::string& rule_id) const;
};

class ShellCheckFilter : public report::FilterSink {
 public:
  ShellCheckFilter(report::ReportSink& next, ShellCheckSelection selection)
      : FilterSink(next), selection_(std::move(selection)) {}
  void File(report::FileReport& file) override;

 private:
  ShellCheckSelection selection_;
};

}  // namespace pf::engine
