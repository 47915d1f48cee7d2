// End-to-end: the scan command's inputs, formats and thresholds as users
// type them.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "e2e_util.h"

namespace pf::e2e {
namespace {

namespace fs = std::filesystem;

const std::string kAud003 = "docker/DOCKER-AUD-003";

// Two findings: a critical secret and a medium privileged port.
void WriteMixed(const TempDir& dir) {
  dir.Write("Dockerfile", "FROM nginx:1.27\nENV DB_PASSWORD=hunter2secret\nEXPOSE 80\n");
}

TEST(FailOn, HighAloneFailsOnCritical) {
  TempDir dir;
  WriteMixed(dir);
  RunResult r = RunPathfinder({"scan", "-p", dir.path(), "--fail-on", "high", "--ruleset",
                               "docker/DOCKER-SEC-102,docker/DOCKER-AUD-003"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
}

TEST(FailOn, ThresholdIsTheLeastSevereListed) {
  TempDir dir;
  dir.Write("Dockerfile", "FROM nginx:1.27\nEXPOSE 80\n");  // medium only
  std::vector<std::string> base = {"scan", "-p", dir.path(), "--ruleset", kAud003};
  auto with = [&](std::string fail_on) {
    std::vector<std::string> args = base;
    args.push_back("--fail-on");
    args.push_back(fail_on);
    return RunPathfinder(args).exit_code;
  };
  EXPECT_EQ(with("critical,high"), 0);
  EXPECT_EQ(with("critical,medium"), 1);
  EXPECT_EQ(with("low"), 1);
}

TEST(FailOn, EmptyValueIsAUsageError) {
  TempDir dir;
  WriteMixed(dir);
  RunResult r = RunPathfinder({"scan", "-p", dir.path(), "--fail-on", ""});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--fail-on needs"), std::string::npos) << r.err;
  r = RunPathfinder({"scan", "-p", dir.path(), "--ruleset", ""});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--ruleset is empty"), std::string::npos) << r.err;
}

TEST(Formats, InferredFromOutputFileExtension) {
  TempDir dir;
  WriteMixed(dir);
  std::string out = dir.path() + "/report.json";
  RunResult r = RunPathfinder({"scan", "-p", dir.path() + "/Dockerfile", "-f", out});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json doc = nlohmann::json::parse(ReadFileText(out));
  EXPECT_GE(doc["summary"]["total"].get<int>(), 2);
}

TEST(Formats, NamesInAnyCaseAndFormatAlias) {
  TempDir dir;
  WriteMixed(dir);
  RunResult r = RunPathfinder({"scan", "-p", dir.path(), "--format", "JSON"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NO_THROW(nlohmann::json::parse(r.out));
}

TEST(Formats, OutputFileNamedLikeAFormatWarns) {
  TempDir dir;
  WriteMixed(dir);
  RunResult r = RunPathfinder({"scan", "-p", dir.path(), "-f", "json"}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("use -o json"), std::string::npos) << r.err;
}

TEST(Formats, UnknownFormatNamesTheNearest) {
  TempDir dir;
  WriteMixed(dir);
  RunResult r = RunPathfinder({"scan", "-p", dir.path(), "-o", "jsno"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("did you mean json?"), std::string::npos) << r.err;
}

TEST(OutputFile, UnwritableIsAnErrorBeforeScanning) {
  TempDir dir;
  WriteMixed(dir);
  RunResult r =
      RunPathfinder({"scan", "-p", dir.path(), "-o", "json", "-f", dir.path() + "/no/such/r.json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("cannot write"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(OutputFile, NothingHalfWrittenIsLeftBehind) {
  TempDir dir;
  WriteMixed(dir);
  std::string out = dir.path() + "/r.json";
  RunResult r = RunPathfinder({"scan", "-p", dir.path(), "-f", out});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // Only the report itself: no temporary file beside it.
  int entries = 0;
  for (const auto& e : fs::directory_iterator(dir.path())) {
    (void)e;
    ++entries;
  }
  EXPECT_EQ(entries, 2);  // Dockerfile and r.json
}

TEST(OutputFile, DevicesAreWrittenInPlaceNotReplaced) {
  TempDir dir;
  WriteMixed(dir);
  RunResult r = RunPathfinder({"scan", "-p", dir.path(), "-o", "json", "-f", "/dev/null"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  struct stat st;
  ASSERT_EQ(stat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode)) << "/dev/null must stay a device";
}

TEST(Paths, RelativeToTheWorkingDirectoryWhenInside) {
  TempDir dir;
  dir.Write("php/8.4/cli/Dockerfile", "FROM php:8.4\nEXPOSE 80\n");
  RunResult r =
      RunPathfinder({"scan", "-p", "php/8.4/cli", "--ruleset", kAud003, "-o", "json"}, dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json doc = nlohmann::json::parse(r.out);
  ASSERT_EQ(doc["results"].size(), 1u);
  EXPECT_EQ(doc["results"][0]["location"]["file"], "php/8.4/cli/Dockerfile");
  r = RunPathfinder({"scan", "-p", "php/8.4/cli/Dockerfile", "--ruleset", kAud003, "-o", "json"},
                    dir.path());
  doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["results"][0]["location"]["file"], "php/8.4/cli/Dockerfile");
}

TEST(Paths, SeveralPositionalFilesAndFolders) {
  TempDir dir;
  dir.Write("a/Dockerfile", "FROM nginx:1.27\nEXPOSE 80\n");
  dir.Write("b/Dockerfile", "FROM nginx:1.27\nEXPOSE 443\n");
  dir.Write("c/Dockerfile", "FROM nginx:1.27\nEXPOSE 22\n");
  RunResult r =
      RunPathfinder({"scan", "a/Dockerfile", "b", "--ruleset", kAud003, "-o", "json"}, dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json doc = nlohmann::json::parse(r.out);
  ASSERT_EQ(doc["results"].size(), 2u);
  EXPECT_EQ(doc["results"][0]["location"]["file"], "a/Dockerfile");
  EXPECT_EQ(doc["results"][1]["location"]["file"], "b/Dockerfile");
  EXPECT_EQ(doc["scan"]["files_scanned"], 2);
}

TEST(Paths, StandardInputWithAName) {
  RunResult r = RunPathfinderWithInput(
      {"scan", "-", "--stdin-filename", "web/Dockerfile", "--ruleset", kAud003, "-o", "json"},
      "FROM nginx:1.27\nEXPOSE 80\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json doc = nlohmann::json::parse(r.out);
  ASSERT_EQ(doc["results"].size(), 1u);
  EXPECT_EQ(doc["results"][0]["location"]["file"], "web/Dockerfile");
  EXPECT_EQ(doc["results"][0]["location"]["line"], 2);
}

TEST(Paths, NothingToScanIsAUsageError) {
  RunResult r = RunPathfinder({"scan"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("nothing to scan"), std::string::npos) << r.err;
}

TEST(Discovery, NoFileFoundSaysSo) {
  TempDir dir;
  dir.Write("README.md", "hello\n");
  RunResult r = RunPathfinder({"scan", "-p", dir.path()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("no Dockerfile or compose file found"), std::string::npos) << r.err;
}

TEST(Discovery, ExcludeWinsOverAComposeBuild) {
  TempDir dir;
  dir.Write("compose.yaml", "services:\n  vote:\n    build: ./vote\n");
  dir.Write("vote/Dockerfile", "FROM python:3.12\nEXPOSE 80\n");
  dir.Write("web/Dockerfile", "FROM nginx:1.27\nEXPOSE 443\n");
  RunResult r = RunPathfinder(
      {"scan", "-p", dir.path(), "--exclude", "vote,other", "--ruleset", kAud003, "-o", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json doc = nlohmann::json::parse(r.out);
  ASSERT_EQ(doc["results"].size(), 1u);
  EXPECT_EQ(doc["results"][0]["location"]["file"], "web/Dockerfile");
}

TEST(Selection, IgnoreLeavesARuleOut) {
  TempDir dir;
  WriteMixed(dir);
  RunResult r = RunPathfinder({"scan", "-p", dir.path(), "-o", "json", "--ignore", "DOCKER-AUD-003",
                               "--ruleset", "docker/DOCKER-SEC-102,docker/DOCKER-AUD-003"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json doc = nlohmann::json::parse(r.out);
  for (const auto& f : doc["results"]) EXPECT_NE(f["rule_id"], "DOCKER-AUD-003");
  EXPECT_EQ(doc["scan"]["rules_executed"], 1);
  r = RunPathfinder({"scan", "-p", dir.path(), "--ignore", "DOCKER-AUD-03"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("did you mean DOCKER-AUD-003?"), std::string::npos) << r.err;
}

TEST(Selection, MinSeverityReportsThatLevelAndAbove) {
  TempDir dir;
  WriteMixed(dir);
  RunResult r = RunPathfinder({"scan", "-p", dir.path(), "-o", "json", "--min-severity", "high",
                               "--ruleset", "docker/DOCKER-SEC-102,docker/DOCKER-AUD-003"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json doc = nlohmann::json::parse(r.out);
  ASSERT_EQ(doc["results"].size(), 1u);
  EXPECT_EQ(doc["results"][0]["rule_id"], "DOCKER-SEC-102");
  EXPECT_EQ(doc["summary"]["by_severity"]["medium"], 0);
}

TEST(Streaming, OutputIsTheSameWhateverTheJobCount) {
  TempDir dir;
  for (int i = 0; i < 150; ++i) {
    dir.Write("s" + std::to_string(i % 13) + "/d" + std::to_string(i) + "/Dockerfile",
              "FROM nginx\nEXPOSE " + std::to_string(i % 2 == 0 ? 80 : 8080) + "\n");
    if (i % 10 == 0) {
      dir.Write("s" + std::to_string(i % 13) + "/d" + std::to_string(i) + "/compose.yaml",
                "services:\n  web:\n    image: nginx\n    privileged: true\n");
    }
  }
  std::string one = NormaliseJson(
      RunPathfinder({"scan", "-p", ".", "-o", "json", "--jobs", "1"}, dir.path()).out);
  std::string many = NormaliseJson(
      RunPathfinder({"scan", "-p", ".", "-o", "json", "--jobs", "7"}, dir.path()).out);
  EXPECT_EQ(one, many);
  nlohmann::json doc = nlohmann::json::parse(many);
  EXPECT_EQ(doc["scan"]["files_scanned"], 165);
  // Path order across Dockerfiles and compose files.
  std::string last;
  for (const auto& f : doc["results"]) {
    std::string file = f["location"]["file"];
    EXPECT_LE(last, file);
    last = file;
  }
}

TEST(Habits, UnknownCommandsAndFlagsNameTheNearest) {
  RunResult r = RunPathfinder({"scna", "-p", "."});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown command 'scna'; did you mean scan?"), std::string::npos) << r.err;
  r = RunPathfinder({"rules", "shwo", "DOCKER-AUD-003"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("did you mean show?"), std::string::npos) << r.err;
  r = RunPathfinder({"scan", "-p", ".", "--formt", "json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown flag '--formt'; did you mean --format?"), std::string::npos)
      << r.err;
}

TEST(Habits, RulesShowTakesThePrintedForm) {
  RunResult r = RunPathfinder({"rules", "show", "docker/DOCKER-AUD-003"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Privileged Port Exposed"), std::string::npos);
  r = RunPathfinder({"rules", "show", "SHELLCHECK-SC2086"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("https://www.shellcheck.net/wiki/SC2086"), std::string::npos);
}

TEST(Habits, RulesListAsJson) {
  RunResult r = RunPathfinder({"rules", "list", "-o", "json", "--ruleset", "docker/security"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json list = nlohmann::json::parse(r.out);
  ASSERT_FALSE(list.empty());
  for (const auto& rule : list) EXPECT_EQ(rule["bundle"], "docker/security");
}

TEST(Habits, AFileThatIsNotADockerfileIsAnError) {
  TempDir dir;
  dir.Write("README", "hello\nworld\n");
  RunResult r = RunPathfinder({"scan", "-p", dir.path() + "/README"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("not a Dockerfile"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("DOCKER-COR-100"), std::string::npos) << r.out;
}

TEST(Habits, ShellCheckFindingsObeyRuleSelection) {
  if (!fs::exists("/usr/bin/shellcheck")) GTEST_SKIP() << "shellcheck is not installed";
  TempDir dir;
  dir.Write("Dockerfile", "FROM debian:12\nRUN echo $FOO && cd /x\n");
  auto ids = [&](const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"scan", "-p", dir.path(), "-o", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    std::set<std::string> out;
    const nlohmann::json doc = nlohmann::json::parse(RunPathfinder(args).out);
    for (const auto& f : doc["results"]) {
      out.insert(f["rule_id"].get<std::string>());
    }
    return out;
  };
  std::set<std::string> all = ids(std::vector<std::string>{"--shellcheck"});
  EXPECT_EQ(all.count("SHELLCHECK-SC2086"), 1u);
  EXPECT_EQ(all.count("SHELLCHECK-SC2164"), 1u);
  // --shellcheck adds every code to whatever --ruleset picks.
  std::set<std::string> with_ruleset =
      ids(std::vector<std::string>{"--shellcheck", "--ruleset", "docker/DOCKER-AUD-003"});
  EXPECT_EQ(with_ruleset.count("SHELLCHECK-SC2086"), 1u);
  EXPECT_EQ(with_ruleset.count("DOCKER-BP-022"), 0u);
  // Without it, a ruleset of built-in rules brings no ShellCheck finding.
  EXPECT_EQ(ids(std::vector<std::string>{"--ruleset", "docker/all"}).count("SHELLCHECK-SC2086"),
            0u);
  EXPECT_EQ(ids(std::vector<std::string>{"--ruleset", "shellcheck/SC2086"}),
            (std::set<std::string>{"SHELLCHECK-SC2086"}));
  std::set<std::string> ignored =
      ids(std::vector<std::string>{"--shellcheck", "--ignore", "SHELLCHECK-SC2086"});
  EXPECT_EQ(ignored.count("SHELLCHECK-SC2086"), 0u);
  EXPECT_EQ(ignored.count("SHELLCHECK-SC2164"), 1u);
}

}  // namespace
}  // namespace pf::e2e
