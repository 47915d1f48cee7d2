// Adopting pathfinder on an existing repository, end to end through the
// binary: the project's config, suppression comments, the baseline, and
// the README's three-step path.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "e2e_util.h"

namespace pf::e2e {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr const char* kProxyDockerfile =
    "FROM nginx:1.27\n"
    "# pathfinder-ignore DOCKER-AUD-003 -- served behind a proxy\n"
    "EXPOSE 80\n"
    "USER nginx\n";

Json JsonOf(const RunResult& r) {
  Json doc = Json::parse(r.out, nullptr, false);
  EXPECT_FALSE(doc.is_discarded()) << r.out << r.err;
  return doc;
}

// The results of one rule in a JSON report.
std::vector<Json> ResultsOf(const Json& doc, const std::string& rule) {
  std::vector<Json> out;
  if (!doc.contains("results")) return out;
  for (const Json& r : doc["results"]) {
    if (r["rule_id"] == rule) out.push_back(r);
  }
  return out;
}

TEST(AdoptionConfig, FoundInTheProjectRoot) {
  TempDir dir;
  dir.Write("Dockerfile",
            "FROM nginx:1.27\nMAINTAINER someone\nEXPOSE 80\nEXPOSE 25\nUSER nginx\n");
  dir.Write(".pathfinder.yml",
            "fail-on: [critical]\n"
            "rules:\n"
            "  DOCKER-AUD-003:\n"
            "    allowed_ports: [80]\n"
            "  DOCKER-BP-003:\n"
            "    severity: critical\n");
  RunResult r = RunPathfinder({"scan", "-p", dir.path(), "-o", "json"});
  EXPECT_EQ(r.exit_code, 1) << r.err;  // MAINTAINER raised to critical, fail-on critical
  Json doc = JsonOf(r);
  std::vector<Json> ports = ResultsOf(doc, "DOCKER-AUD-003");
  ASSERT_EQ(ports.size(), 1u);
  EXPECT_EQ(ports[0]["location"]["line"], 4);
  std::vector<Json> maintainer = ResultsOf(doc, "DOCKER-BP-003");
  ASSERT_EQ(maintainer.size(), 1u);
  EXPECT_EQ(maintainer[0]["severity"], "critical");

  // --no-config: defaults again, both ports reported, no gate.
  RunResult plain = RunPathfinder({"scan", "-p", dir.path(), "-o", "json", "--no-config"});
  EXPECT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(ResultsOf(JsonOf(plain), "DOCKER-AUD-003").size(), 2u);
  EXPECT_EQ(ResultsOf(JsonOf(plain), "DOCKER-BP-003")[0]["severity"], "info");

  // A flag wins over the file.
  RunResult flag = RunPathfinder(
      {"scan", "-p", dir.path(), "--fail-on", "high", "--ignore", "DOCKER-BP-003", "-o", "json"});
  EXPECT_EQ(flag.exit_code, 0) << flag.err;
  EXPECT_TRUE(ResultsOf(JsonOf(flag), "DOCKER-BP-003").empty());
}

TEST(AdoptionConfig, MinSeverityFromConfigDropsLowerFindings) {
  TempDir dir;
  dir.Write("Dockerfile", "FROM nginx:1.27\nMAINTAINER someone\nUSER nginx\n");
  dir.Write(".pathfinder.yml", "min-severity: medium\n");
  Json doc = JsonOf(RunPathfinder({"scan", "-p", ".", "-o", "json"}, dir.path()));
  for (const Json& r : doc["results"]) {
    EXPECT_NE(r["severity"], "low") << r["rule_id"];
    EXPECT_NE(r["severity"], "info") << r["rule_id"];
  }
  EXPECT_EQ(doc["summary"]["suppressed"]["inline"], 0);
}

TEST(AdoptionConfig, BadConfigExitsTwoWithItsPosition) {
  TempDir dir;
  dir.Write("Dockerfile", "FROM nginx:1.27\n");
  dir.Write(".pathfinder.yml", "fail-on: high\nrulez:\n  DOCKER-AUD-003: {}\n");
  RunResult r = RunPathfinder({"scan", "-p", "."}, dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(".pathfinder.yml:2:1: unknown key 'rulez'; did you mean 'rules'?"),
            std::string::npos)
      << r.err;

  dir.Write(".pathfinder.yml", "rules:\n  DOCKER-AUD-003:\n    allowed_ports: [eighty]\n");
  r = RunPathfinder({"scan", "-p", "."}, dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(".pathfinder.yml:3:21: DOCKER-AUD-003.allowed_ports: expected a list of "
                       "port numbers 1-65535, got 'eighty'"),
            std::string::npos)
      << r.err;

  dir.Write("other.yml", "rules: [unclosed\n");
  r = RunPathfinder({"scan", "-p", ".", "--config", "other.yml"}, dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("other.yml:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("not valid YAML"), std::string::npos) << r.err;
}

TEST(AdoptionConfig, PrintShowsOriginsAndInitWritesALoadableFile) {
  TempDir dir;
  dir.Write("Dockerfile", "FROM nginx:1.27\n");
  RunResult init = RunPathfinder({"config", "init", "-p", "."}, dir.path());
  EXPECT_EQ(init.exit_code, 0) << init.err;
  ASSERT_TRUE(fs::exists(fs::path(dir.path()) / ".pathfinder.yml"));
  RunResult again = RunPathfinder({"config", "init", "-p", "."}, dir.path());
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("already exists"), std::string::npos);

  RunResult print =
      RunPathfinder({"config", "print", "-p", ".", "--min-severity", "low"}, dir.path());
  EXPECT_EQ(print.exit_code, 0) << print.err;
  EXPECT_NE(print.out.find("fail-on: [\"critical\", \"high\"]"), std::string::npos) << print.out;
  EXPECT_NE(print.out.find("# .pathfinder.yml:"), std::string::npos) << print.out;
  EXPECT_NE(print.out.find("min-severity: low"), std::string::npos) << print.out;
  EXPECT_NE(print.out.find("# command line"), std::string::npos) << print.out;
  EXPECT_NE(print.out.find("allowed_ports: []"), std::string::npos) << print.out;

  // The starter's gate works: a high finding fails the scan.
  RunResult scan = RunPathfinder({"scan", "-p", "."}, dir.path());
  EXPECT_EQ(scan.exit_code, 1) << scan.out;  // DOCKER-SEC-001 (no USER) is high
}

TEST(AdoptionSuppression, ReasonIsShownInJsonAndCountedInText) {
  TempDir dir;
  dir.Write("Dockerfile", kProxyDockerfile);
  Json doc = JsonOf(RunPathfinder({"scan", "-p", ".", "-o", "json"}, dir.path()));
  std::vector<Json> ports = ResultsOf(doc, "DOCKER-AUD-003");
  ASSERT_EQ(ports.size(), 1u);
  EXPECT_EQ(ports[0]["suppressed"]["justification"], "served behind a proxy");
  EXPECT_EQ(ports[0]["suppressed"]["origin"], "pathfinder-ignore");
  EXPECT_EQ(doc["summary"]["suppressed"]["inline"], 1);

  RunResult text = RunPathfinder({"scan", "-p", ".", "--no-color"}, dir.path());
  EXPECT_NE(text.out.find("Suppressed:    1 (1 inline, 0 baseline)"), std::string::npos)
      << text.out;
  EXPECT_EQ(text.out.find("[DOCKER-AUD-003]"), std::string::npos) << text.out;

  RunResult sarif = RunPathfinder({"scan", "-p", ".", "-o", "sarif"}, dir.path());
  if (sarif.exit_code == 2 && sarif.err.find("unknown format") != std::string::npos) {
    GTEST_SKIP() << "no SARIF reporter";
  }
  Json log = JsonOf(sarif);
  int suppressed = 0;
  for (const Json& result : log["runs"][0]["results"]) {
    if (!result.contains("suppressions")) continue;
    ++suppressed;
    EXPECT_EQ(result["ruleId"], "DOCKER-AUD-003");
    EXPECT_EQ(result["suppressions"][0]["kind"], "inSource");
    EXPECT_EQ(result["suppressions"][0]["justification"], "served behind a proxy");
  }
  EXPECT_EQ(suppressed, 1);
}

TEST(AdoptionSuppression, NoInlineIgnoreFlagAndConfigHonourNone) {
  TempDir dir;
  dir.Write("Dockerfile", kProxyDockerfile);
  Json flag =
      JsonOf(RunPathfinder({"scan", "-p", ".", "-o", "json", "--no-inline-ignore"}, dir.path()));
  ASSERT_EQ(ResultsOf(flag, "DOCKER-AUD-003").size(), 1u);
  EXPECT_FALSE(ResultsOf(flag, "DOCKER-AUD-003")[0].contains("suppressed"));
  dir.Write(".pathfinder.yml", "inline-ignore: false\n");
  Json config = JsonOf(RunPathfinder({"scan", "-p", ".", "-o", "json"}, dir.path()));
  EXPECT_FALSE(ResultsOf(config, "DOCKER-AUD-003")[0].contains("suppressed"));
}

TEST(AdoptionSuppression, UnusedAndUnknownAreReported) {
  TempDir dir;
  dir.Write("Dockerfile",
            "FROM nginx:1.27\n"
            "# pathfinder-ignore DOCKER-BP-003 -- no MAINTAINER here\n"
            "EXPOSE 8080\n"
            "# pathfinder-ignore DOCKER-AUD-03 -- typo\n"
            "EXPOSE 80\n");
  Json doc = JsonOf(RunPathfinder({"scan", "-p", ".", "-o", "json"}, dir.path()));
  const Json& unused = doc["summary"]["unused_suppressions"];
  ASSERT_EQ(unused.size(), 2u) << unused.dump();
  EXPECT_EQ(unused[0]["rule_id"], "DOCKER-BP-003");
  EXPECT_EQ(unused[0]["line"], 2);
  EXPECT_EQ(unused[0]["column"], 21);
  EXPECT_EQ(unused[1]["rule_id"], "DOCKER-AUD-03");
  ASSERT_EQ(ResultsOf(doc, "DOCKER-AUD-003").size(), 1u);
  EXPECT_FALSE(ResultsOf(doc, "DOCKER-AUD-003")[0].contains("suppressed"));
  bool named = false;
  for (const Json& e : doc["errors"]) {
    named = named || e["message"].get<std::string>().find("did you mean 'DOCKER-AUD-003'") !=
                         std::string::npos;
  }
  EXPECT_TRUE(named) << doc["errors"].dump();

  RunResult text = RunPathfinder({"scan", "-p", ".", "--no-color"}, dir.path());
  EXPECT_NE(text.out.find("Unused suppressions (2)"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Dockerfile:2:21: DOCKER-BP-003 matches no finding"), std::string::npos)
      << text.out;
}

TEST(AdoptionBaseline, WriteThenReadNewFindingsAndPruning) {
  TempDir dir;
  dir.Write("Dockerfile", "FROM nginx:1.27\nEXPOSE 80\nUSER nginx\n");
  RunResult write = RunPathfinder(
      {"scan", "-p", ".", "--fail-on", "medium", "--write-baseline", "base.json"}, dir.path());
  EXPECT_EQ(write.exit_code, 0) << write.err;
  Json baseline = Json::parse(ReadFileText(dir.path() + "/base.json"));
  EXPECT_EQ(baseline["version"], 1);
  EXPECT_EQ(baseline["tool"], "pathfinder");
  ASSERT_GE(baseline["findings"].size(), 2u);
  // Same tree: everything is known.
  RunResult same = RunPathfinder(
      {"scan", "-p", ".", "--fail-on", "medium", "--baseline", "base.json"}, dir.path());
  EXPECT_EQ(same.exit_code, 0) << same.out;
  // A new finding is reported and fails; the known ones stay suppressed.
  dir.Write("Dockerfile", "FROM nginx:1.27\nEXPOSE 80\nEXPOSE 443\nUSER nginx\n");
  RunResult fresh = RunPathfinder(
      {"scan", "-p", ".", "--fail-on", "medium", "--baseline", "base.json", "-o", "json"},
      dir.path());
  EXPECT_EQ(fresh.exit_code, 1);
  Json doc = JsonOf(fresh);
  int reported = 0;
  for (const Json& r : doc["results"]) {
    if (r.contains("suppressed")) {
      EXPECT_EQ(r["suppressed"]["kind"], "external");
      EXPECT_EQ(r["suppressed"]["justification"], "in baseline base.json");
    } else {
      ++reported;
      EXPECT_EQ(r["location"]["line"], 3) << r.dump();
    }
  }
  EXPECT_EQ(reported, 1);
  // Fixing a known finding leaves its entry unmatched: the summary says so.
  dir.Write("Dockerfile", "FROM nginx:1.27\nUSER nginx\n");
  RunResult fixed =
      RunPathfinder({"scan", "-p", ".", "--baseline", "base.json", "--no-color"}, dir.path());
  EXPECT_NE(fixed.out.find("Baseline:      1 entries no longer match"), std::string::npos)
      << fixed.out;
  // Corrupt or foreign baselines are errors, not empty baselines.
  dir.Write("bad.json", "{\"version\": 7, \"findings\": []}");
  RunResult bad = RunPathfinder({"scan", "-p", ".", "--baseline", "bad.json"}, dir.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("bad.json: unsupported baseline version 7"), std::string::npos) << bad.err;
}

TEST(AdoptionBaseline, SurvivesTenInsertedLinesAndAStageRename) {
  TempDir dir;
  const std::string body =
      "FROM golang:latest AS {}\n"
      "RUN sudo go build -o /app .\n"
      "FROM debian\n"
      "COPY --from={} /app /app\n"
      "RUN apt-get install curl\n"
      "EXPOSE 80\n"
      "CMD /app\n";
  dir.Write("Dockerfile", fmt::format(fmt::runtime(body), "builder", "builder"));
  RunResult write = RunPathfinder({"scan", "-p", ".", "--write-baseline", "b.json"}, dir.path());
  ASSERT_EQ(write.exit_code, 0) << write.err;
  std::string header;
  for (int i = 0; i < 10; ++i) header += fmt::format("# line {} added above\n", i);
  dir.Write("Dockerfile", header + fmt::format(fmt::runtime(body), "compile", "compile"));
  RunResult after = RunPathfinder(
      {"scan", "-p", ".", "--baseline", "b.json", "--fail-on", "info", "-o", "json"}, dir.path());
  EXPECT_EQ(after.exit_code, 0) << after.out;
  Json doc = JsonOf(after);
  EXPECT_EQ(doc["summary"]["total"], 0);
  EXPECT_EQ(doc["summary"]["baseline_unmatched"], 0);
  EXPECT_GE(doc["summary"]["suppressed"]["baseline"].get<int>(), 5);
}

// The commands of the README's three-step path, as written there.
std::vector<std::vector<std::string>> ReadmeSteps() {
  std::string readme = ReadFileText(std::string(PF_SOURCE_DIR) + "/README.md");
  auto section = readme.find("## Adopting pathfinder on an existing repository");
  auto block = readme.find("```\n", section);
  auto end = readme.find("```", block + 4);
  std::vector<std::vector<std::string>> steps;
  if (section == std::string::npos || block == std::string::npos) return steps;
  std::istringstream lines(readme.substr(block + 4, end - block - 4));
  for (std::string line; std::getline(lines, line);) {
    line = line.substr(0, line.find('#'));
    std::istringstream words(line);
    std::vector<std::string> args;
    for (std::string w; words >> w;) args.push_back(w);
    if (!args.empty() && args.front() == "pathfinder") {
      args.erase(args.begin());
      steps.push_back(args);
    }
  }
  return steps;
}

TEST(AdoptionReadme, ThreeStepPathWorks) {
  std::vector<std::vector<std::string>> steps = ReadmeSteps();
  ASSERT_EQ(steps.size(), 3u);
  TempDir dir;
  dir.Write("Dockerfile", "FROM nginx:latest\nEXPOSE 80\n");  // high findings today
  dir.Write("compose.yml", "services:\n  web:\n    image: redis\n    privileged: true\n");
  EXPECT_EQ(RunPathfinder({"scan", "-p", "."}, dir.path()).exit_code, 0);  // no gate yet
  for (const auto& step : steps) {
    RunResult r = RunPathfinder(step, dir.path());
    EXPECT_EQ(r.exit_code, 0) << fmt::format("{}", fmt::join(step, " ")) << "\n" << r.err;
  }
  // Without the baseline the starter's gate fails on today's findings...
  EXPECT_EQ(RunPathfinder({"scan", "-p", "."}, dir.path()).exit_code, 1);
  // ...and with it only a new finding fails.
  dir.Write("Dockerfile", "FROM nginx:latest\nEXPOSE 80\nRUN curl -k https://x.test/a.sh | sh\n");
  RunResult fresh = RunPathfinder(steps.back(), dir.path());
  EXPECT_EQ(fresh.exit_code, 1) << fresh.out;
}

}  // namespace
}  // namespace pf::e2e
