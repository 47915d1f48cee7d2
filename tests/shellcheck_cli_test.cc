// `pathfinder scan --shellcheck`, with and without the shellcheck program.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "e2e_util.h"
#include "rules/shellcheck.h"

namespace pf::e2e {
namespace {

constexpr const char* kDockerfile =
    "FROM debian:12\n"
    "RUN echo hello && \\\n"
    "    echo $1\n";

int CountLines(const std::string& text) {
  int lines = 0;
  for (char c : text) lines += c == '\n' ? 1 : 0;
  return lines;
}

TEST(ShellCheckCli, MissingProgramGivesOneNoticeAndTheScanGoesOn) {
  TempDir dir;
  dir.Write("Dockerfile", kDockerfile);
  // An empty PATH folder: shellcheck cannot be found.
  RunResult r = RunProgram("/usr/bin/env",
                           {"PATH=" + dir.path() + "/no-such-folder", PF_BINARY, "scan", "-p",
                            dir.path(), "--shellcheck", "--ruleset", "docker/DOCKER-SEC-007"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(CountLines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("'shellcheck' was not found"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("Files scanned: 1"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("SHELLCHECK-"), std::string::npos) << r.out;
}

TEST(ShellCheckCli, FindingsOnDockerfilePositions) {
  if (!rules::LocateShellCheck("shellcheck")) GTEST_SKIP() << "shellcheck is not installed";
  TempDir dir;
  dir.Write("Dockerfile", kDockerfile);
  RunResult r = RunPathfinder(
      {"scan", "-p", dir.path(), "--shellcheck", "--ruleset", "docker/DOCKER-SEC-007"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;
  EXPECT_NE(r.out.find("[SHELLCHECK-SC2086]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Dockerfile:3:10"), std::string::npos) << r.out;
  // Without the flag, no ShellCheck findings.
  RunResult plain = RunPathfinder({"scan", "-p", dir.path(), "--ruleset", "docker/DOCKER-SEC-007"});
  EXPECT_EQ(plain.out.find("SHELLCHECK-"), std::string::npos) << plain.out;
}

}  // namespace
}  // namespace pf::e2e
