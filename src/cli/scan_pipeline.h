#pragma once

#include <set>
#include <string>

#include "cli/commands.h"
#include "report/reporter.h"
#include "report/sink.h"

namespace pf::cli {

// The scan behind `scan` and `ci`: validates the flags, streams the scan
// through the filters into the chosen report (and into `extra`, when given,
// after the filters), and returns the exit code.
int RunScanPipeline(const ScanFlags& flags, report::ReportSink* extra);

// The format an output file's extension names (any case; `.xml` is
// checkstyle), or null when it names none.
const report::Reporter* ReporterForExtension(const std::string& output_file);

// Files changed between the merge base of `base` and `head` (head empty:
// HEAD) in the repository that holds `dir`, as absolute paths with links
// resolved, for diff-aware scans; `repo_root` is set to the repository's
// top folder. False with a one-line error otherwise.
bool ResolveDiffScope(const std::string& dir, const std::string& base, const std::string& head,
                      std::set<std::string>* changed, std::string* repo_root, std::string* error);

}  // namespace pf::cli
