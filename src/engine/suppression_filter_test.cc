#include "engine/suppression_filter.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "engine/scan.h"
#include "rules/registry.h"

namespace pf::engine {
namespace {

// Keeps what reaches the end of the chain.
class Collect : public report::ReportSink {
 public:
  void File(report::FileReport& file) override {
    for (const Finding& f : file.findings) findings.push_back(f);
  }
  void End(report::Summary& s) override { summary = s; }
  std::vector<Finding> findings;
  report::Summary summary;
};

struct Outcome {
  std::vector<Finding> findings;
  report::Summary summary;
  std::vector<std::string> notes;
  const Finding* Find(const std::string& rule, int line) const {
    for (const Finding& f : findings) {
      if (f.rule_id == rule && f.range.start.line == line) return &f;
    }
    return nullptr;
  }
};

// Scans one text with every rule and passes it through the filter.
Outcome Filtered(const std::string& name, const std::string& text) {
  auto kind =
      name.ends_with(".yml") ? discover::FileKind::kCompose : discover::FileKind::kDockerfile;
  ScanResult scanned = ScanText(name, text, rules::AllRules(), {}, kind);
  Outcome out;
  Collect collect;
  SuppressionFilter filter(collect, [&](std::string_view note) { out.notes.emplace_back(note); });
  report::RunInfo info;
  info.rules = rules::AllRules();
  filter.Begin(info);
  report::FileReport file;
  file.display = name;
  file.source = std::make_shared<const SourceFile>(name, text);
  file.findings = scanned.findings;
  file.scanned = true;
  filter.File(file);
  report::Summary summary;
  filter.End(summary);
  out.findings = collect.findings;
  out.summary = collect.summary;
  return out;
}

TEST(SuppressionFilter, IgnoreCommentSilencesTheNextInstructionOnly) {
  Outcome o = Filtered("Dockerfile",
                       "FROM nginx:1.27\n"
                       "# pathfinder-ignore DOCKER-AUD-003 -- served behind a proxy\n"
                       "EXPOSE 80\n"
                       "EXPOSE 443\n");
  const Finding* first = o.Find("DOCKER-AUD-003", 3);
  ASSERT_NE(first, nullptr);
  ASSERT_TRUE(first->suppression.has_value());
  EXPECT_EQ(first->suppression->kind, Suppression::Kind::kInSource);
  EXPECT_EQ(first->suppression->justification, "served behind a proxy");
  EXPECT_EQ(first->suppression->origin, "pathfinder-ignore");
  const Finding* second = o.Find("DOCKER-AUD-003", 4);
  ASSERT_NE(second, nullptr);
  EXPECT_FALSE(second->suppression.has_value());
  EXPECT_TRUE(o.summary.unused_suppressions.empty());
  EXPECT_TRUE(o.notes.empty());
}

TEST(SuppressionFilter, CommaListCoversAMultiLineInstruction) {
  Outcome o = Filtered("Dockerfile",
                       "FROM debian:12\n"
                       "# pathfinder-ignore DOCKER-BP-005, DOCKER-BP-021 -- minimal image\n"
                       "RUN apt-get update && \\\n"
                       "    apt-get install curl && rm -rf /var/lib/apt/lists/*\n");
  int suppressed = 0;
  for (const Finding& f : o.findings) {
    if (f.rule_id == "DOCKER-BP-005" || f.rule_id == "DOCKER-BP-021") {
      EXPECT_TRUE(f.suppression.has_value()) << f.rule_id;
      ++suppressed;
    }
  }
  EXPECT_EQ(suppressed, 2);
}

TEST(SuppressionFilter, FileLevelIgnoreBeforeTheFirstInstruction) {
  Outcome o = Filtered("Dockerfile",
                       "# pathfinder-ignore-file DOCKER-AUD-003 -- a proxy image\n"
                       "FROM nginx:1.27\nEXPOSE 80\nEXPOSE 443\n");
  for (const Finding& f : o.findings) {
    if (f.rule_id == "DOCKER-AUD-003") {
      EXPECT_TRUE(f.suppression.has_value());
    }
  }
  Outcome late = Filtered("Dockerfile",
                          "FROM nginx:1.27\n# pathfinder-ignore-file DOCKER-AUD-003 -- late\n"
                          "EXPOSE 80\n");
  EXPECT_FALSE(late.Find("DOCKER-AUD-003", 3)->suppression.has_value());
  ASSERT_EQ(late.summary.errors.size(), 1u);
  EXPECT_NE(late.summary.errors[0].message.find("before the first instruction"), std::string::npos);
}

TEST(SuppressionFilter, UnusedSuppressionIsReportedWithItsPosition) {
  Outcome o = Filtered("Dockerfile",
                       "FROM nginx:1.27\n"
                       "# pathfinder-ignore DOCKER-AUD-003, DOCKER-BP-003 -- legacy\n"
                       "EXPOSE 80\n");
  ASSERT_EQ(o.summary.unused_suppressions.size(), 1u);
  const report::UnusedSuppression& u = o.summary.unused_suppressions[0];
  EXPECT_EQ(u.rule_id, "DOCKER-BP-003");
  EXPECT_EQ(u.file, "Dockerfile");
  EXPECT_EQ(u.line, 2);
  EXPECT_EQ(u.column, 37);
}

TEST(SuppressionFilter, UnknownRuleIsAnErrorAndSilencesNothing) {
  Outcome o = Filtered("Dockerfile",
                       "FROM nginx:1.27\n# pathfinder-ignore DOCKER-AUD-03 -- typo\nEXPOSE 80\n");
  EXPECT_FALSE(o.Find("DOCKER-AUD-003", 3)->suppression.has_value());
  ASSERT_EQ(o.summary.errors.size(), 1u);
  EXPECT_EQ(o.summary.errors[0].message,
            "2:21: pathfinder-ignore names unknown rule 'DOCKER-AUD-03'; did you mean "
            "'DOCKER-AUD-003'?");
  ASSERT_EQ(o.summary.unused_suppressions.size(), 1u);
  EXPECT_EQ(o.summary.unused_suppressions[0].rule_id, "DOCKER-AUD-03");
  Outcome all = Filtered("Dockerfile", "FROM nginx:1.27\n# pathfinder-ignore all\nEXPOSE 80\n");
  EXPECT_FALSE(all.Find("DOCKER-AUD-003", 3)->suppression.has_value());
  ASSERT_EQ(all.summary.errors.size(), 1u);
}

TEST(SuppressionFilter, MissingReasonIsAcceptedWithANote) {
  Outcome o =
      Filtered("Dockerfile", "FROM nginx:1.27\n# pathfinder-ignore DOCKER-AUD-003\nEXPOSE 80\n");
  const Finding* f = o.Find("DOCKER-AUD-003", 3);
  ASSERT_TRUE(f->suppression.has_value());
  EXPECT_EQ(f->suppression->justification, "");
  ASSERT_EQ(o.notes.size(), 1u);
  EXPECT_EQ(o.notes[0], "Dockerfile:2: pathfinder-ignore without a reason; write one after ' -- '");
}

TEST(SuppressionFilter, HonoursHadolintCodesWeMap) {
  Outcome o = Filtered("Dockerfile",
                       "FROM debian:12\n"
                       "USER app\n"
                       "# hadolint ignore=DL3004,SC2086\n"
                       "RUN sudo make\n"
                       "RUN sudo make install\n");
  const Finding* first = o.Find("DOCKER-SEC-007", 4);
  ASSERT_NE(first, nullptr);
  ASSERT_TRUE(first->suppression.has_value());
  EXPECT_EQ(first->suppression->origin, "hadolint");
  EXPECT_FALSE(o.Find("DOCKER-SEC-007", 5)->suppression.has_value());
  // Other tools' comments are not ours to call unused.
  Outcome unused = Filtered("Dockerfile", "FROM debian:12\n# hadolint ignore=DL3004\nUSER app\n");
  EXPECT_TRUE(unused.summary.unused_suppressions.empty());
  Outcome global =
      Filtered("Dockerfile", "# hadolint global ignore=DL3004\nFROM debian:12\nRUN sudo a\n");
  EXPECT_TRUE(global.Find("DOCKER-SEC-007", 3)->suppression.has_value());
}

TEST(SuppressionFilter, HonoursBuildKitCheckSkip) {
  const std::string body = "FROM debian:12\nMAINTAINER me\nCMD echo hi\n";
  Outcome o = Filtered("Dockerfile", "# check=skip=JSONArgsRecommended;error=true\n" + body);
  EXPECT_TRUE(o.Find("DOCKER-BP-016", 4)->suppression.has_value());
  EXPECT_EQ(o.Find("DOCKER-BP-016", 4)->suppression->origin, "check=skip");
  EXPECT_FALSE(o.Find("DOCKER-BP-003", 3)->suppression.has_value());
  Outcome all = Filtered("Dockerfile", "# check=skip=all\n" + body);
  EXPECT_TRUE(all.Find("DOCKER-BP-016", 4)->suppression.has_value());
  EXPECT_TRUE(all.Find("DOCKER-BP-003", 3)->suppression.has_value());
}

TEST(SuppressionFilter, ComposeKeyLineAndServiceLine) {
  Outcome o = Filtered("compose.yml",
                       "services:\n"
                       "  web:  # pathfinder-ignore COMPOSE-SEC-006 -- writes its cache\n"
                       "    image: nginx:1.27\n"
                       "    ports:\n"
                       "      - \"80:8080\"  # pathfinder-ignore COMPOSE-SEC-100 -- the proxy\n"
                       "  db:\n"
                       "    image: postgres:16\n"
                       "    ports:\n"
                       "      - \"81:8080\"\n");
  int web = 0;
  for (const Finding& f : o.findings) {
    if (f.rule_id == "COMPOSE-SEC-006" && f.service == "web") {
      EXPECT_TRUE(f.suppression.has_value());
      ++web;
    }
    if (f.rule_id == "COMPOSE-SEC-006" && f.service == "db") {
      EXPECT_FALSE(f.suppression.has_value());
    }
  }
  EXPECT_EQ(web, 1);
  ASSERT_NE(o.Find("COMPOSE-SEC-100", 5), nullptr);
  EXPECT_EQ(o.Find("COMPOSE-SEC-100", 5)->suppression->justification, "the proxy");
  EXPECT_FALSE(o.Find("COMPOSE-SEC-100", 9)->suppression.has_value());
  EXPECT_TRUE(o.summary.unused_suppressions.empty());
}

TEST(SuppressionFilter, ComposeHashInsideQuotesIsNoComment) {
  Outcome o = Filtered(
      "compose.yml",
      "services:\n  web:\n    image: nginx:1.27\n    ports:\n"
      "      - \"80:8080\"\n    command: \"echo '# pathfinder-ignore COMPOSE-SEC-100'\"\n");
  EXPECT_FALSE(o.Find("COMPOSE-SEC-100", 5)->suppression.has_value());
}

// docs/suppressions.md documents the mapping table row by row.
TEST(ForeignCodes, EveryMappingIsDocumentedAndNamesARule) {
  std::ifstream in(std::filesystem::path(PF_SOURCE_DIR) / "docs" / "suppressions.md");
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
  ASSERT_FALSE(doc.empty());
  for (const ForeignCode& code : ForeignCodes()) {
    std::string row = fmt::format("| `{}` |", code.code);
    EXPECT_NE(doc.find(row), std::string::npos) << code.code;
    for (std::string_view id : code.rule_ids) {
      EXPECT_NE(rules::FindRule(id), nullptr) << id;
    }
  }
}

}  // namespace
}  // namespace pf::engine
