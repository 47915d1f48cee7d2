#include "rules/shellcheck.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace pf::rules {
namespace {

ShellCheckResult Check(const std::string& text, const std::string& binary,
                       const ShellCheckOptions& options = {}) {
  SourceFile source("Dockerfile", text);
  return RunShellCheck(source, {}, binary, options);
}

// A stand-in program written to a temporary file (removed at the end).
class FakeProgram {
 public:
  explicit FakeProgram(const std::string& body) {
    path_ =
        (std::filesystem::temp_directory_path() /
         ("pf-fake-shellcheck-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++)))
            .string();
    std::ofstream(path_) << "#!/bin/sh\n" << body << "\n";
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all);
  }
  ~FakeProgram() { std::filesystem::remove(path_); }
  const std::string& path() const { return path_; }

 private:
  static inline int counter_ = 0;
  std::string path_;
};

TEST(ShellCheck, DialectFollowsTheShell) {
  EXPECT_EQ(ShellCheckDialect("sh"), "sh");
  EXPECT_EQ(ShellCheckDialect("bash"), "bash");
  EXPECT_EQ(ShellCheckDialect("dash"), "dash");
  EXPECT_EQ(ShellCheckDialect("ksh"), "ksh");
  EXPECT_EQ(ShellCheckDialect("mksh"), "ksh");
  EXPECT_EQ(ShellCheckDialect("ash"), "sh");
  EXPECT_EQ(ShellCheckDialect("zsh"), "");
  EXPECT_EQ(ShellCheckDialect("powershell"), "");
}

TEST(ShellCheck, MissingProgramIsNotFoundAndNoticeIsOneLine) {
  EXPECT_FALSE(LocateShellCheck("/nonexistent/dir/shellcheck").has_value());
  EXPECT_FALSE(LocateShellCheck("pf-no-such-program-anywhere").has_value());
  EXPECT_FALSE(LocateShellCheck("").has_value());
  std::string notice = ShellCheckMissingNotice("/nonexistent/dir/shellcheck");
  EXPECT_NE(notice.find("/nonexistent/dir/shellcheck"), std::string::npos);
  EXPECT_NE(notice.find("not found"), std::string::npos);
  EXPECT_EQ(notice.find('\n'), std::string::npos);
}

TEST(ShellCheck, StartFailureIsAnErrorNotAFinding) {
  ShellCheckResult r = Check("FROM debian:12\nRUN echo $1\n", "/nonexistent/dir/shellcheck");
  EXPECT_TRUE(r.findings.empty());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("RUN on line 2"), std::string::npos);
}

TEST(ShellCheck, MapsCommentsThroughContinuationLines) {
  // Canned json1 output: the comment is on script line 1, columns 24-26,
  // which is `$1` after the joined continuation.
  FakeProgram fake(
      "cat > /dev/null\n"
      "echo '{\"comments\":[{\"file\":\"-\",\"line\":1,\"endLine\":1,\"column\":24,"
      "\"endColumn\":26,\"level\":\"warning\",\"code\":2086,\"message\":\"Quote it.\"}]}'\n"
      "exit 1");
  ShellCheckResult r = Check("FROM debian:12\nRUN echo hello && \\\n    echo $1\n", fake.path());
  ASSERT_TRUE(r.errors.empty()) << r.errors[0];
  ASSERT_EQ(r.findings.size(), 1u);
  const Finding& f = r.findings[0];
  EXPECT_EQ(f.rule_id, "SHELLCHECK-SC2086");
  EXPECT_EQ(f.severity, Severity::kLow);
  EXPECT_EQ(f.range.start.line, 3);
  EXPECT_EQ(f.range.start.column, 10);
  EXPECT_EQ(f.range.end.line, 3);
  EXPECT_EQ(f.range.end.column, 12);
  EXPECT_NE(f.message.find("Quote it."), std::string::npos);
  EXPECT_NE(f.message.find("shellcheck.net/wiki/SC2086"), std::string::npos);
}

TEST(ShellCheck, TimeoutStopsTheProgram) {
  FakeProgram slow("sleep 30");
  ShellCheckOptions options;
  options.timeout = std::chrono::milliseconds(200);
  auto started = std::chrono::steady_clock::now();
  ShellCheckResult r = Check("FROM debian:12\nRUN ls\n", slow.path(), options);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  EXPECT_TRUE(r.findings.empty());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("timed out"), std::string::npos);
}

