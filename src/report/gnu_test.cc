#include <gtest/gtest.h>

#include <string>

#include "report/test_sample.h"

namespace pf::report {
namespace {

using testing::Render;
using testing::SampleResult;

TEST(GnuReport, OneLinePerFindingThenErrors) {
  EXPECT_EQ(Render("gnu", SampleResult()),
            "Dockerfile:2:5: error: secret in \xc3\xa9t\xc3\xa9 [DOCKER-SEC-001]\n"
            "compose.yaml:3:5: error: service runs privileged [COMPOSE-SEC-001]\n"
            "odd dir/caf\xc3\xa9,\"q\"%:x/Dockerfile:2:1: note: double quote to prevent globbing "
            "[SHELLCHECK-SC2086]\n"
            "odd dir/caf\xc3\xa9,\"q\"%:x/Dockerfile:2:8: warning: say \"no\", <never> & 100% : "
            "root second line [DOCKER-AUD-003]\n"
            "bin/Dockerfile: error: binary file, \"skipped\" <&>\n");
}

TEST(GnuReport, InfoIsANote) {
  ScanResult r = testing::EmptyResult();
  r.findings.push_back(testing::MakeFinding("Dockerfile", Range{{7, 3}, {7, 4}}, Severity::kInfo,
                                            "DOCKER-BP-101", "line\none\rtwo"));
  EXPECT_EQ(Render("gnu", r), "Dockerfile:7:3: note: line one two [DOCKER-BP-101]\n");
}

TEST(GnuReport, EmptyScanPrintsNothing) { EXPECT_EQ(Render("gnu", testing::EmptyResult()), ""); }

}  // namespace
}  // namespace pf::report
