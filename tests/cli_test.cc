// End-to-end: the real binary, its exit codes and its golden reports.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "e2e_util.h"

namespace pf::e2e {
namespace {

const std::string kProject = std::string(PF_SOURCE_DIR) + "/tests/data/project";

// The first line where two texts differ, for a short failure message.

TEST(ExitCodes, CleanScanIsZero) {
  TempDir dir;
  dir.Write("Dockerfile", "FROM nginx:1.27\nEXPOSE 8080\n");
  RunResult r = RunPathfinder({"scan", "-p", dir.path(), "--ruleset", "docker/DOCKER-AUD-003"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("No findings."), std::string::npos);
}

TEST(ExitCodes, FailOnMatchingSeverityIsOne) {
  TempDir dir;
  dir.Write("Dockerfile", "FROM nginx:1.27\nEXPOSE 80\n");
  std::vector<std::string> base = {"scan", "-p", dir.path(), "--ruleset", "docker/DOCKER-AUD-003"};
  auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = base;
    args.insert(args.end(), extra.begin(), extra.end());
    return RunPathfinder(args).exit_code;
  };
  EXPECT_EQ(with({}), 0);
  EXPECT_EQ(with({"--fail-on", "medium"}), 1);
  EXPECT_EQ(with({"--fail-on", "critical,high"}), 0);
  EXPECT_EQ(with({"--fail-on", "critical", "--fail-on", "MEDIUM"}), 1);
  EXPECT_EQ(with({"--fail-on", "severe"}), 2);
}

TEST(ExitCodes, UsageErrorsAreTwo) {
  RunResult unknown = RunPathfinder({"scan", "-p", kProject, "--ruleset", "docker/securty"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("docker/security"), std::string::npos) << unknown.err;
  EXPECT_TRUE(unknown.out.empty());

  RunResult bad_id = RunPathfinder({"scan", "-p", kProject, "--ruleset", "docker/DOCKER-AUD-999"});
  EXPECT_EQ(bad_id.exit_code, 2);

  RunResult flag = RunPathfinder({"scan", "-p", kProject, "--no-such-flag"});
  EXPECT_EQ(flag.exit_code, 2);
  EXPECT_NE(flag.err.find("--help"), std::string::npos);

  EXPECT_EQ(RunPathfinder({"scan"}).exit_code, 2);
  EXPECT_EQ(RunPathfinder({}).exit_code, 2);
  EXPECT_EQ(RunPathfinder({"frobnicate"}).exit_code, 2);

  RunResult missing = RunPathfinder({"scan", "-p", "/nonexistent/pathfinder-project"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("/nonexistent/pathfinder-project"), std::string::npos);

  RunResult rules = RunPathfinder({"scan", "-p", kProject, "--rules", "no-such-rules.yml"});
  EXPECT_EQ(rules.exit_code, 2);
  EXPECT_NE(rules.err.find("no-such-rules.yml"), std::string::npos);

  EXPECT_EQ(RunPathfinder({"scan", "-p", kProject, "-o", "xml"}).exit_code, 2);
  EXPECT_EQ(RunPathfinder({"scan", "-p", kProject, "--build-arg", "=x"}).exit_code, 2);
}

TEST(ExitCodes, NothingScannableIsTwo) {
  TempDir dir;
  dir.Write("Dockerfile", std::string("FROM a\0b", 8));
  RunResult r = RunPathfinder({"scan", "-p", dir.path(), "-o", "json"});
  EXPECT_EQ(r.exit_code, 2);
  auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["scan"]["files_scanned"], 0);
  EXPECT_EQ(doc["errors"].size(), 1u);
}

TEST(ExitCodes, CompatibilityFlagsAreAccepted) {
  RunResult r = RunPathfinder(
      {"scan", "-p", kProject, "--refresh-rules", "--no-color", "-v", "--ruleset", kGoldenRules});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("files scanned"), std::string::npos);
}

TEST(Golden, TextReport) {
  RunResult r = RunPathfinder({"scan", "-p", ".", "--ruleset", kGoldenRules}, kProject);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("\x1b["), std::string::npos);  // not a terminal: no colour
  CheckGolden("scan.txt", r.out);
}

TEST(Golden, JsonReport) {
  RunResult r =
      RunPathfinder({"scan", "-p", ".", "--ruleset", kGoldenRules, "-o", "json"}, kProject);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  CheckGolden("scan.json", NormaliseJson(r.out));
}

TEST(Golden, OutputFileMatchesStdout) {
  TempDir out;
  std::string file = out.path() + "/report.json";
  RunResult r = RunPathfinder(
      {"scan", "-p", ".", "--ruleset", kGoldenRules, "-o", "json", "-f", file}, kProject);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  RunResult stdout_run =
      RunPathfinder({"scan", "-p", ".", "--ruleset", kGoldenRules, "-o", "json"}, kProject);
  EXPECT_TRUE(NormaliseJson(ReadFileText(file)) == NormaliseJson(stdout_run.out));
}

TEST(Determinism, JobsDoNotChangeOutput) {
  TempDir dir;
  for (int i = 0; i < 40; ++i) {
    dir.Write("svc" + std::to_string(i % 7) + "/Dockerfile." + std::to_string(i),
              "FROM alpine\nEXPOSE " + std::to_string(20 + i) + " 80\nEXPOSE 80\n");
  }
  auto run = [&](const char* jobs) {
    RunResult r = RunPathfinder({"scan", "-p", ".", "-o", "json", "--jobs", jobs}, dir.path());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return NormaliseJson(r.out);
  };
  std::string one = run("1");
  EXPECT_EQ(one, run("4"));
  EXPECT_EQ(one, run("3"));
  auto doc = nlohmann::json::parse(one);
  EXPECT_EQ(doc["scan"]["files_scanned"], 40);
  std::set<std::string> fingerprints;
  for (const auto& f : doc["results"]) fingerprints.insert(f["fingerprint"].get<std::string>());
  EXPECT_EQ(fingerprints.size(), doc["results"].size()) << "fingerprints must be unique";
}

TEST(Color, OnlyOnATerminalWithoutNoColor) {
  if (access("/usr/bin/script", X_OK) != 0) GTEST_SKIP() << "needs script(1) for a terminal";
  TempDir dir;
  dir.Write("Dockerfile", "FROM nginx:1.27\nEXPOSE 80\n");
  std::string cmd =
      std::string(PF_BINARY) + " scan --ruleset docker/DOCKER-AUD-003 -p " + dir.path();
  auto in_terminal = [&](const std::string& extra, std::vector<std::string> env) {
    return RunProgram("/usr/bin/script", {"-qec", cmd + extra, "/dev/null"}, ".", env).out;
  };
  EXPECT_NE(in_terminal("", {}).find("\x1b["), std::string::npos);
  EXPECT_EQ(in_terminal(" --no-color", {}).find("\x1b["), std::string::npos);
  EXPECT_EQ(in_terminal("", {"NO_COLOR=1"}).find("\x1b["), std::string::npos);
}

TEST(Commands, VersionAndRules) {
  RunResult v = RunPathfinder({"version"});
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_NE(v.out.find("pathfinder 0.1.0"), std::string::npos);
  EXPECT_NE(v.out.find("build type:"), std::string::npos);

  RunResult list = RunPathfinder({"rules", "list", "--ruleset", "docker/DOCKER-AUD-003"});
  EXPECT_EQ(list.exit_code, 0);
  EXPECT_NE(list.out.find("DOCKER-AUD-003  MEDIUM"), std::string::npos) << list.out;
  EXPECT_EQ(list.out.find("DOCKER-COR-100"), std::string::npos);

  RunResult show = RunPathfinder({"rules", "show", "DOCKER-AUD-003"});
  EXPECT_EQ(show.exit_code, 0);
  for (const char* part : {"Privileged Port Exposed", "CWE-250", "What it does", "Why it matters",
                           "Example (bad)", "Example (good)", "How to fix", "References"}) {
    EXPECT_NE(show.out.find(part), std::string::npos) << part;
  }
  EXPECT_EQ(RunPathfinder({"rules", "show", "DOCKER-NOPE-1"}).exit_code, 2);
}

}  // namespace
}  // namespace pf::e2e
