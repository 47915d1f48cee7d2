#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "report/test_sample.h"

namespace pf::report {
namespace {

using testing::Render;
using testing::SampleResult;

constexpr std::string_view kHeader =
    "severity,confidence,rule_id,rule_name,cwe,owasp,file,line,column,function,message,"
    "detection_type,detection_scope,source_file,source_line,sink_file,sink_line,tainted_var,"
    "sink_call";

// A small RFC 4180 reader, so the test checks what a consumer gets back.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text, bool* crlf_only) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  *crlf_only = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(field);
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      row.push_back(field);
      field.clear();
      rows.push_back(row);
      row.clear();
      ++i;
    } else {
      if (c == '\n' || c == '\r') *crlf_only = false;
      field += c;
    }
  }
  if (!field.empty() || !row.empty()) *crlf_only = false;  // last record unterminated
  return rows;
}

TEST(CsvReport, HeaderAndOneRowPerReportedFinding) {
  std::string text = Render("csv", SampleResult());
  EXPECT_TRUE(text.starts_with(std::string(kHeader) + "\r\n"));
  bool crlf_only = false;
  auto rows = ParseCsv(text, &crlf_only);
  EXPECT_TRUE(crlf_only) << "records end in CRLF, and only there";
  // Header + 4 reported findings; the suppressed one is left out.
  ASSERT_EQ(rows.size(), 5u);
  for (const auto& row : rows) EXPECT_EQ(row.size(), 19u);
  const auto& first = rows[1];  // Dockerfile:2:5, the critical
  EXPECT_EQ(first[0], "critical");
  EXPECT_EQ(first[1], "high");
  EXPECT_EQ(first[2], "DOCKER-SEC-001");
  EXPECT_EQ(first[3], "Rule DOCKER-SEC-001");
  EXPECT_EQ(first[4], "CWE-250");
  EXPECT_EQ(first[5], "");
  EXPECT_EQ(first[6], "Dockerfile");
  EXPECT_EQ(first[7], "2");
  EXPECT_EQ(first[8], "5");
  EXPECT_EQ(first[9], "");
  EXPECT_EQ(first[10], "secret in \xc3\xa9t\xc3\xa9");
  EXPECT_EQ(first[11], "pattern");
  EXPECT_EQ(first[12], "file");
  for (std::size_t i = 13; i < 19; ++i) EXPECT_EQ(first[i], "") << i;
  for (const auto& row : rows) {
    EXPECT_FALSE(row[2] == "DOCKER-AUD-003" && row[6] == "Dockerfile") << "suppressed one listed";
  }
}

TEST(CsvReport, QuotesFieldsWithCommasQuotesAndLineEnds) {
  std::string text = Render("csv", SampleResult());
  // The path has a comma and quotes; the message a comma, quotes and CRLF.
  EXPECT_NE(text.find(",\"odd dir/caf\xc3\xa9,\"\"q\"\"%:x/Dockerfile\",2,8,,"), std::string::npos)
      << text;
  EXPECT_NE(text.find("\"say \"\"no\"\", <never> & 100% : root\r\nsecond line\""),
            std::string::npos);
  bool crlf_only = false;
  auto rows = ParseCsv(text, &crlf_only);
  bool found = false;
  for (const auto& row : rows) {
    if (row[10] == testing::kOddMessage) {
      found = true;
      EXPECT_EQ(row[6], testing::kOddPath);
    }
  }
  EXPECT_TRUE(found);
  // Plain fields stay bare.
  EXPECT_NE(text.find("\r\nlow,high,SHELLCHECK-SC2086,Rule SHELLCHECK-SC2086,CWE-250,,"),
            std::string::npos);
}

TEST(CsvReport, SeveralCwesShareOneField) {
  ScanResult r = SampleResult();
  r.findings[0].cwe = {"CWE-798", "CWE-250"};
  bool crlf_only = false;
  auto rows = ParseCsv(Render("csv", r), &crlf_only);
  ASSERT_GE(rows.size(), 2u);
  EXPECT_EQ(rows[1][4], "CWE-798;CWE-250");
}

TEST(CsvReport, EmptyScanIsJustTheHeader) {
  EXPECT_EQ(Render("csv", testing::EmptyResult()), std::string(kHeader) + "\r\n");
}

}  // namespace
}  // namespace pf::report
