#pragma once

#include <string>
#include <vector>

namespace pf::cli {

inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitError = 2;

struct ScanFlags {
  std::string project;
  std::vector<std::string> rulesets;
  std::string rules_path;
  std::string output = "text";
  std::string output_file;
  std::vector<std::string> fail_on;
  std::vector<std::string> build_args;
  std::vector<std::string> excludes;
  int jobs = 0;
  bool verbose = false;
  bool debug = false;
  bool no_color = false;
  bool refresh_rules = false;
  bool diff_aware = false;
  bool shellcheck = false;
  std::string base;
  std::string head;
};

struct DocsFlags {
  std::string format = "md";
  std::string out = "docs/rules";
  std::string readme;  // a README whose rule table is rewritten too
};

int RunScan(const ScanFlags& flags);
int RunRulesDocs(const DocsFlags& flags);
int RunRulesList(const std::vector<std::string>& rulesets);
int RunRulesShow(const std::string& id);
int RunVersion();

// Prints "pathfinder: error: <message>" and a hint to stderr; returns 2.
int UsageError(const std::string& message, const std::string& hint);

}  // namespace pf::cli
