#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "report/excerpt.h"
#include "report/reporter.h"

namespace pf::report {
namespace {

Finding MakeFinding(std::string file, int line, int col, int end_col, Severity s, std::string id) {
  Finding f;
  f.rule_id = std::move(id);
  f.rule_name = "Test Rule";
  f.severity = s;
  f.file = std::move(file);
  f.range = Range{{line, col}, {line, end_col}};
  f.message = "something is wrong";
  f.cwe = {"CWE-250"};
  f.fingerprint = "0123456789abcdef";
  return f;
}

ScanResult SampleResult() {
  ScanResult r;
  r.target = "proj";
  r.timestamp = "2026-01-01T00:00:00Z";
  r.duration_seconds = 0.5;
  r.files_scanned = 2;
  r.rules_executed = 7;
  auto src = std::make_shared<const SourceFile>(
      "Dockerfile", "FROM a\n\tRUN x\nENV \xc3\xa9t\xc3\xa9=1 K=2\nUSER root\n");
  r.sources["Dockerfile"] = src;
  r.findings.push_back(MakeFinding("Dockerfile", 2, 2, 5, Severity::kMedium, "DOCKER-X-002"));
  r.findings.push_back(MakeFinding("Dockerfile", 3, 9, 12, Severity::kCritical, "DOCKER-X-001"));
  Finding compose = MakeFinding("compose.yaml", 1, 1, 2, Severity::kLow, "COMPOSE-X-001");
  compose.service = "web";
  r.findings.push_back(compose);
  r.errors.push_back(ScanError{"bin/Dockerfile", "binary file"});
  return r;
}

std::string Text(const ScanResult& r, bool color = false) {
  std::ostringstream out;
  Write(*FindReporter("text"), r, {}, ReportOptions{color}, out);
  return out.str();
}

TEST(Excerpt, WidthCountsTabsAndWideChars) {
  EXPECT_EQ(DisplayWidth("abc"), 3);
  EXPECT_EQ(DisplayWidth("\t"), kTabWidth);
  EXPECT_EQ(DisplayWidth("ab\t"), kTabWidth);
  EXPECT_EQ(DisplayWidth("\xc3\xa9"), 1);      // é
  EXPECT_EQ(DisplayWidth("\xe6\x97\xa5"), 2);  // 日
  EXPECT_EQ(DisplayWidth("\xff"), 1);          // invalid byte
  EXPECT_EQ(ExpandTabs("a\tb"), "a   b");
  EXPECT_EQ(PrefixBytes("\xc3\xa9t", 1), 2u);
}

TEST(Excerpt, ClampsToFile) {
  SourceFile src("f", "1\n2\n3\n4\n5\n6\n7\n8\n");
  Excerpt e = MakeExcerpt(src, 2);
  EXPECT_EQ(e.start_line, 1);
  EXPECT_EQ(e.end_line, 5);
  Excerpt last = MakeExcerpt(src, 8);
  EXPECT_EQ(last.start_line, 5);
  EXPECT_EQ(last.end_line, 8);
  EXPECT_EQ(last.lines.back(), "8");
}

TEST(TextReport, GroupsBySeverityCriticalFirst) {
  std::string text = Text(SampleResult());
  std::size_t critical = text.find("CRITICAL (1)");
  std::size_t medium = text.find("MEDIUM (1)");
  std::size_t low = text.find("LOW (1)");
  ASSERT_NE(critical, std::string::npos);
  ASSERT_NE(medium, std::string::npos);
  ASSERT_NE(low, std::string::npos);
  EXPECT_LT(critical, medium);
  EXPECT_LT(medium, low);
  EXPECT_NE(text.find("Dockerfile:3:9  CWE-250"), std::string::npos);
  EXPECT_NE(text.find("service: web"), std::string::npos);
  EXPECT_NE(text.find("bin/Dockerfile: binary file"), std::string::npos);
  EXPECT_NE(text.find("Findings:      3 (critical 1, high 0, medium 1, low 1, info 0)"),
            std::string::npos);
  EXPECT_EQ(text.find("\x1b["), std::string::npos);
}

TEST(TextReport, CaretUnderColumnWithTabsAndMultibyte) {
  std::string text = Text(SampleResult());
  // Line 2 is "\tRUN x"; column 2 is "R", shown after a 4-wide tab.
  EXPECT_NE(text.find("  > 2 |     RUN x\n      |     ^~~\n"), std::string::npos) << text;
  // Line 3: columns count code points, so column 9 is the "1" after "été=".
  EXPECT_NE(text.find("  > 3 | ENV \xc3\xa9t\xc3\xa9=1 K=2\n      |         ^~~\n"),
            std::string::npos)
      << text;
}

TEST(TextReport, ColorOnlyWhenAsked) {
  EXPECT_NE(Text(SampleResult(), true).find("\x1b[1;31m"), std::string::npos);
}

TEST(JsonReport, Layout) {
  std::ostringstream out;
  Write(*FindReporter("json"), SampleResult(), {}, ReportOptions{}, out);
  auto doc = nlohmann::ordered_json::parse(out.str());
  std::vector<std::string> keys;
  for (auto& [k, v] : doc.items()) keys.push_back(k);
  // "scan" follows "results": its duration and file count are known last.
  EXPECT_EQ(keys, (std::vector<std::string>{"tool", "results", "scan", "summary", "errors"}));
  EXPECT_EQ(doc["tool"]["name"], "pathfinder");
  EXPECT_EQ(doc["scan"]["files_scanned"], 2);
  EXPECT_EQ(doc["scan"]["rules_executed"], 7);
  ASSERT_EQ(doc["results"].size(), 3u);
  const auto& first = doc["results"][0];
  EXPECT_EQ(first["severity"], "medium");
  EXPECT_EQ(first["location"]["line"], 2);
  EXPECT_EQ(first["location"]["end_column"], 5);
  EXPECT_EQ(first["location"]["snippet"]["start_line"], 1);
  EXPECT_EQ(first["location"]["snippet"]["lines"][1], "\tRUN x");
  EXPECT_EQ(first["detection"]["type"], "pattern");
  EXPECT_EQ(first["metadata"]["cwe"][0], "CWE-250");
  EXPECT_FALSE(first["metadata"].contains("service"));
  EXPECT_EQ(doc["results"][2]["metadata"]["service"], "web");
  EXPECT_FALSE(doc["results"][2]["location"].contains("snippet"));
  EXPECT_EQ(doc["summary"]["total"], 3);
  EXPECT_EQ(doc["summary"]["by_severity"]["critical"], 1);
  EXPECT_EQ(doc["summary"]["by_severity"]["high"], 0);
  EXPECT_EQ(doc["summary"]["by_detection_type"]["pattern"], 3);
  EXPECT_EQ(doc["errors"][0]["file"], "bin/Dockerfile");
}

TEST(JsonReport, InvalidUtf8IsReplacedNotThrown) {
  ScanResult r = SampleResult();
  r.findings[0].message = "bad \xff byte";
  std::ostringstream out;
  Write(*FindReporter("json"), r, {}, ReportOptions{}, out);
  EXPECT_NO_THROW(nlohmann::json::parse(out.str()));
}

TEST(Registry, KnowsTextAndJson) {
  EXPECT_NE(FindReporter("text"), nullptr);
  EXPECT_NE(FindReporter("json"), nullptr);
  EXPECT_EQ(FindReporter("yaml"), nullptr);
}

}  // namespace
}  // namespace pf::report
