#include "engine/baseline.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/scan.h"
#include "rules/registry.h"

namespace pf::engine {
namespace {

namespace fs = std::filesystem;

class Collect : public report::ReportSink {
 public:
  void File(report::FileReport& file) override {
    for (const Finding& f : file.findings) findings.push_back(f);
  }
  void End(report::Summary& s) override { summary = s; }
  std::vector<Finding> findings;
  report::Summary summary;
};

fs::path TempDir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void Write(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }

std::string Read(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<BaselineEntry> EntriesOf(const std::vector<Finding>& findings) {
  std::vector<BaselineEntry> out;
  for (const Finding& f : findings) {
    out.push_back({f.fingerprint, f.rule_id, f.file, f.range.start.line, f.message});
  }
  return out;
}

// Scans `dir` with every rule through a baseline filter.
Collect ScanWithBaseline(const fs::path& dir, const std::vector<BaselineEntry>& baseline) {
  ScanOptions options;
  options.project = dir.string();
  options.rules = rules::AllRules();
  options.jobs = 1;
  Collect collect;
  BaselineFilter filter(collect, baseline, "base.json");
  Scan(options, filter);
  return collect;
}

TEST(Baseline, JsonIsSortedAndStable) {
  std::vector<BaselineEntry> entries = {{"bb", "DOCKER-BP-001", "b/Dockerfile", 3, "m2"},
                                        {"aa", "DOCKER-AUD-003", "a/Dockerfile", 9, "m1"}};
  const std::string json = BaselineJson(entries);
  EXPECT_EQ(json, BaselineJson({entries[1], entries[0]}));
  EXPECT_EQ(json,
            "{\n  \"version\": 1,\n  \"tool\": \"pathfinder\",\n  \"findings\": [\n    {\n"
            "      \"fingerprint\": \"aa\",\n      \"rule_id\": \"DOCKER-AUD-003\",\n"
            "      \"file\": \"a/Dockerfile\",\n      \"line\": 9,\n      \"message\": \"m1\"\n"
            "    },\n    {\n      \"fingerprint\": \"bb\",\n      \"rule_id\": \"DOCKER-BP-001\",\n"
            "      \"file\": \"b/Dockerfile\",\n      \"line\": 3,\n      \"message\": \"m2\"\n"
            "    }\n  ]\n}\n");
}

TEST(Baseline, WriteThenReadRoundTrips) {
  fs::path dir = TempDir("pf_baseline_roundtrip");
  std::vector<BaselineEntry> entries = {{"f1", "DOCKER-AUD-003", "Dockerfile", 2, "msg"}};
  std::string error;
  ASSERT_TRUE(WriteBaseline((dir / "b.json").string(), entries, &error)) << error;
  EXPECT_FALSE(fs::exists(dir / fmt::format("b.json.tmp.{}", getpid())));
  std::vector<BaselineEntry> read;
  ASSERT_TRUE(ReadBaseline((dir / "b.json").string(), &read, &error)) << error;
  ASSERT_EQ(read.size(), 1u);
  EXPECT_EQ(read[0].fingerprint, "f1");
  EXPECT_EQ(read[0].line, 2);
  EXPECT_FALSE(WriteBaseline((dir / "missing" / "b.json").string(), entries, &error));
  fs::remove_all(dir);
}

TEST(Baseline, CorruptOrUnknownVersionIsAClearError) {
  fs::path dir = TempDir("pf_baseline_bad");
  std::vector<BaselineEntry> read;
  std::string error;
  Write(dir / "corrupt.json", "{\"version\": 1, \"findings\": [");
  EXPECT_FALSE(ReadBaseline((dir / "corrupt.json").string(), &read, &error));
  EXPECT_NE(error.find("not a pathfinder baseline"), std::string::npos) << error;
  Write(dir / "v2.json", "{\"version\": 2, \"tool\": \"pathfinder\", \"findings\": []}");
  EXPECT_FALSE(ReadBaseline((dir / "v2.json").string(), &read, &error));
  EXPECT_EQ(error, (dir / "v2.json").string() +
                       ": unsupported baseline version 2 (this pathfinder reads version 1)");
  Write(dir / "nofp.json", "{\"version\": 1, \"findings\": [{\"rule_id\": \"X\"}]}");
  EXPECT_FALSE(ReadBaseline((dir / "nofp.json").string(), &read, &error));
  EXPECT_NE(error.find("findings[0] has no fingerprint"), std::string::npos);
  EXPECT_FALSE(ReadBaseline((dir / "absent.json").string(), &read, &error));
  fs::remove_all(dir);
}

TEST(Baseline, FilterMarksKnownFindingsAndCountsUnmatched) {
  fs::path dir = TempDir("pf_baseline_filter");
  Write(dir / "Dockerfile", "FROM nginx:1.27\nEXPOSE 80\n");
  Collect first = ScanWithBaseline(dir, {});
  ASSERT_FALSE(first.findings.empty());
  std::vector<BaselineEntry> baseline = EntriesOf(first.findings);
  baseline.push_back({"0000000000000000", "DOCKER-BP-003", "Dockerfile", 1, "fixed long ago"});
  Write(dir / "Dockerfile", "FROM nginx:1.27\nEXPOSE 80\nEXPOSE 443\n");
  Collect second = ScanWithBaseline(dir, baseline);
  int fresh = 0;
  for (const Finding& f : second.findings) {
    if (!f.suppression) {
      ++fresh;
      EXPECT_EQ(f.range.start.line, 3) << f.rule_id;
      continue;
    }
    EXPECT_EQ(f.suppression->kind, Suppression::Kind::kExternal);
    EXPECT_EQ(f.suppression->justification, "in baseline base.json");
  }
  EXPECT_EQ(fresh, 1);
  EXPECT_EQ(second.summary.baseline_unmatched, 1);
  fs::remove_all(dir);
}

// Fingerprints survive unrelated edits: ten lines inserted at the top and
// a stage renamed.
TEST(Baseline, FingerprintsSurviveInsertedLinesAndStageRename) {
  fs::path dir = TempDir("pf_baseline_edits");
  const std::string body =
      "FROM golang:latest AS builder\n"
      "RUN sudo go build -o /app .\n"
      "FROM debian AS {}\n"
      "COPY --from=builder /app /app\n"
      "RUN apt-get install curl\n"
      "EXPOSE 80\n"
      "CMD /app\n";
  Write(dir / "Dockerfile", fmt::format(fmt::runtime(body), "runtime"));
  Collect before = ScanWithBaseline(dir, {});
  ASSERT_GE(before.findings.size(), 5u);
  std::string header;
  for (int i = 0; i < 10; ++i) header += fmt::format("# note {}\n", i);
  Write(dir / "Dockerfile", header + fmt::format(fmt::runtime(body), "final"));
  Collect after = ScanWithBaseline(dir, EntriesOf(before.findings));
  EXPECT_EQ(after.findings.size(), before.findings.size());
  for (const Finding& f : after.findings) {
    EXPECT_TRUE(f.suppression.has_value()) << f.rule_id << ": " << f.message;
  }
  EXPECT_EQ(after.summary.baseline_unmatched, 0);
  fs::remove_all(dir);
}

TEST(Baseline, WriterSkipsInlineSuppressedAndWritesAtEnd) {
  fs::path dir = TempDir("pf_baseline_writer");
  BaselineWriter writer((dir / "b.json").string());
  report::FileReport file;
  Finding kept;
  kept.rule_id = "DOCKER-AUD-003";
  kept.file = "Dockerfile";
  kept.fingerprint = "aa";
  Finding inline_silenced = kept;
  inline_silenced.fingerprint = "bb";
  inline_silenced.suppression = Suppression{Suppression::Kind::kInSource, "", "pathfinder-ignore"};
  Finding in_baseline = kept;
  in_baseline.fingerprint = "cc";
  in_baseline.suppression = Suppression{Suppression::Kind::kExternal, "", "baseline"};
  file.findings = {kept, inline_silenced, in_baseline};
  writer.File(file);
  EXPECT_FALSE(fs::exists(dir / "b.json"));
  report::Summary summary;
  writer.End(summary);
  ASSERT_TRUE(writer.ok()) << writer.error();
  EXPECT_EQ(writer.written(), 2u);
  const std::string text = Read(dir / "b.json");
  EXPECT_NE(text.find("\"aa\""), std::string::npos);
  EXPECT_EQ(text.find("\"bb\""), std::string::npos);
  EXPECT_NE(text.find("\"cc\""), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace pf::engine
