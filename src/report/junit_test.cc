#include <gtest/gtest.h>

#include <string>

#include "report/test_sample.h"

namespace pf::report {
namespace {

using testing::Render;
using testing::SampleResult;

TEST(JunitReport, OneSuitePerFileOneCasePerFinding) {
  std::string xml = Render("junit", SampleResult());
  EXPECT_TRUE(xml.starts_with(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"pathfinder\">\n"));
  EXPECT_TRUE(xml.ends_with("</testsuites>\n"));
  // Dockerfile: one failure and the suppressed finding as skipped.
  EXPECT_NE(xml.find("  <testsuite name=\"Dockerfile\" tests=\"2\" failures=\"1\" errors=\"0\" "
                     "skipped=\"1\">\n"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("    <testcase name=\"DOCKER-SEC-001 Rule DOCKER-SEC-001 at 2:5\" "
                     "classname=\"Dockerfile\" file=\"Dockerfile\" line=\"2\">\n"
                     "      <failure message=\"secret in \xc3\xa9t\xc3\xa9\" type=\"critical\">"
                     "Dockerfile:2:5: critical [DOCKER-SEC-001] Rule DOCKER-SEC-001\n"
                     "secret in \xc3\xa9t\xc3\xa9\nCWE-250</failure>\n    </testcase>\n"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("      <skipped message=\"suppressed (pathfinder-ignore): behind a proxy, "
                     "&quot;ok&quot;\"/>\n"),
            std::string::npos);
  EXPECT_NE(xml.find("\nservice: web</failure>"), std::string::npos);
}

TEST(JunitReport, EscapesMarkupAndKeepsLineFeedsInText) {
  std::string xml = Render("junit", SampleResult());
  EXPECT_NE(xml.find("<testsuite name=\"odd dir/caf\xc3\xa9,&quot;q&quot;%:x/Dockerfile\" "
                     "tests=\"2\" failures=\"2\""),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("message=\"say &quot;no&quot;, &lt;never&gt; &amp; 100% : "
                     "root&#13;&#10;second line\""),
            std::string::npos);
  EXPECT_NE(xml.find(">odd dir/caf\xc3\xa9,&quot;q&quot;%:x/Dockerfile:2:8: medium "
                     "[DOCKER-AUD-003] Rule DOCKER-AUD-003\nsay &quot;no&quot;, &lt;never&gt; "
                     "&amp; 100% : root&#13;\nsecond line"),
            std::string::npos);
}

TEST(JunitReport, ScanErrorsAreErrorCases) {
  std::string xml = Render("junit", SampleResult());
  EXPECT_NE(xml.find("  <testsuite name=\"files not scanned\" tests=\"1\" failures=\"0\" "
                     "errors=\"1\" skipped=\"0\">\n"
                     "    <testcase name=\"scan\" classname=\"bin/Dockerfile\" "
                     "file=\"bin/Dockerfile\">\n"
                     "      <error message=\"binary file, &quot;skipped&quot; &lt;&amp;&gt;\" "
                     "type=\"scan error\"/>\n"),
            std::string::npos)
      << xml;
}

TEST(JunitReport, CleanFileIsOnePassingCase) {
  std::ostringstream out;
  std::unique_ptr<ReportSink> sink = MakeJunitSink(out, ReportOptions{});
  sink->Begin(RunInfo{});
  FileReport clean;
  clean.display = "Dockerfile";
  clean.scanned = true;
  sink->File(clean);
  Summary summary;
  sink->End(summary);
  EXPECT_EQ(out.str(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"pathfinder\">\n"
            "  <testsuite name=\"Dockerfile\" tests=\"1\" failures=\"0\" errors=\"0\" "
            "skipped=\"0\">\n"
            "    <testcase name=\"no findings\" classname=\"Dockerfile\" file=\"Dockerfile\"/>\n"
            "  </testsuite>\n</testsuites>\n");
}

TEST(JunitReport, EmptyScan) {
  EXPECT_EQ(Render("junit", testing::EmptyResult()),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"pathfinder\">\n"
            "</testsuites>\n");
}

}  // namespace
}  // namespace pf::report
