#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "report/test_sample.h"

namespace pf::report {
namespace {

using testing::Render;
using testing::SampleResult;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(GithubReport, OneCommandPerReportedFindingThenErrors) {
  auto lines = Lines(Render("github", SampleResult()));
  ASSERT_EQ(lines.size(), 5u);  // 4 reported findings + 1 error; the suppressed one is left out
  EXPECT_EQ(lines[0],
            "::error file=Dockerfile,line=2,col=5,endLine=2,endColumn=15,"
            "title=DOCKER-SEC-001 Rule DOCKER-SEC-001::secret in \xc3\xa9t\xc3\xa9");
  EXPECT_EQ(lines[4],
            "::error file=bin/Dockerfile,title=pathfinder%3A file not scanned::binary file, "
            "\"skipped\" <&>");
}

TEST(GithubReport, LevelsFollowSeverity) {
  auto lines = Lines(Render("github", SampleResult()));
  EXPECT_TRUE(lines[1].starts_with("::error file=compose.yaml,"));  // high
  EXPECT_TRUE(lines[2].starts_with("::notice "));                   // low
  EXPECT_TRUE(lines[3].starts_with("::warning "));                  // medium
}

TEST(GithubReport, MultiLineFindingsHaveNoColumns) {
  auto lines = Lines(Render("github", SampleResult()));
  EXPECT_EQ(lines[1],
            "::error file=compose.yaml,line=3,endLine=4,title=COMPOSE-SEC-001 Rule "
            "COMPOSE-SEC-001::service runs privileged");
}

TEST(GithubReport, EscapesPropertiesAndMessage) {
  auto lines = Lines(Render("github", SampleResult()));
  // Path: ',' and ':' are property separators, '%' the escape itself.
  EXPECT_EQ(lines[3],
            "::warning file=odd dir/caf\xc3\xa9%2C\"q\"%25%3Ax/Dockerfile,line=2,col=8,endLine=2,"
            "endColumn=10,title=DOCKER-AUD-003 Rule DOCKER-AUD-003::say \"no\", <never> & 100%25 "
            ": root%0D%0Asecond line");
}

TEST(GithubReport, RepositoryPrefixIsPrepended) {
  std::ostringstream out;
  std::unique_ptr<ReportSink> sink = MakeGithubSink(out, ReportOptions{});
  RunInfo info;
  info.repo_prefix = "services/api/";
  sink->Begin(info);
  FileReport file;
  file.display = "Dockerfile";
  file.scanned = true;
  file.findings.push_back(testing::MakeFinding("Dockerfile", Range{{1, 1}, {1, 5}}, Severity::kInfo,
                                               "DOCKER-BP-101", "m"));
  sink->File(file);
  Summary summary;
  sink->End(summary);
  EXPECT_EQ(out.str(),
            "::notice file=services/api/Dockerfile,line=1,col=1,endLine=1,endColumn=5,"
            "title=DOCKER-BP-101 Rule DOCKER-BP-101::m\n");
}

TEST(GithubReport, EmptyScanPrintsNothing) {
  EXPECT_EQ(Render("github", testing::EmptyResult()), "");
}

}  // namespace
}  // namespace pf::report
