#pragma once

#include <memory>
#include <ostream>
#include <string_view>
#include <vector>

#include "core/scan_result.h"
#include "report/sink.h"

namespace pf::report {

inline constexpr std::string_view kToolName = "pathfinder";
inline constexpr std::string_view kToolVersion = "0.1.0";
inline constexpr std::string_view kToolUrl = "https://github.com/shivasurya/code-pathfinder";

struct ReportOptions {
  bool color = false;  // ANSI colours (text only); the CLI decides
};

// Makes a sink that writes one format to `out` as files arrive.
using MakeSinkFn = std::unique_ptr<ReportSink> (*)(std::ostream& out, const ReportOptions& options);

// One output format. A new format is one file defining its Make function
// plus one line in reporter.cc.
struct Reporter {
  std::string_view name;  // the --output value
  MakeSinkFn make;
  std::string_view extension;  // output-file extension that selects it ("" none)
};

const std::vector<Reporter>& AllReporters();
// Case-insensitive.
const Reporter* FindReporter(std::string_view name);

std::unique_ptr<ReportSink> MakeTextSink(std::ostream& out, const ReportOptions& options);
std::unique_ptr<ReportSink> MakeJsonSink(std::ostream& out, const ReportOptions& options);
std::unique_ptr<ReportSink> MakeSarifSink(std::ostream& out, const ReportOptions& options);
std::unique_ptr<ReportSink> MakeCsvSink(std::ostream& out, const ReportOptions& options);
std::unique_ptr<ReportSink> MakeGithubSink(std::ostream& out, const ReportOptions& options);
std::unique_ptr<ReportSink> MakeGitlabSink(std::ostream& out, const ReportOptions& options);
std::unique_ptr<ReportSink> MakeCheckstyleSink(std::ostream& out, const ReportOptions& options);
std::unique_ptr<ReportSink> MakeJunitSink(std::ostream& out, const ReportOptions& options);
std::unique_ptr<ReportSink> MakeSonarqubeSink(std::ostream& out, const ReportOptions& options);
std::unique_ptr<ReportSink> MakeGnuSink(std::ostream& out, const ReportOptions& options);

// Feeds a finished ScanResult through a sink (tests, single in-memory
// texts): rules first, then each file in path order, then the summary.
void Replay(const ScanResult& result, const std::vector<const rules::Rule*>& rules,
            ReportSink& sink);
// Replay into the named format's sink.
void Write(const Reporter& reporter, const ScanResult& result,
           const std::vector<const rules::Rule*>& rules, const ReportOptions& options,
           std::ostream& out);

}  // namespace pf::report
