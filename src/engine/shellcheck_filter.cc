#include "engine/shellcheck_filter.h"

namespace pf::engine {

namespace {
constexpr std::string_view kPrefix = "SHELLCHECK-";
}

bool ShellCheckSelection::Keeps(const std::string& rule_id) const {
  if (!rule_id.starts_with(kPrefix)) return true;
  const std::string code = rule_id.substr(kPrefix.size());
  if (ignored.count(code) != 0) return false;
  return all || codes.count(code) != 0;
}

void ShellCheckFilter::File(report::FileReport& file) {
  std::erase_if(file.findings, [&](const Finding& f) { return !selection_.Keeps(f.rule_id); });
  next().File(file);
}

}  // namespace pf::engine
