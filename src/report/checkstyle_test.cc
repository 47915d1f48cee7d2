#include <gtest/gtest.h>

#include <string>

#include "report/test_sample.h"

namespace pf::report {
namespace {

using testing::Render;
using testing::SampleResult;

TEST(CheckstyleReport, FilesWithErrors) {
  EXPECT_EQ(Render("checkstyle", SampleResult()),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<checkstyle version=\"4.3\">\n"
            "  <file name=\"Dockerfile\">\n"
            "    <error line=\"2\" column=\"5\" severity=\"error\" message=\"secret in "
            "\xc3\xa9t\xc3\xa9\" source=\"DOCKER-SEC-001\"/>\n"
            "  </file>\n"
            "  <file name=\"compose.yaml\">\n"
            "    <error line=\"3\" column=\"5\" severity=\"error\" message=\"service runs "
            "privileged\" source=\"COMPOSE-SEC-001\"/>\n"
            "  </file>\n"
            "  <file name=\"odd dir/caf\xc3\xa9,&quot;q&quot;%:x/Dockerfile\">\n"
            "    <error line=\"2\" column=\"1\" severity=\"info\" message=\"double quote to "
            "prevent globbing\" source=\"SHELLCHECK-SC2086\"/>\n"
            "    <error line=\"2\" column=\"8\" severity=\"warning\" message=\"say &quot;no&quot;, "
            "&lt;never&gt; &amp; 100% : root&#13;&#10;second line\" source=\"DOCKER-AUD-003\"/>\n"
            "  </file>\n"
            "  <file name=\"bin/Dockerfile\">\n"
            "    <error severity=\"error\" message=\"binary file, &quot;skipped&quot; "
            "&lt;&amp;&gt;\" source=\"pathfinder\"/>\n"
            "  </file>\n"
            "</checkstyle>\n");
}

TEST(CheckstyleReport, CleanFileIsListedEmpty) {
  std::ostringstream out;
  std::unique_ptr<ReportSink> sink = MakeCheckstyleSink(out, ReportOptions{});
  sink->Begin(RunInfo{});
  FileReport clean;
  clean.display = "a&b/Dockerfile";
  clean.scanned = true;
  sink->File(clean);
  Summary summary;
  sink->End(summary);
  EXPECT_NE(out.str().find("  <file name=\"a&amp;b/Dockerfile\"/>\n"), std::string::npos)
      << out.str();
}

TEST(CheckstyleReport, EmptyScan) {
  EXPECT_EQ(Render("checkstyle", testing::EmptyResult()),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
            "</checkstyle>\n");
}

}  // namespace
}  // namespace pf::report
