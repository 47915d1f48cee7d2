#pragma once

#include <ostream>
#include <string_view>
#include <vector>

#include "core/scan_result.h"

namespace pf::report {

inline constexpr std::string_view kToolName = "pathfinder";
inline constexpr std::string_view kToolVersion = "0.1.0";
inline constexpr std::string_view kToolUrl = "https://github.com/shivasurya/code-pathfinder";

struct ReportOptions {
  bool color = false;  // ANSI colours (text only); the CLI decides
};

using WriteFn = void (*)(const ScanResult&, const ReportOptions&, std::ostream&);

// One output format. A new format is one file defining its Write function
// plus one line in reporter.cc.
struct Reporter {
  std::string_view name;  // the --output value
  WriteFn write;
};

const std::vector<Reporter>& AllReporters();
const Reporter* FindReporter(std::string_view name);

void WriteText(const ScanResult& result, const ReportOptions& options, std::ostream& out);
void WriteJson(const ScanResult& result, const ReportOptions& options, std::ostream& out);

}  // namespace pf::report
