#include "engine/scan.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "rules/registry.h"

namespace pf::engine {
namespace {

rules::Rule MakeRule(std::string_view id, rules::DockerCheck check) {
  rules::Rule rule;
  rule.meta.id = id;
  rule.meta.name = "Test";
  rule.meta.severity = Severity::kLow;
  rule.docker = check;
  return rule;
}

const rules::Rule kThrows = MakeRule(
    "TEST-THROW-001",
    [](const rules::DockerContext&, rules::Emitter&) { throw std::runtime_error("boom"); });

// Reports the same text twice: the fingerprints must still differ.
const rules::Rule kTwice =
    MakeRule("TEST-TWICE-001", [](const rules::DockerContext&, rules::Emitter& e) {
      e.Report(Range{{1, 1}, {1, 5}}, "first", "same");
      e.Report(Range{{1, 1}, {1, 5}}, "second", "same");
    });

const rules::Rule* SyntaxRule() { return rules::FindRule("DOCKER-COR-100"); }

TEST(ScanText, ThrowingRuleBecomesAnError) {
  ScanResult r = ScanText("Dockerfile", "FROM alpine:3.20\n", {&kThrows, &kTwice});
  EXPECT_EQ(r.files_scanned, 1);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].file, "Dockerfile");
  EXPECT_NE(r.errors[0].message.find("TEST-THROW-001"), std::string::npos);
  EXPECT_NE(r.errors[0].message.find("boom"), std::string::npos);
  EXPECT_EQ(r.findings.size(), 2u);  // the other rule still ran
}

TEST(ScanText, EqualFingerprintsAreMadeUnique) {
  ScanResult r = ScanText("Dockerfile", "FROM alpine:3.20\n", {&kTwice});
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_NE(r.findings[0].fingerprint, r.findings[1].fingerprint);
  EXPECT_EQ(r.findings[1].fingerprint, r.findings[0].fingerprint + "-1");
  EXPECT_EQ(r.sources.count("Dockerfile"), 1u);
}

TEST(ScanText, EmptyFileIsASyntaxFinding) {
  ASSERT_NE(SyntaxRule(), nullptr);
  ScanResult r = ScanText("Dockerfile", "", {SyntaxRule()});
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].rule_id, "DOCKER-COR-100");
  EXPECT_EQ(r.findings[0].range.start, (Position{1, 1}));
  EXPECT_TRUE(ScanText("Dockerfile", "", {&kTwice}).findings.empty());
}

TEST(ScanText, ParseErrorIsASyntaxFindingAtItsPosition) {
  ScanResult r = ScanText("Dockerfile", "FROM alpine:3.20\nENV NAME\n", {SyntaxRule(), &kTwice});
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].rule_id, "DOCKER-COR-100");
  EXPECT_EQ(r.findings[0].range.start.line, 2);
  EXPECT_TRUE(r.errors.empty());
}

TEST(ScanText, BinaryIsSkippedWithAnError) {
  ScanResult r = ScanText("Dockerfile", std::string("FROM a\0", 7), {&kTwice});
  EXPECT_EQ(r.files_scanned, 0);
  EXPECT_TRUE(r.findings.empty());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].message.find("binary"), std::string::npos);
}

TEST(ScanText, ComposeTextIsLoaded) {
  ScanResult ok = ScanText("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n",
                           rules::AllRules(), {}, discover::FileKind::kCompose);
  EXPECT_EQ(ok.files_scanned, 1);
  EXPECT_TRUE(ok.errors.empty());
  ScanResult bad = ScanText("compose.yaml", "services: [\n", rules::AllRules(), {},
                            discover::FileKind::kCompose);
  EXPECT_EQ(bad.files_scanned, 1);
  EXPECT_TRUE(bad.errors.empty());
  ASSERT_EQ(bad.findings.size(), 1u);
  EXPECT_EQ(bad.findings[0].rule_id, "COMPOSE-COR-100");
  EXPECT_EQ(bad.findings[0].file, "compose.yaml");
}

TEST(Scan, SameResultWhateverTheJobs) {
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / ("pf-engine-" + std::to_string(getpid()));
  fs::remove_all(root);
  for (int i = 0; i < 25; ++i) {
    fs::create_directories(root / std::to_string(i % 4));
    std::ofstream(root / std::to_string(i % 4) / ("Dockerfile." + std::to_string(i)))
        << "FROM alpine:3.20\nEXPOSE " << (i % 3 == 0 ? "80" : "8080") << "\n";
  }
  std::ofstream(root / "Dockerfile.big") << "FROM alpine:3.20\n" << std::string(2048, '#') << "\n";
  auto run = [&](int jobs) {
    ScanOptions o;
    o.project = root.string();
    o.rules = rules::AllRules();
    o.jobs = jobs;
    o.max_file_size = 1024;
    return Scan(o);
  };
  ScanResult one = run(1);
  ScanResult many = run(8);
  fs::remove_all(root);
  EXPECT_EQ(one.files_scanned, 25);
  ASSERT_EQ(one.errors.size(), 1u);
  EXPECT_NE(one.errors[0].message.find("file too large"), std::string::npos);
  ASSERT_EQ(one.findings.size(), many.findings.size());
  ASSERT_FALSE(one.findings.empty());
  for (std::size_t i = 0; i < one.findings.size(); ++i) {
    EXPECT_EQ(one.findings[i].file, many.findings[i].file);
    EXPECT_EQ(one.findings[i].rule_id, many.findings[i].rule_id);
    EXPECT_EQ(one.findings[i].fingerprint, many.findings[i].fingerprint);
  }
}

TEST(Scan, MissingProjectIsAnError) {
  ScanOptions o;
  o.project = "/nonexistent/pf-project";
  ScanResult r = Scan(o);
  EXPECT_EQ(r.files_scanned, 0);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].message.find("No such file"), std::string::npos);
}

}  // namespace
}  // namespace pf::engine
