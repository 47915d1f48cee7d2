#pragma once
// Inputs shared by the reporter tests: awkward paths and messages, a
// suppressed finding, a compose finding, a rule without findings and a
// finding of a rule outside the catalogue.

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "report/reporter.h"

namespace pf::report::testing {

inline rules::Rule MakeRule(std::string_view id, std::string_view name, Severity severity,
                            std::string_view category, std::string_view cwe) {
  rules::Rule rule;
  rule.meta.id = id;
  rule.meta.name = name;
  rule.meta.severity = severity;
  rule.meta.category = category;
  rule.meta.cwe = cwe;
  rule.meta.bundle = category == "security" ? "security" : "best-practice";
  rule.meta.tags = {"docker", "test"};
  rule.meta.summary = "One line about the rule.";
  rule.meta.docs.what = "What it does.";
  rule.meta.docs.why = "Why it matters.";
  rule.meta.docs.fix = "How to fix it.";
  rule.meta.docs.bad_example = "FROM a\n";
  rule.meta.docs.good_example = "FROM a:1\n";
  rule.meta.docs.references = {"https://example.com/ref"};
  return rule;
}

// The catalogue the sample runs with; the last rule raises nothing.
inline const std::vector<rules::Rule>& SampleRules() {
  static const std::vector<rules::Rule> kRules = {
      MakeRule("DOCKER-SEC-001", "Secret In Env", Severity::kCritical, "security", "CWE-798"),
      MakeRule("DOCKER-AUD-003", "Privileged Port Exposed", Severity::kMedium, "audit", "CWE-250"),
      MakeRule("COMPOSE-SEC-001", "Privileged Service", Severity::kHigh, "security", "CWE-250"),
      MakeRule("DOCKER-BP-101", "Never Fires", Severity::kInfo, "best-practice", "CWE-710"),
  };
  return kRules;
}

inline std::vector<const rules::Rule*> SampleRulePointers() {
  std::vector<const rules::Rule*> out;
  for (const rules::Rule& r : SampleRules()) out.push_back(&r);
  return out;
}

inline Finding MakeFinding(std::string file, Range range, Severity s, std::string id,
                           std::string message) {
  Finding f;
  f.rule_id = std::move(id);
  f.rule_name = "Rule " + f.rule_id;
  f.severity = s;
  f.file = std::move(file);
  f.range = range;
  f.message = std::move(message);
  f.cwe = {"CWE-250"};
  f.fingerprint = "fp-" + f.rule_id + "-" + std::to_string(range.start.line);
  return f;
}

// Awkward on purpose: a path with a space, comma, quote, percent, colon and
// non-ASCII letters; messages with commas, quotes, line ends, <&>, % and :.
inline constexpr std::string_view kOddPath = "odd dir/caf\xc3\xa9,\"q\"%:x/Dockerfile";
inline constexpr std::string_view kOddMessage = "say \"no\", <never> & 100% : root\r\nsecond line";

inline ScanResult SampleResult() {
  ScanResult r;
  r.target = "proj";
  r.timestamp = "2026-01-01T00:00:00Z";
  r.duration_seconds = 0.25;
  r.files_scanned = 3;
  r.rules_executed = 4;
  std::string odd(kOddPath);
  r.sources["Dockerfile"] = std::make_shared<const SourceFile>(
      "Dockerfile", "FROM a\nENV \xc3\xa9t\xc3\xa9=secret K=2\nEXPOSE 80\n");
  r.sources[odd] = std::make_shared<const SourceFile>(odd, "FROM b\nEXPOSE 22\n");
  // Dockerfile: a critical on non-ASCII text, a suppressed medium.
  r.findings.push_back(MakeFinding("Dockerfile", Range{{2, 5}, {2, 15}}, Severity::kCritical,
                                   "DOCKER-SEC-001", "secret in \xc3\xa9t\xc3\xa9"));
  Finding suppressed = MakeFinding("Dockerfile", Range{{3, 8}, {3, 10}}, Severity::kMedium,
                                   "DOCKER-AUD-003", "port 80");
  suppressed.suppression =
      Suppression{Suppression::Kind::kInSource, "behind a proxy, \"ok\"", "pathfinder-ignore"};
  r.findings.push_back(suppressed);
  // compose.yaml: a service finding spanning two lines.
  Finding compose = MakeFinding("compose.yaml", Range{{3, 5}, {4, 9}}, Severity::kHigh,
                                "COMPOSE-SEC-001", "service runs privileged");
  compose.service = "web";
  r.findings.push_back(compose);
  // The odd path: tricky message, and a rule outside the catalogue.
  r.findings.push_back(MakeFinding(odd, Range{{2, 8}, {2, 10}}, Severity::kMedium, "DOCKER-AUD-003",
                                   std::string(kOddMessage)));
  r.findings.push_back(MakeFinding(odd, Range{{2, 1}, {2, 7}}, Severity::kLow, "SHELLCHECK-SC2086",
                                   "double quote to prevent globbing"));
  std::sort(r.findings.begin(), r.findings.end(), FindingLess);
  r.errors.push_back(ScanError{"bin/Dockerfile", "binary file, \"skipped\" <&>"});
  return r;
}

inline ScanResult EmptyResult() {
  ScanResult r;
  r.target = "empty";
  r.timestamp = "2026-01-01T00:00:00Z";
  return r;
}

inline std::string Render(std::string_view format, const ScanResult& result,
                          const std::vector<const rules::Rule*>& rules = SampleRulePointers()) {
  const Reporter* reporter = FindReporter(format);
  if (reporter == nullptr) return "<unknown format>";
  std::ostringstream out;
  Write(*reporter, result, rules, ReportOptions{}, out);
  return out.str();
}

}  // namespace pf::report::testing
