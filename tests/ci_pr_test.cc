// End-to-end: `pathfinder ci --pr-comment/--pr-inline` against a fake GitHub
// API on 127.0.0.1, asserting the requests the real binary sends.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e_util.h"
#include "git_repo.h"
#include "tests/support/fake_github.h"

namespace pf::e2e {
namespace {

const std::string kToken = "ghs_secretTOKENvalue123";
const std::string kSha = "0123456789abcdef0123456789abcdef01234567";

// Line 2 is added by the pull request; line 10 (EXPOSE 22) is untouched.
const char* kDockerfile =
    "FROM nginx:1.27\nEXPOSE 80\nEXPOSE 8080\nRUN true\nRUN true\nRUN true\nRUN true\n"
    "RUN true\nRUN true\nEXPOSE 22\n";
const char* kPatch = "@@ -1,2 +1,3 @@\n FROM nginx:1.27\n+EXPOSE 80\n EXPOSE 8080\n";

struct PullRequestWorld {
  GitRepo repo;
  fake::FakeGitHub github{"acme/app"};
  PullRequestWorld() {
    repo.dir().Write("app/Dockerfile", kDockerfile);
    repo.Commit("app");
    github.RequireToken(kToken);
    github.AddPull(7, kSha, {{"app/Dockerfile", "modified", kPatch, ""}});
  }
  // Runs in app/, so findings say "Dockerfile" and comments "app/Dockerfile".
  RunResult Ci(std::vector<std::string> extra, std::vector<std::string> env = {}) const {
    std::vector<std::string> args = {
        "ci", "-p",  ".", "--no-diff", "--ruleset", "docker/DOCKER-AUD-003,docker/DOCKER-AUD-100",
        "-o", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    env.push_back("GITHUB_API_URL=" + github.url());
    env.push_back("GITHUB_TOKEN=" + kToken);
    env.push_back("GITHUB_REPOSITORY=acme/app");
    env.push_back("GITHUB_REF=refs/pull/7/merge");
    return RunPathfinder(args, repo.path() + "/app", env);
  }
};

int CountWrites(const fake::FakeGitHub& github, const std::string& method,
                const std::string& path) {
  int n = 0;
  for (const auto& r : github.Writes()) n += r.method == method && r.path == path ? 1 : 0;
  return n;
}

TEST(CiPullRequest, SummaryIsCreatedOnceThenUpdatedInPlace) {
  PullRequestWorld s;
  RunResult r = s.Ci({"--pr-comment", "--debug"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(s.github.IssueComments(7).size(), 1u);
  const std::string body = s.github.IssueComments(7)[0].body;
  EXPECT_NE(body.find("<!-- code-pathfinder-summary -->"), std::string::npos);
  EXPECT_NE(body.find("app/Dockerfile"), std::string::npos) << body;
  EXPECT_EQ(CountWrites(s.github, "POST", "/repos/acme/app/issues/7/comments"), 1);
  // Every request carries the token; no output ever shows it.
  for (const auto& req : s.github.Requests()) {
    EXPECT_EQ(req.Header("authorization").value_or(""), "Bearer " + kToken) << req.path;
  }
  EXPECT_EQ(r.out.find(kToken), std::string::npos);
  EXPECT_EQ(r.err.find(kToken), std::string::npos);

  // A new finding, a second run: the same comment is edited, none is added.
  s.repo.dir().Write("app/Dockerfile", std::string(kDockerfile) + "EXPOSE 443\n");
  s.github.ClearRequests();
  r = s.Ci({"--pr-comment"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(s.github.IssueComments(7).size(), 1u);
  EXPECT_EQ(CountWrites(s.github, "POST", "/repos/acme/app/issues/7/comments"), 0);
  ASSERT_EQ(s.github.Writes().size(), 1u);
  EXPECT_EQ(s.github.Writes()[0].method, "PATCH");
  EXPECT_NE(s.github.IssueComments(7)[0].body.find("443"), std::string::npos);
}

TEST(CiPullRequest, InlineOnlyOnDiffLinesTheRestInTheSummary) {
  PullRequestWorld s;
  RunResult r = s.Ci({"--pr-inline"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<fake::FakeComment> inline_comments = s.github.ReviewComments(7);
  ASSERT_EQ(inline_comments.size(), 1u);
  EXPECT_EQ(inline_comments[0].path, "app/Dockerfile");
  EXPECT_EQ(inline_comments[0].line, 2);
  EXPECT_EQ(inline_comments[0].commit_id, kSha);
  // Line 10 is outside the diff: listed in the summary instead.
  ASSERT_EQ(s.github.IssueComments(7).size(), 1u);
  EXPECT_NE(s.github.IssueComments(7)[0].body.find("DOCKER-AUD-100"), std::string::npos);

  // Run again: the inline comment is kept, not duplicated.
  r = s.Ci({"--pr-inline"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(s.github.ReviewComments(7).size(), 1u);
  EXPECT_EQ(s.github.Reviews(7).size(), 1u);
}

TEST(CiPullRequest, ServerErrorsAndRateLimitsAreRetried) {
  PullRequestWorld s;
  s.github.FailNext("GET", "/repos/acme/app/pulls/7", 1, 502);
  s.github.FailNext("POST", "/repos/acme/app/issues/7/comments", 1, 429, {{"Retry-After", "1"}},
                    R"({"message":"rate limited"})");
  RunResult r = s.Ci({"--pr-comment"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.err.find("warning") == std::string::npos) << r.err;
  EXPECT_EQ(s.github.IssueComments(7).size(), 1u);
  EXPECT_EQ(CountWrites(s.github, "POST", "/repos/acme/app/issues/7/comments"), 2);
}

TEST(CiPullRequest, AFailureToCommentNeverChangesTheExitCode) {
  PullRequestWorld s;
  // Findings at medium with --fail-on medium: exit 1 whatever GitHub says.
  RunResult r = s.Ci({"--pr-comment", "--fail-on", "medium", "--github-repo", "acme/missing"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("warning: pull-request comments"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(kToken), std::string::npos);
  EXPECT_NO_THROW(nlohmann::json::parse(r.out));
}

TEST(CiPullRequest, MissingTokenOrNumberIsAUsageError) {
  PullRequestWorld s;
  RunResult r = RunPathfinder(
      {"ci", "-p", ".", "--pr-comment"}, s.repo.path(),
      {"GITHUB_TOKEN=", "GITHUB_REPOSITORY=acme/app", "GITHUB_REF=refs/pull/7/merge"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("needs a token"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
  r = RunPathfinder({"ci", "-p", ".", "--pr-comment"}, s.repo.path(),
                    {"GITHUB_TOKEN=" + kToken, "GITHUB_REPOSITORY=acme/app",
                     "GITHUB_REF=refs/heads/main", "GITHUB_EVENT_PATH="});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("pull-request number"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(kToken), std::string::npos);
}

TEST(CiPullRequest, NumberFromTheEventFile) {
  PullRequestWorld s;
  s.repo.dir().Write("event.json", R"({"pull_request": {"number": 7}})");
  RunResult r = s.Ci({"--pr-comment"}, {"GITHUB_REF=refs/heads/feature",
                                        "GITHUB_EVENT_PATH=" + s.repo.path() + "/event.json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(s.github.IssueComments(7).size(), 1u);
}

}  // namespace
}  // namespace pf::e2e
