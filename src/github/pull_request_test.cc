// PublishPullRequest through the real libcurl client against the fake GitHub.
#include "github/pull_request.h"

#include <gtest/gtest.h>

#include "github/curl_http_client.h"
#include "github/inline_review.h"
#include "tests/support/fake_github.h"

namespace pf::github {
namespace {

using Json = nlohmann::json;

constexpr char kToken[] = "ghp_PullRequestSecret99";
constexpr char kSha[] = "feedfacecafebeef0000111122223333deadbeef";
constexpr char kSummaryMarker[] = "<!-- code-pathfinder-summary -->";

// Dockerfile lines 1-4 and 10-11 are in the diff; 40 is not.
const char kDockerfilePatch[] =
    "@@ -1,3 +1,4 @@\n FROM alpine\n+RUN apk add curl\n USER root\n CMD sh\n"
    "@@ -9,2 +10,2 @@\n-EXPOSE 22\n+EXPOSE 2222\n ENV A=1\n";

PrFinding Finding(std::string rule, std::string severity, int line, std::string message) {
  PrFinding f;
  f.rule_id = std::move(rule);
  f.rule_name = "Rule " + f.rule_id;
  f.severity = std::move(severity);
  f.path = "Dockerfile";
  f.line = line;
  f.message = std::move(message);
  return f;
}

class PublishTest : public testing::Test {
 protected:
  PublishTest() : http_(ClientOptions()) {
    fake_.RequireToken(kToken);
    std::vector<fake::FakeFile> files;
    // More than one page of files, the Dockerfile on the second.
    for (int i = 0; i < 130; ++i) {
      files.push_back(
          {"docs/page" + std::to_string(i) + ".md", "added", "@@ -0,0 +1 @@\n+x\n", ""});
    }
    files.push_back({"Dockerfile", "modified", kDockerfilePatch, ""});
    files.push_back({"logo.png", "added", "", ""});
    fake_.AddPull(7, kSha, files);
    options_.api_url = fake_.url();
    options_.token = kToken;
    options_.repo = "acme/app";
    options_.pr = 7;
    options_.files_scanned = 2;
    options_.rules_count = 40;
    options_.tool_version = "0.1.0";
  }

  CurlClientOptions ClientOptions() {
    CurlClientOptions options;
    options.retry.sleep = [this](std::chrono::milliseconds d) { sleeps_.push_back(d.count()); };
    return options;
  }

  PublishResult Publish(const std::vector<PrFinding>& findings) {
    PublishResult result = PublishPullRequest(options_, findings, http_);
    for (const std::string& w : result.warnings) {
      EXPECT_EQ(w.find(kToken), std::string::npos) << "token in warning: " << w;
    }
    return result;
  }

  std::vector<fake::FakeComment> Summaries() {
    std::vector<fake::FakeComment> out;
    for (const fake::FakeComment& c : fake_.IssueComments(7)) {
      if (c.body.find(kSummaryMarker) != std::string::npos) out.push_back(c);
    }
    return out;
  }

