#include "github/summary.h"

#include <gtest/gtest.h>

namespace pf::github {
namespace {

PrFinding Finding(std::string rule, std::string severity, std::string path, int line,
                  std::string message) {
  PrFinding f;
  f.rule_id = std::move(rule);
  f.rule_name = "Name of " + f.rule_id;
  f.severity = std::move(severity);
  f.path = std::move(path);
  f.line = line;
  f.message = std::move(message);
  return f;
}

SummaryInput Input() {
  SummaryInput input;
  input.repo = "acme/app";
  input.head_sha = "0123456789abcdef";
  input.web_url = "https://github.com";
  input.files_scanned = 3;
  input.rules_count = 1;
  input.tool_version = "1.2.3";
  return input;
}

TEST(RenderSummary, NoFindings) {
  std::string body = RenderSummary(Input());
  EXPECT_EQ(body.rfind("<!-- code-pathfinder-summary -->\n", 0), 0u);
  EXPECT_NE(body.find("No findings in commit `0123456`"), std::string::npos);
  EXPECT_NE(body.find("**0 Critical**"), std::string::npos);
  EXPECT_EQ(body.find("| Severity |"), std::string::npos);
  EXPECT_NE(body.find("Scanned 3 files with 1 rule \xC2\xB7 pathfinder 1.2.3"), std::string::npos);
}

TEST(RenderSummary, CountsAndTableInSeverityOrder) {
  SummaryInput input = Input();
  input.findings = {Finding("LOW-1", "low", "b/Dockerfile", 4, "low one"),
                    Finding("CRIT-1", "critical", "a/Dockerfile", 2, "has | pipe"),
                    Finding("CRIT-2", "critical", "compose.yml", 8, "second")};
  std::string body = RenderSummary(input);
  EXPECT_NE(body.find("**2 Critical**"), std::string::npos);
  EXPECT_NE(body.find("**0 High**"), std::string::npos);
  EXPECT_NE(body.find("**1 Low**"), std::string::npos);
  EXPECT_NE(body.find("**3 findings** in commit `0123456`"), std::string::npos);
  std::string row =
      "| \xF0\x9F\x9F\xA5 Critical | `CRIT-1` Name of CRIT-1 | "
      "[a/Dockerfile:2](https://github.com/acme/app/blob/0123456789abcdef/a/Dockerfile#L2) | "
      "has \\| pipe |\n";
  EXPECT_NE(body.find(row), std::string::npos) << body;
  EXPECT_LT(body.find("CRIT-2"), body.find("LOW-1"));
  EXPECT_EQ(body.find("Not commented inline"), std::string::npos);
}

TEST(RenderSummary, ListsFindingsNotCommentedInline) {
  SummaryInput input = Input();
  PrFinding outside = Finding("HIGH-1", "high", "Dockerfile", 40, "far away");
  input.findings = {outside};
  input.not_inline = {outside};
  std::string body = RenderSummary(input);
  EXPECT_NE(body.find("### Not commented inline"), std::string::npos);
  EXPECT_NE(body.find("- \xF0\x9F\x9F\xA7 `HIGH-1` [Dockerfile:40](https://github.com/acme/app/"
                      "blob/0123456789abcdef/Dockerfile#L40): far away\n"),
            std::string::npos)
      << body;
}

TEST(RenderSummary, LongListsAreCut) {
  SummaryInput input = Input();
  for (int i = 1; i <= 250; ++i) {
    input.findings.push_back(Finding("R", "medium", "Dockerfile", i, std::string(300, 'x')));
  }
  std::string body = RenderSummary(input);
  EXPECT_LT(body.size(), 65536u);
  EXPECT_NE(body.find("more not shown"), std::string::npos);
  EXPECT_NE(body.find("**250 Medium**"), std::string::npos);
}

}  // namespace
}  // namespace pf::github