TEST(ShellCheck, BoundedOutputAndGarbage) {
  FakeProgram noisy("yes x | head -c 100000; exit 1");
  ShellCheckOptions options;
  options.max_output = 1000;
  ShellCheckResult r = Check("FROM debian:12\nRUN ls\n", noisy.path(), options);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("output larger than 1000 bytes"), std::string::npos);
  FakeProgram garbage("echo not json; exit 1");
  r = Check("FROM debian:12\nRUN ls\n", garbage.path());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("not its JSON report"), std::string::npos);
}

TEST(ShellCheck, ScriptTextNeverReachesAShell) {
  // The script only goes to the program's stdin; nothing evaluates it.
  const std::string marker =
      (std::filesystem::temp_directory_path() / ("pf-injected-" + std::to_string(::getpid())))
          .string();
  FakeProgram fake("cat > /dev/null; echo '{\"comments\":[]}'");
  ShellCheckResult r = Check(
      "FROM debian:12\nRUN echo \"$(touch " + marker + ")\" `touch " + marker + "`\n", fake.path());
  EXPECT_TRUE(r.errors.empty());
  EXPECT_FALSE(std::filesystem::exists(marker));
}

class RealShellCheck : public ::testing::Test {
 protected:
  void SetUp() override {
    std::optional<std::string> found = LocateShellCheck("shellcheck");
    if (!found) GTEST_SKIP() << "shellcheck is not installed";
    binary_ = *found;
  }
  std::string binary_;
};

TEST_F(RealShellCheck, UnquotedParameterMapsToDockerfilePosition) {
  ShellCheckResult r = Check("FROM debian:12\nRUN echo hello && \\\n    echo $1\n", binary_);
  ASSERT_TRUE(r.errors.empty()) << r.errors[0];
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].rule_id, "SHELLCHECK-SC2086");
  EXPECT_EQ(r.findings[0].severity, Severity::kInfo);
  EXPECT_EQ(r.findings[0].range.start.line, 3);
  EXPECT_EQ(r.findings[0].range.start.column, 10);
  EXPECT_EQ(r.findings[0].range.end.column, 12);
}

TEST_F(RealShellCheck, HeredocScriptAndShellDialect) {
  ShellCheckResult r = Check(
      "FROM debian:12\n"
      "RUN <<EOF\n"
      "set -e\n"
      "echo  $1\n"
      "EOF\n",
      binary_);
  ASSERT_TRUE(r.errors.empty()) << r.errors[0];
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].range.start.line, 4);
  EXPECT_EQ(r.findings[0].range.start.column, 7);
  // A heredoc fed to bash is checked as bash.
  EXPECT_TRUE(Check("FROM debian:12\nRUN bash <<EOF\n[[ -f /a ]] && echo a\nEOF\n", binary_)
                  .findings.empty());
  // `[[` is fine for bash but not for sh.
  EXPECT_FALSE(Check("FROM debian:12\nRUN [[ -f /a ]] && echo a\n", binary_).findings.empty());
  EXPECT_TRUE(
      Check("FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\nRUN [[ -f /a ]] && echo a\n", binary_)
          .findings.empty());
}

TEST_F(RealShellCheck, CommandLineSeesItsHeredocBodies) {
  // The body is data for cat; the finding is on the command line, once.
  ShellCheckResult r = Check(
      "FROM debian:12\n"
      "RUN cat <<EOF > /etc/motd && echo $1\n"
      "hello $USER\n"
      "EOF\n",
      binary_);
  ASSERT_TRUE(r.errors.empty()) << r.errors[0];
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].rule_id, "SHELLCHECK-SC2086");
  EXPECT_EQ(r.findings[0].range.start.line, 2);
  EXPECT_EQ(r.findings[0].range.start.column, 35);
}

TEST_F(RealShellCheck, NonPosixAndExecFormAreSkipped) {
  EXPECT_TRUE(Check("FROM mcr.microsoft.com/windows/servercore:ltsc2022\n"
                    "SHELL [\"powershell\", \"-Command\"]\n"
                    "RUN echo $1\n",
                    binary_)
                  .findings.empty());
  EXPECT_TRUE(Check("FROM debian:12\nSHELL [\"/bin/zsh\", \"-c\"]\nRUN echo $1\n", binary_)
                  .findings.empty());
  EXPECT_TRUE(
      Check("FROM debian:12\nRUN [\"sh\", \"-c\", \"echo $1\"]\n", binary_).findings.empty());
  // Variables from ENV and ARG are not "unassigned".
  EXPECT_TRUE(Check("FROM debian:12\nENV app_dir=/app\nRUN mkdir -p \"$app_dir\"\n", binary_)
                  .findings.empty());
}

}  // namespace
}  // namespace pf::rules