  fake::FakeGitHub fake_;
  std::vector<long> sleeps_;
  CurlHttpClient http_;
  PrOptions options_;
};

std::string Describe(const std::vector<std::string>& warnings) {
  std::string out;
  for (const std::string& w : warnings) out += w + "\n";
  return out;
}

TEST_F(PublishTest, SummaryCreatedThenUpdatedInPlace) {
  // Other people's comments fill more than a page before ours.
  for (int i = 0; i < 150; ++i) fake_.AddIssueComment(7, "looks good " + std::to_string(i));

  PublishResult first = Publish({Finding("DOCKER-SEC-001", "critical", 2, "runs as root")});
  EXPECT_TRUE(first.warnings.empty()) << Describe(first.warnings);
  EXPECT_TRUE(first.summary_created);
  ASSERT_EQ(Summaries().size(), 1u);
  const std::int64_t id = Summaries()[0].id;
  EXPECT_NE(Summaries()[0].body.find("**1 Critical**"), std::string::npos);
  EXPECT_NE(Summaries()[0].body.find("[Dockerfile:2](" + fake_.url() + "/acme/app/blob/" + kSha +
                                     "/Dockerfile#L2)"),
            std::string::npos)
      << Summaries()[0].body;
  EXPECT_NE(Summaries()[0].body.find("Scanned 2 files with 40 rules"), std::string::npos);

  std::vector<fake::RecordedRequest> requests = fake_.Requests();
  ASSERT_EQ(requests.size(), 4u);  // pull, 2 pages of comments, POST
  EXPECT_EQ(requests[0].method, "GET");
  EXPECT_EQ(requests[0].path, "/repos/acme/app/pulls/7");
  EXPECT_EQ(requests[1].path, "/repos/acme/app/issues/7/comments");
  EXPECT_EQ(requests[1].query, "per_page=100&page=1");
  EXPECT_EQ(requests[2].query, "per_page=100&page=2");
  EXPECT_EQ(requests[3].method, "POST");
  EXPECT_EQ(requests[3].path, "/repos/acme/app/issues/7/comments");
  ASSERT_TRUE(requests[3].Json().is_object());
  EXPECT_EQ(requests[3].Json().size(), 1u);
  EXPECT_EQ(requests[3].Json()["body"], Summaries()[0].body);
  for (const fake::RecordedRequest& r : requests) {
    EXPECT_EQ(r.Header("authorization"), std::string("Bearer ") + kToken) << r.path;
    EXPECT_EQ(r.Header("accept"), "application/vnd.github.v3+json");
    EXPECT_EQ(r.Header("user-agent"), "pathfinder");
  }

  fake_.ClearRequests();
  PublishResult second = Publish({Finding("DOCKER-SEC-001", "critical", 2, "runs as root"),
                                  Finding("DOCKER-BP-002", "low", 3, "pin the tag")});
  EXPECT_TRUE(second.warnings.empty()) << Describe(second.warnings);
  EXPECT_TRUE(second.summary_updated);
  EXPECT_FALSE(second.summary_created);
  ASSERT_EQ(Summaries().size(), 1u);
  EXPECT_EQ(Summaries()[0].id, id);
  EXPECT_NE(Summaries()[0].body.find("**1 Low**"), std::string::npos);
  std::vector<fake::RecordedRequest> writes = fake_.Writes();
  ASSERT_EQ(writes.size(), 1u);
  EXPECT_EQ(writes[0].method, "PATCH");
  EXPECT_EQ(writes[0].path, "/repos/acme/app/issues/comments/" + std::to_string(id));
  EXPECT_EQ(writes[0].Json(), Json({{"body", Summaries()[0].body}}));

  // The same findings again change nothing.
  fake_.ClearRequests();
  PublishResult third = Publish({Finding("DOCKER-SEC-001", "critical", 2, "runs as root"),
                                 Finding("DOCKER-BP-002", "low", 3, "pin the tag")});
  EXPECT_TRUE(third.warnings.empty());
  EXPECT_FALSE(third.summary_updated);
  EXPECT_TRUE(fake_.Writes().empty());
  EXPECT_EQ(fake_.IssueComments(7).size(), 151u);
}

TEST_F(PublishTest, InlineOnlyOnDiffLinesTheRestInTheSummary) {
  options_.inline_comments = true;
  // Line 40 is outside the diff: the fake refuses a review holding it.
  PublishResult result = Publish({Finding("DOCKER-SEC-001", "critical", 2, "runs as root"),
                                  Finding("DOCKER-AUD-003", "medium", 40, "port 22 open")});
  EXPECT_TRUE(result.warnings.empty()) << Describe(result.warnings);
  EXPECT_EQ(result.created, 1);
  EXPECT_EQ(result.outside_diff, 1);

  std::vector<fake::RecordedRequest> reviews;
  for (const fake::RecordedRequest& r : fake_.Requests()) {
    if (r.path == "/repos/acme/app/pulls/7/reviews") reviews.push_back(r);
  }
  ASSERT_EQ(reviews.size(), 1u);
  EXPECT_EQ(reviews[0].method, "POST");
  Json body = reviews[0].Json();
  EXPECT_EQ(body["commit_id"], kSha);
  EXPECT_EQ(body["event"], "COMMENT");
  EXPECT_EQ(body["body"], "Code Pathfinder: 1 finding on lines this pull request changes.");
  ASSERT_EQ(body["comments"].size(), 1u);
  const Json& comment = body["comments"][0];
  EXPECT_EQ(comment.size(), 4u);
  EXPECT_EQ(comment["path"], "Dockerfile");
  EXPECT_EQ(comment["line"], 2);
  EXPECT_EQ(comment["side"], "RIGHT");
  std::string comment_body = comment["body"];
  EXPECT_EQ(comment_body.rfind("<!-- cpf-DOCKER-SEC-001-Dockerfile-2 -->\n", 0), 0u);
  EXPECT_NE(comment_body.find("runs as root"), std::string::npos);

  ASSERT_EQ(fake_.ReviewComments(7).size(), 1u);
  ASSERT_EQ(Summaries().size(), 1u);
  const std::string summary = Summaries()[0].body;
  size_t section = summary.find("### Not commented inline");
  ASSERT_NE(section, std::string::npos) << summary;
  EXPECT_NE(summary.find("`DOCKER-AUD-003` [Dockerfile:40]", section), std::string::npos);
  EXPECT_EQ(summary.find("DOCKER-SEC-001", section), std::string::npos);

  // Both file pages were read to find the Dockerfile's patch.
  int file_pages = 0;
  for (const fake::RecordedRequest& r : fake_.Requests()) {
    if (r.path == "/repos/acme/app/pulls/7/files") ++file_pages;
  }
  EXPECT_EQ(file_pages, 2);
}

TEST_F(PublishTest, InlineCommentUpdatedNotDuplicated) {
  options_.inline_comments = true;
  options_.summary = false;
  PublishResult first = Publish({Finding("DOCKER-SEC-001", "high", 10, "first wording")});
  EXPECT_TRUE(first.warnings.empty()) << Describe(first.warnings);
  EXPECT_EQ(first.created, 1);
  ASSERT_EQ(fake_.ReviewComments(7).size(), 1u);
  const std::int64_t id = fake_.ReviewComments(7)[0].id;

  fake_.ClearRequests();
  PublishResult second = Publish({Finding("DOCKER-SEC-001", "high", 10, "second wording")});
  EXPECT_TRUE(second.warnings.empty()) << Describe(second.warnings);
  EXPECT_EQ(second.created, 0);
  EXPECT_EQ(second.updated, 1);
  ASSERT_EQ(fake_.ReviewComments(7).size(), 1u);
  EXPECT_NE(fake_.ReviewComments(7)[0].body.find("second wording"), std::string::npos);
  std::vector<fake::RecordedRequest> writes = fake_.Writes();
  ASSERT_EQ(writes.size(), 1u);
  EXPECT_EQ(writes[0].method, "PATCH");
  EXPECT_EQ(writes[0].path, "/repos/acme/app/pulls/comments/" + std::to_string(id));
  EXPECT_EQ(writes[0].Json(), Json({{"body", fake_.ReviewComments(7)[0].body}}));

  fake_.ClearRequests();
  PublishResult third = Publish({Finding("DOCKER-SEC-001", "high", 10, "second wording")});
  EXPECT_EQ(third.updated, 0);
  EXPECT_TRUE(fake_.Writes().empty());
  EXPECT_EQ(fake_.Reviews(7).size(), 1u);
}

TEST_F(PublishTest, StaleCommentMarkedFixedOnce) {
  options_.inline_comments = true;
  options_.summary = false;
  Publish({Finding("DOCKER-SEC-001", "high", 2, "runs as root")});
  ASSERT_EQ(fake_.ReviewComments(7).size(), 1u);
  const std::int64_t id = fake_.ReviewComments(7)[0].id;

  fake_.SetHeadSha(7, "1111111111111111111111111111111111111111");
  fake_.ClearRequests();
  PublishResult fixed = Publish({});
  EXPECT_TRUE(fixed.warnings.empty()) << Describe(fixed.warnings);
  EXPECT_EQ(fixed.marked_fixed, 1);
  std::vector<fake::RecordedRequest> writes = fake_.Writes();
  ASSERT_EQ(writes.size(), 1u);
  EXPECT_EQ(writes[0].path, "/repos/acme/app/pulls/comments/" + std::to_string(id));
  const std::string body = fake_.ReviewComments(7)[0].body;
  EXPECT_EQ(body.rfind("<!-- cpf-DOCKER-SEC-001-Dockerfile-2 -->\n", 0), 0u);
  EXPECT_NE(body.find("Fixed in 1111111111111111111111111111111111111111"), std::string::npos);

  fake_.ClearRequests();
  PublishResult again = Publish({});
  EXPECT_EQ(again.marked_fixed, 0);
  EXPECT_TRUE(fake_.Writes().empty());
}

TEST_F(PublishTest, ReviewCommentsAreReadAcrossPages) {
  options_.inline_comments = true;
  options_.summary = false;
  PrFinding kept = Finding("DOCKER-SEC-001", "high", 2, "runs as root");
  for (int i = 0; i < 120; ++i) {
    fake::FakeComment c;
    c.body = "a reviewer's note " + std::to_string(i);
    c.user = "reviewer";
    c.path = "Dockerfile";
    c.line = 1;
    fake_.AddReviewComment(7, c);
  }
  // Ours come after the first page: one still current, one whose finding is gone.
  fake::FakeComment current;
  current.body = InlineBody(InlineMarker(kept), {kept});
  current.path = "Dockerfile";
  current.line = 2;
  const std::int64_t current_id = fake_.AddReviewComment(7, current);
  fake::FakeComment stale;
  stale.body = "<!-- cpf-DOCKER-BP-009-Dockerfile-3 -->\nold finding";
  stale.path = "Dockerfile";
  stale.line = 3;
  const std::int64_t stale_id = fake_.AddReviewComment(7, stale);
  // A reply quoting our marker is a person's, not ours.
  fake::FakeComment reply;
  reply.body = "<!-- cpf-DOCKER-BP-010-Dockerfile-4 --> why?";
  reply.in_reply_to_id = current_id;
  fake_.AddReviewComment(7, reply);

  PublishResult result = Publish({kept});
  EXPECT_TRUE(result.warnings.empty()) << Describe(result.warnings);
  EXPECT_EQ(result.created, 0);
  EXPECT_EQ(result.updated, 0);
  EXPECT_EQ(result.marked_fixed, 1);
  std::vector<fake::RecordedRequest> writes = fake_.Writes();
  ASSERT_EQ(writes.size(), 1u);
  EXPECT_EQ(writes[0].path, "/repos/acme/app/pulls/comments/" + std::to_string(stale_id));
}

TEST_F(PublishTest, BadGatewayThenSuccess) {
  fake_.FailNext("GET", "/repos/acme/app/pulls/7", 1, 502);
  PublishResult result = Publish({Finding("DOCKER-SEC-001", "high", 2, "x")});
  EXPECT_TRUE(result.warnings.empty()) << Describe(result.warnings);
  EXPECT_TRUE(result.summary_created);
  EXPECT_EQ(sleeps_, (std::vector<long>{1000}));
  EXPECT_EQ(Summaries().size(), 1u);
}

TEST_F(PublishTest, TooManyRequestsWaitsForRetryAfter) {
  fake_.FailNext("POST", "/repos/acme/app/issues/7/comments", 1, 429, {{"Retry-After", "3"}});
  PublishResult result = Publish({});
  EXPECT_TRUE(result.warnings.empty()) << Describe(result.warnings);
  EXPECT_TRUE(result.summary_created);
  EXPECT_EQ(sleeps_, (std::vector<long>{3000}));
  ASSERT_EQ(Summaries().size(), 1u);
  EXPECT_NE(Summaries()[0].body.find("No findings"), std::string::npos);
}

TEST_F(PublishTest, RefusedReviewFallsBackToSingleComments) {
  options_.inline_comments = true;
  fake_.FailNext("POST", "/repos/acme/app/pulls/7/reviews", 1, 422, {},
                 R"({"message":"Unprocessable Entity","errors":["Line could not be resolved"]})");
  PublishResult result = Publish(
      {Finding("DOCKER-SEC-001", "high", 2, "a"), Finding("DOCKER-BP-002", "low", 11, "b")});
  EXPECT_EQ(result.created, 2);
  ASSERT_EQ(result.warnings.size(), 1u);
  EXPECT_EQ(result.warnings[0],
            "GitHub refused the review (POST /repos/acme/app/pulls/7/reviews: 422 Unprocessable "
            "Entity (Unprocessable Entity; Line could not be resolved)); its comments were posted "
            "one by one");
  int singles = 0;
  for (const fake::RecordedRequest& r : fake_.Writes()) {
    if (r.path != "/repos/acme/app/pulls/7/comments") continue;
    ++singles;
    Json body = r.Json();
    EXPECT_EQ(body["commit_id"], kSha);
    EXPECT_EQ(body["side"], "RIGHT");
    EXPECT_EQ(body["path"], "Dockerfile");
  }
  EXPECT_EQ(singles, 2);
  EXPECT_EQ(fake_.ReviewComments(7).size(), 2u);
  EXPECT_EQ(Summaries()[0].body.find("Not commented inline"), std::string::npos);
}

TEST_F(PublishTest, RefusedEverywhereEndsAsWarningAndSummaryListsThem) {
  options_.inline_comments = true;
  fake_.FailNext("POST", "/repos/acme/app/pulls/7/reviews", 1, 422);
  fake_.FailNext("POST", "/repos/acme/app/pulls/7/comments", 5, 422);
  PublishResult result = Publish({Finding("DOCKER-SEC-001", "high", 2, "a")});
  EXPECT_EQ(result.created, 0);
  ASSERT_EQ(result.warnings.size(), 1u);
  EXPECT_NE(result.warnings[0].find("1 of 1 comments refused on their own too"), std::string::npos)
      << result.warnings[0];
  EXPECT_TRUE(result.summary_created);
  EXPECT_NE(Summaries()[0].body.find("### Not commented inline"), std::string::npos);
}

TEST_F(PublishTest, ServerErrorOnReviewIsAWarningWithoutFallback) {
  options_.inline_comments = true;
  fake_.FailNext("POST", "/repos/acme/app/pulls/7/reviews", 10, 500);
  PublishResult result = Publish({Finding("DOCKER-SEC-001", "high", 2, "a")});
  ASSERT_EQ(result.warnings.size(), 1u);
  EXPECT_EQ(result.warnings[0].rfind("cannot post the review with 1 inline comments: POST "
                                     "/repos/acme/app/pulls/7/reviews: 500",
                                     0),
            0u)
      << result.warnings[0];
  for (const fake::RecordedRequest& r : fake_.Writes()) {
    EXPECT_NE(r.path, "/repos/acme/app/pulls/7/comments");
  }
  EXPECT_TRUE(result.summary_created);
}

TEST_F(PublishTest, WrongTokenGivesWarningsWithoutTheToken) {
  options_.token = "ghp_NotTheRightOne123";
  options_.inline_comments = true;
  PublishResult result = PublishPullRequest(options_, {Finding("R", "high", 2, "m")}, http_);
  ASSERT_EQ(result.warnings.size(), 1u);
  EXPECT_EQ(result.warnings[0],
            "cannot read pull request #7: GET /repos/acme/app/pulls/7: 401 Unauthorized (Bad "
            "credentials)");
  EXPECT_EQ(result.warnings[0].find("ghp_NotTheRightOne123"), std::string::npos);
  ASSERT_EQ(fake_.Requests().size(), 1u);
  EXPECT_EQ(fake_.Requests()[0].Header("authorization"), "Bearer ghp_NotTheRightOne123");
}

TEST_F(PublishTest, MissingPullRequest) {
  options_.pr = 99;
  PublishResult result = Publish({});
  ASSERT_EQ(result.warnings.size(), 1u);
  EXPECT_EQ(result.warnings[0],
            "cannot read pull request #99: GET /repos/acme/app/pulls/99: 404 Not Found");
  EXPECT_TRUE(fake_.Writes().empty());
}

TEST_F(PublishTest, FailedCommentListingPostsNoSecondSummary) {
  Publish({});
  ASSERT_EQ(Summaries().size(), 1u);
  fake_.FailNext("GET", "/repos/acme/app/issues/7/comments", 10, 404);
  fake_.ClearRequests();
  PublishResult result = Publish({Finding("R", "high", 2, "m")});
  ASSERT_EQ(result.warnings.size(), 1u);
  EXPECT_EQ(result.warnings[0].rfind("cannot list the pull request's comments", 0), 0u);
  EXPECT_TRUE(fake_.Writes().empty());
  EXPECT_EQ(Summaries().size(), 1u);
}

TEST_F(PublishTest, BadOptionsSendNothing) {
  options_.repo = "acme/app/../../x";
  PublishResult result = Publish({});
  EXPECT_EQ(result.warnings, std::vector<std::string>{"not a GitHub repository name (owner/name): "
                                                      "'acme/app/../../x'"});
  options_.repo = "acme/app";
  options_.token.clear();
  result = Publish({});
  EXPECT_EQ(result.warnings,
            std::vector<std::string>{"no GitHub token, so no pull request comments"});
  options_.token = kToken;
  options_.summary = false;
  options_.inline_comments = false;
  result = Publish({});
  EXPECT_TRUE(result.warnings.empty());
  EXPECT_TRUE(fake_.Requests().empty());
}

TEST_F(PublishTest, DotSlashPathsMatchTheDiff) {
  options_.inline_comments = true;
  options_.summary = false;
  PrFinding f = Finding("DOCKER-SEC-001", "high", 2, "x");
  f.path = "./Dockerfile";
  PublishResult result = Publish({f});
  EXPECT_TRUE(result.warnings.empty()) << Describe(result.warnings);
  EXPECT_EQ(result.created, 1);
  ASSERT_EQ(fake_.ReviewComments(7).size(), 1u);
  EXPECT_EQ(fake_.ReviewComments(7)[0].path, "Dockerfile");
}

}  // namespace
}  // namespace pf::github
