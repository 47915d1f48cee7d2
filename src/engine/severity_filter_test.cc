#include "engine/severity_filter.h"

#include <gtest/gtest.h>

#include "engine/diff_filter.h"

namespace pf::engine {
namespace {

class Collect : public report::ReportSink {
 public:
  void File(report::FileReport& file) override { findings = file.findings; }
  void End(report::Summary& /*s*/) override {}
  std::vector<Finding> findings;
};

Finding Make(const std::string& rule, Severity severity) {
  Finding f;
  f.rule_id = rule;
  f.severity = severity;
  return f;
}

TEST(SeverityOverrideFilter, ChangesOnlyTheListedRules) {
  Collect collect;
  SeverityOverrideFilter filter(collect, {{"DOCKER-AUD-003", Severity::kLow}});
  report::FileReport file;
  file.findings = {Make("DOCKER-AUD-003", Severity::kMedium),
                   Make("DOCKER-BP-001", Severity::kMedium)};
  filter.File(file);
  ASSERT_EQ(collect.findings.size(), 2u);
  EXPECT_EQ(collect.findings[0].severity, Severity::kLow);
  EXPECT_EQ(collect.findings[1].severity, Severity::kMedium);
}

// Override first, then min-severity: a rule lowered below the threshold is
// dropped (not suppressed), one raised above it is kept.
TEST(SeverityOverrideFilter, MinSeveritySeesTheOverriddenLevel) {
  Collect collect;
  MinSeverityFilter min(collect, Severity::kMedium);
  SeverityOverrideFilter filter(
      min, {{"DOCKER-AUD-003", Severity::kLow}, {"DOCKER-BP-003", Severity::kHigh}});
  report::FileReport file;
  file.findings = {Make("DOCKER-AUD-003", Severity::kMedium),
                   Make("DOCKER-BP-003", Severity::kInfo), Make("DOCKER-BP-001", Severity::kMedium),
                   Make("DOCKER-BP-005", Severity::kLow)};
  filter.File(file);
  ASSERT_EQ(collect.findings.size(), 2u);
  EXPECT_EQ(collect.findings[0].rule_id, "DOCKER-BP-003");
  EXPECT_EQ(collect.findings[0].severity, Severity::kHigh);
  EXPECT_FALSE(collect.findings[0].suppression.has_value());
  EXPECT_EQ(collect.findings[1].rule_id, "DOCKER-BP-001");
}

}  // namespace
}  // namespace pf::engine
