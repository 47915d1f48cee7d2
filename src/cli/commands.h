#pragma once

#include <string>
#include <vector>

namespace pf::cli {

inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitError = 2;

struct ScanFlags {
  std::string project;
  std::vector<std::string> paths;  // positional: files and folders, "-" for stdin
  std::string stdin_filename;      // how findings name standard input
  std::vector<std::string> rulesets;
  bool rulesets_given = false;
  std::vector<std::string> ignore;  // rule ids left out
  std::string min_severity;
  std::string rules_path;
  std::string output = "text";
  bool output_given = false;
  std::string output_file;
  std::vector<std::string> fail_on;
  bool fail_on_given = false;
  std::vector<std::string> build_args;
  std::vector<std::string> excludes;
  int jobs = 0;
  bool verbose = false;
  bool debug = false;
  bool quiet = false;  // no progress line
  bool no_color = false;
  bool refresh_rules = false;
  bool diff_aware = false;
  bool shellcheck = false;
  // Adopting on an existing repository (see cli/adoption.h).
  std::string config_path;     // --config FILE instead of the project's .pathfinder.yml
  bool no_config = false;      // --no-config
  std::string baseline;        // --baseline FILE
  std::string write_baseline;  // --write-baseline FILE
  bool no_inline_ignore = false;
  std::string base;
  std::string head;
};

struct DocsFlags {
  std::string format = "md";
  std::string out = "docs/rules";
  std::string readme;  // a README whose rule table is rewritten too
};

// `pathfinder ci`: a scan with CI defaults and optional PR comments.
struct CiFlags {
  bool no_diff = false;
  std::string github_token;  // else GITHUB_TOKEN
  std::string github_repo;   // owner/name, else GITHUB_REPOSITORY
  int github_pr = 0;         // else from GITHUB_REF / GITHUB_EVENT_PATH
  bool pr_comment = false;
  bool pr_inline = false;
};

int RunScan(const ScanFlags& flags);
int RunCi(ScanFlags scan, const CiFlags& ci);
int RunRulesDocs(const DocsFlags& flags);
int RunRulesList(const std::vector<std::string>& rulesets, const std::string& output);
int RunRulesShow(const std::string& id);
int RunVersion();

// Prints "pathfinder: error: <message>" and a hint to stderr; returns 2.
int UsageError(const std::string& message, const std::string& hint);

}  // namespace pf::cli
