#include "github/inline_review.h"

#include <gtest/gtest.h>

namespace pf::github {
namespace {

PrFinding Finding(std::string rule, std::string severity, std::string path, int line,
                  std::string message = "problem") {
  PrFinding f;
  f.rule_id = std::move(rule);
  f.rule_name = "rule name";
  f.severity = std::move(severity);
  f.path = std::move(path);
  f.line = line;
  f.message = std::move(message);
  return f;
}

TEST(InlineMarker, Format) {
  EXPECT_EQ(InlineMarker(Finding("DOCKER-SEC-001", "high", "app/Dockerfile", 7)),
            "<!-- cpf-DOCKER-SEC-001-app/Dockerfile-7 -->");
  // A path that could close the HTML comment early is made harmless.
  EXPECT_EQ(InlineMarker(Finding("R", "low", "a-->b", 1)), "<!-- cpf-R-a-__b-1 -->");
}

TEST(FindInlineMarker, SkipsFixedMarker) {
  EXPECT_EQ(FindInlineMarker("text <!-- cpf-R-p-1 --> more"), "<!-- cpf-R-p-1 -->");
  EXPECT_EQ(FindInlineMarker("<!-- cpf-fixed -->\n<!-- cpf-R-p-2 -->"), "<!-- cpf-R-p-2 -->");
  EXPECT_EQ(FindInlineMarker("<!-- code-pathfinder-summary -->"), std::nullopt);
  EXPECT_EQ(FindInlineMarker("<!-- cpf-unterminated"), std::nullopt);
}

TEST(FixedBody, KeepsMarkerAndQuotesOldText) {
  std::string marker = "<!-- cpf-R-p-1 -->";
  std::string fixed = FixedBody(marker, marker + "\nold words\n", "abc123");
  EXPECT_EQ(fixed.rfind(marker, 0), 0u);
  EXPECT_NE(fixed.find("Fixed in abc123"), std::string::npos);
  EXPECT_NE(fixed.find("old words"), std::string::npos);
  EXPECT_EQ(fixed.find(marker, 1), std::string::npos) << "marker quoted twice";
  EXPECT_TRUE(IsMarkedFixed(fixed));
  EXPECT_FALSE(IsMarkedFixed(marker + "\nold words\n"));
  EXPECT_EQ(FindInlineMarker(fixed), marker);
}

TEST(PlanInline, CreatesOnlyOnDiffLines) {
  DiffLines diff = {{"Dockerfile", {1, 2, 3}}};
  std::vector<PrFinding> findings = {
      Finding("A", "low", "Dockerfile", 2), Finding("B", "critical", "Dockerfile", 9),
      Finding("C", "high", "other/Dockerfile", 1), Finding("D", "info", "Dockerfile", 0)};
  InlinePlan plan = PlanInline(findings, diff, {}, "sha", 50);
  ASSERT_EQ(plan.create.size(), 1u);
  EXPECT_EQ(plan.create[0].path, "Dockerfile");
  EXPECT_EQ(plan.create[0].line, 2);
  EXPECT_EQ(plan.create[0].body.rfind("<!-- cpf-A-Dockerfile-2 -->\n", 0), 0u);
  ASSERT_EQ(plan.not_inline.size(), 3u);
  EXPECT_EQ(plan.not_inline[0].rule_id, "B");
  EXPECT_EQ(plan.not_inline[1].rule_id, "C");
  EXPECT_EQ(plan.not_inline[2].rule_id, "D");
  EXPECT_TRUE(plan.update.empty());
  EXPECT_TRUE(plan.mark_fixed.empty());
}

TEST(PlanInline, SameMarkerSharesOneComment) {
  DiffLines diff = {{"Dockerfile", {4}}};
  InlinePlan plan = PlanInline({Finding("A", "low", "Dockerfile", 4, "first"),
                                Finding("A", "low", "Dockerfile", 4, "second")},
                               diff, {}, "sha", 50);
  ASSERT_EQ(plan.create.size(), 1u);
  EXPECT_NE(plan.create[0].body.find("first"), std::string::npos);
  EXPECT_NE(plan.create[0].body.find("second"), std::string::npos);
  EXPECT_EQ(plan.create[0].findings.size(), 2u);
}

TEST(PlanInline, ExistingCommentUpdatedOnlyWhenTextChanged) {
  PrFinding f = Finding("A", "high", "Dockerfile", 2, "now");
  std::string marker = InlineMarker(f);
  DiffLines diff = {{"Dockerfile", {2}}};
  std::vector<ReviewComment> same = {{7, InlineBody(marker, {f})}};
  InlinePlan plan = PlanInline({f}, diff, same, "sha", 50);
  EXPECT_TRUE(plan.create.empty());
  EXPECT_TRUE(plan.update.empty());
  EXPECT_TRUE(plan.not_inline.empty());

  std::vector<ReviewComment> changed = {{7, marker + "\nold text\n"}};
  plan = PlanInline({f}, diff, changed, "sha", 50);
  EXPECT_TRUE(plan.create.empty());
  ASSERT_EQ(plan.update.size(), 1u);
  EXPECT_EQ(plan.update[0].id, 7);
  EXPECT_EQ(plan.update[0].body, InlineBody(marker, {f}));
}

TEST(PlanInline, GoneFindingMarkedFixedOnce) {
  std::vector<ReviewComment> existing = {{5, "<!-- cpf-OLD-Dockerfile-3 -->\nold"},
                                         {6, "a person's comment"}};
  InlinePlan plan = PlanInline({}, {}, existing, "headsha", 50);
  ASSERT_EQ(plan.mark_fixed.size(), 1u);
  EXPECT_EQ(plan.mark_fixed[0].id, 5);
  EXPECT_NE(plan.mark_fixed[0].body.find("Fixed in headsha"), std::string::npos);

  existing[0].body = plan.mark_fixed[0].body;
  plan = PlanInline({}, {}, existing, "later", 50);
  EXPECT_TRUE(plan.mark_fixed.empty());
}

TEST(PlanInline, FindingBackOnFixedCommentReopensIt) {
  PrFinding f = Finding("A", "high", "Dockerfile", 2);
  std::string marker = InlineMarker(f);
  std::vector<ReviewComment> existing = {{5, FixedBody(marker, marker + "\nold", "sha1")}};
  InlinePlan plan = PlanInline({f}, {{"Dockerfile", {2}}}, existing, "sha2", 50);
  ASSERT_EQ(plan.update.size(), 1u);
  EXPECT_FALSE(IsMarkedFixed(plan.update[0].body));
  EXPECT_TRUE(plan.mark_fixed.empty());
}

TEST(PlanInline, LimitKeepsTheMostSevere) {
  DiffLines diff = {{"Dockerfile", {1, 2, 3}}};
  InlinePlan plan =
      PlanInline({Finding("L", "low", "Dockerfile", 1), Finding("C", "critical", "Dockerfile", 3),
                  Finding("M", "medium", "Dockerfile", 2)},
                 diff, {}, "sha", 2);
  ASSERT_EQ(plan.create.size(), 2u);
  EXPECT_EQ(plan.create[0].findings[0].rule_id, "C");
  EXPECT_EQ(plan.create[1].findings[0].rule_id, "M");
  ASSERT_EQ(plan.not_inline.size(), 1u);
  EXPECT_EQ(plan.not_inline[0].rule_id, "L");
}

}  // namespace
}  // namespace pf::github
