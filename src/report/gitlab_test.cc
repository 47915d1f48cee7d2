#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "report/test_sample.h"

namespace pf::report {
namespace {

using nlohmann::json;
using testing::Render;
using testing::SampleResult;

TEST(GitlabReport, OneIssuePerReportedFinding) {
  json doc = json::parse(Render("gitlab", SampleResult()));
  ASSERT_TRUE(doc.is_array());
  ASSERT_EQ(doc.size(), 4u);  // the suppressed finding is left out
  const json& first = doc[0];
  EXPECT_EQ(first["type"], "issue");
  EXPECT_EQ(first["check_name"], "DOCKER-SEC-001");
  EXPECT_EQ(first["description"], "Rule DOCKER-SEC-001: secret in \xc3\xa9t\xc3\xa9");
  EXPECT_EQ(first["severity"], "blocker");
  EXPECT_EQ(first["fingerprint"], "fp-DOCKER-SEC-001-2");
  EXPECT_EQ(first["location"]["path"], "Dockerfile");
  EXPECT_EQ(first["location"]["lines"]["begin"], 2);
  EXPECT_EQ(first["location"]["lines"]["end"], 2);
  EXPECT_EQ(first["categories"], json::array({"Security"}));
  std::set<std::string> fingerprints;
  for (const json& issue : doc) fingerprints.insert(issue["fingerprint"].get<std::string>());
  EXPECT_EQ(fingerprints.size(), doc.size());
}

TEST(GitlabReport, SeverityAndLinesOfEach) {
  json doc = json::parse(Render("gitlab", SampleResult()));
  EXPECT_EQ(doc[1]["severity"], "critical");  // high
  EXPECT_EQ(doc[1]["location"]["lines"]["end"], 4);
  EXPECT_EQ(doc[2]["severity"], "minor");  // low
  EXPECT_EQ(doc[2]["categories"], json::array({"Style"})) << "rule outside the catalogue";
  EXPECT_EQ(doc[3]["severity"], "major");  // medium
  EXPECT_EQ(doc[3]["location"]["path"], testing::kOddPath);
  EXPECT_EQ(doc[3]["description"], "Rule DOCKER-AUD-003: " + std::string(testing::kOddMessage));
}

TEST(GitlabReport, RepositoryPrefixIsPrepended) {
  std::ostringstream out;
  std::unique_ptr<ReportSink> sink = MakeGitlabSink(out, ReportOptions{});
  RunInfo info;
  info.repo_prefix = "app/";
  sink->Begin(info);
  FileReport file;
  file.display = "Dockerfile";
  file.findings.push_back(testing::MakeFinding("Dockerfile", Range{{1, 1}, {1, 5}}, Severity::kInfo,
                                               "DOCKER-BP-101", "m"));
  sink->File(file);
  Summary summary;
  sink->End(summary);
  json doc = json::parse(out.str());
  EXPECT_EQ(doc[0]["location"]["path"], "app/Dockerfile");
  EXPECT_EQ(doc[0]["severity"], "info");
}

TEST(GitlabReport, EmptyScanIsAnEmptyArray) {
  EXPECT_EQ(Render("gitlab", testing::EmptyResult()), "[]\n");
}

}  // namespace
}  // namespace pf::report
