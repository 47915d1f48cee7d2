// The libcurl client and the API layer against the fake GitHub server, over
// real sockets on 127.0.0.1.
#include "github/curl_http_client.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "github/api.h"
#include "tests/support/fake_github.h"

namespace pf::github {
namespace {

using std::chrono::milliseconds;
using Json = nlohmann::json;

constexpr char kToken[] = "ghp_TopSecretValue42";
constexpr char kPullPath[] = "/repos/acme/app/pulls/1";
constexpr char kCommentsPath[] = "/repos/acme/app/issues/1/comments";

class ClientTest : public testing::Test {
 protected:
  ClientTest() : http_(Options()) {
    fake_.RequireToken(kToken);
    fake_.AddPull(1, "abc123", {});
  }

  CurlClientOptions Options() {
    CurlClientOptions options;
    options.connect_timeout = milliseconds(2000);
    options.total_timeout = milliseconds(5000);
    options.retry.sleep = [this](milliseconds d) { sleeps_.push_back(d.count()); };
    options.retry.now_epoch_seconds = [] { return std::int64_t{1'000'000}; };
    return options;
  }

  GitHubApi Api(std::string token = kToken) {
    return GitHubApi(http_, {fake_.url(), std::move(token), "2022-11-28"});
  }

  fake::FakeGitHub fake_;
  std::vector<long> sleeps_;
  CurlHttpClient http_;
};

// A TCP port on 127.0.0.1 that nobody listens on.
int ClosedPort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

TEST_F(ClientTest, SendsGitHubHeaders) {
  GitHubApi api = Api();
  ApiResult result = api.Call("GET", kPullPath);
  ASSERT_TRUE(result.ok) << result.error;
  EXPECT_EQ(result.json["head"]["sha"], "abc123");
  std::vector<fake::RecordedRequest> requests = fake_.Requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].method, "GET");
  EXPECT_EQ(requests[0].path, kPullPath);
  EXPECT_EQ(requests[0].Header("authorization"), std::string("Bearer ") + kToken);
  EXPECT_EQ(requests[0].Header("accept"), "application/vnd.github.v3+json");
  EXPECT_EQ(requests[0].Header("user-agent"), "pathfinder");
  EXPECT_EQ(requests[0].Header("x-github-api-version"), "2022-11-28");
  EXPECT_TRUE(sleeps_.empty());
}

TEST_F(ClientTest, PostsJsonBody) {
  GitHubApi api = Api();
  ApiResult result = api.Call("POST", kCommentsPath, {{"body", "hello \"world\"\n"}});
  ASSERT_TRUE(result.ok) << result.error;
  EXPECT_EQ(result.status, 201);
  std::vector<fake::RecordedRequest> requests = fake_.Requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].method, "POST");
  EXPECT_EQ(requests[0].Header("content-type"), "application/json");
  EXPECT_EQ(requests[0].Json(), Json({{"body", "hello \"world\"\n"}}));
  ASSERT_EQ(fake_.IssueComments(1).size(), 1u);
  EXPECT_EQ(fake_.IssueComments(1)[0].body, "hello \"world\"\n");
}

TEST_F(ClientTest, RetriesBadGatewayThenSucceeds) {
  fake_.FailNext("GET", kPullPath, 1, 502);
  GitHubApi api = Api();
  ApiResult result = api.Call("GET", kPullPath);
  ASSERT_TRUE(result.ok) << result.error;
  EXPECT_EQ(fake_.Requests().size(), 2u);
  EXPECT_EQ(sleeps_, (std::vector<long>{1000}));
}

TEST_F(ClientTest, GivesUpAfterBoundedTriesWithDoublingWaits) {
  fake_.FailNext("GET", kPullPath, 10, 503);
  GitHubApi api = Api();
  ApiResult result = api.Call("GET", kPullPath);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.status, 503);
  EXPECT_EQ(result.error,
            "GET /repos/acme/app/pulls/1: 503 Service Unavailable (injected failure); gave up "
            "after 4 tries");
  EXPECT_EQ(fake_.Requests().size(), 4u);
  EXPECT_EQ(sleeps_, (std::vector<long>{1000, 2000, 4000}));
}

TEST_F(ClientTest, WaitsForRetryAfter) {
  fake_.FailNext("POST", kCommentsPath, 1, 429, {{"Retry-After", "7"}});
  GitHubApi api = Api();
  ApiResult result = api.Call("POST", kCommentsPath, {{"body", "x"}});
  ASSERT_TRUE(result.ok) << result.error;
  EXPECT_EQ(sleeps_, (std::vector<long>{7000}));
  EXPECT_EQ(fake_.IssueComments(1).size(), 1u);
}

TEST_F(ClientTest, WaitsForRateLimitReset) {
  fake_.FailNext("GET", kPullPath, 1, 403,
                 {{"x-ratelimit-remaining", "0"}, {"x-ratelimit-reset", "1000005"}});
  GitHubApi api = Api();
  ApiResult result = api.Call("GET", kPullPath);
  ASSERT_TRUE(result.ok) << result.error;
  EXPECT_EQ(sleeps_, (std::vector<long>{6000}));  // to the reset, plus one second
}

TEST_F(ClientTest, RateLimitLongerThanTheCapIsGivenUp) {
  fake_.FailNext("GET", kPullPath, 1, 429, {{"Retry-After", "3600"}});
  GitHubApi api = Api();
  ApiResult result = api.Call("GET", kPullPath);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.error,
            "GET /repos/acme/app/pulls/1: 429 Too Many Requests (injected failure); rate limited "
            "by GitHub for 3600 s, more than the 60 s this run waits");
  EXPECT_TRUE(sleeps_.empty());
  EXPECT_EQ(fake_.Requests().size(), 1u);
}

TEST_F(ClientTest, ForbiddenWithoutRateLimitIsNotRetried) {
  fake_.FailNext("GET", kPullPath, 1, 403, {}, R"({"message":"Resource not accessible"})");
  GitHubApi api = Api();
  ApiResult result = api.Call("GET", kPullPath);
  EXPECT_EQ(result.error, "GET /repos/acme/app/pulls/1: 403 Forbidden (Resource not accessible)");
  EXPECT_EQ(fake_.Requests().size(), 1u);
  EXPECT_TRUE(sleeps_.empty());
}

TEST_F(ClientTest, TokenNeverInErrors) {
  // A server that echoes the credential back must not make us print it.
  fake_.FailNext("GET", kPullPath, 1, 401, {},
                 Json{{"message", std::string("bad token ") + kToken}}.dump());
  GitHubApi api = Api();
  ApiResult result = api.Call("GET", kPullPath);
  EXPECT_EQ(result.error, "GET /repos/acme/app/pulls/1: 401 Unauthorized (bad token ***)");

  GitHubApi wrong = Api("ghp_WrongTokenValue7");
  result = wrong.Call("GET", kPullPath);
  EXPECT_EQ(result.error, "GET /repos/acme/app/pulls/1: 401 Unauthorized (Bad credentials)");
  EXPECT_EQ(fake_.Requests().back().Header("authorization"), "Bearer ghp_WrongTokenValue7");
}

TEST_F(ClientTest, ConnectionRefusedIsRetriedThenReported) {
  GitHubApi api(http_, {"http://127.0.0.1:" + std::to_string(ClosedPort()), kToken, ""});
  ApiResult result = api.Call("GET", kPullPath);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.status, 0);
  EXPECT_NE(result.error.find("GET /repos/acme/app/pulls/1: "), std::string::npos);
  EXPECT_NE(result.error.find("gave up after 4 tries"), std::string::npos) << result.error;
  EXPECT_EQ(result.error.find(kToken), std::string::npos);
  EXPECT_EQ(sleeps_.size(), 3u);
}

TEST_F(ClientTest, TotalTimeoutEndsASilentServer) {
  // Listening but never answering: the connection succeeds, the answer never comes.
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(listen(fd, 4), 0);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);

  CurlClientOptions options = Options();
  options.total_timeout = milliseconds(300);
  options.retry.max_attempts = 1;
  CurlHttpClient http(options);
  HttpRequest request;
  request.url = "http://127.0.0.1:" + std::to_string(ntohs(addr.sin_port)) + "/x";
  auto start = std::chrono::steady_clock::now();
  HttpResponse response = http.Send(request);
  auto took = std::chrono::steady_clock::now() - start;
  close(fd);
  EXPECT_EQ(response.status, 0);
  EXPECT_NE(response.error.find("timed out"), std::string::npos) << response.error;
  EXPECT_LT(took, std::chrono::seconds(3));
}

TEST_F(ClientTest, ListAllFollowsLinkHeaders) {
  for (int i = 0; i < 250; ++i) fake_.AddIssueComment(1, "comment " + std::to_string(i));
  GitHubApi api = Api();
  Json items;
  std::string error;
  ASSERT_TRUE(api.ListAll(kCommentsPath, &items, &error)) << error;
  ASSERT_EQ(items.size(), 250u);
  EXPECT_EQ(items[0]["body"], "comment 0");
  EXPECT_EQ(items[249]["body"], "comment 249");
  std::vector<fake::RecordedRequest> requests = fake_.Requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_EQ(requests[0].query, "per_page=100&page=1");
  EXPECT_EQ(requests[1].query, "per_page=100&page=2");
  EXPECT_EQ(requests[2].query, "per_page=100&page=3");
  for (const fake::RecordedRequest& r : requests) {
    EXPECT_EQ(r.Header("authorization"), std::string("Bearer ") + kToken);
  }
}

TEST_F(ClientTest, ListAllStopsAtAShortPageEvenWithANextLink) {
  std::string next = "<" + fake_.url() + kCommentsPath + "?per_page=100&page=2>; rel=\"next\"";
  fake_.FailNext("GET", kCommentsPath, 1, 200, {{"Link", next}}, R"([{"id":1},{"id":2}])");
  GitHubApi api = Api();
  Json items;
  std::string error;
  ASSERT_TRUE(api.ListAll(kCommentsPath, &items, &error)) << error;
  EXPECT_EQ(items.size(), 2u);
  EXPECT_EQ(fake_.Requests().size(), 1u);
}

TEST_F(ClientTest, ListAllPagesByCountWithoutLinkHeaders) {
  fake_.SetLinkHeaders(false);
  for (int i = 0; i < 200; ++i) fake_.AddIssueComment(1, "c" + std::to_string(i));
  GitHubApi api = Api();
  Json items;
  std::string error;
  ASSERT_TRUE(api.ListAll(kCommentsPath, &items, &error)) << error;
  EXPECT_EQ(items.size(), 200u);
  std::vector<fake::RecordedRequest> requests = fake_.Requests();
  ASSERT_EQ(requests.size(), 3u);  // the third page is empty
  EXPECT_EQ(requests[2].query, "per_page=100&page=3");
}

TEST_F(ClientTest, ListAllRefusesANextLinkToAnotherHost) {
  Json full = Json::array();
  for (int i = 0; i < 100; ++i) full.push_back({{"id", i}});
  fake_.FailNext("GET", kCommentsPath, 1, 200,
                 {{"Link", "<http://elsewhere.example/steal?page=2>; rel=\"next\""}}, full.dump());
  GitHubApi api = Api();
  Json items;
  std::string error;
  EXPECT_FALSE(api.ListAll(kCommentsPath, &items, &error));
  EXPECT_NE(error.find("next page link leaves " + fake_.url()), std::string::npos) << error;
  EXPECT_EQ(fake_.Requests().size(), 1u);
}

TEST_F(ClientTest, ListAllReportsAFailedPage) {
  for (int i = 0; i < 150; ++i) fake_.AddIssueComment(1, "c");
  fake_.FailNext("GET", kCommentsPath, 1, 200, {}, "not json");
  GitHubApi api = Api();
  Json items;
  std::string error;
  EXPECT_FALSE(api.ListAll(kCommentsPath, &items, &error));
  EXPECT_EQ(error,
            "GET /repos/acme/app/issues/1/comments?per_page=100&page=1: the answer is not a JSON "
            "list");
}

TEST_F(ClientTest, FakeRefusesReviewCommentsOutsideTheDiff) {
  fake_.AddPull(2, "def456",
                {{"Dockerfile", "modified", "@@ -1,1 +1,2 @@\n FROM a\n+USER b\n", ""}});
  GitHubApi api = Api();
  Json review = {{"commit_id", "def456"},
                 {"event", "COMMENT"},
                 {"body", "review"},
                 {"comments",
                  {{{"path", "Dockerfile"}, {"line", 2}, {"side", "RIGHT"}, {"body", "ok"}},
                   {{"path", "Dockerfile"}, {"line", 3}, {"side", "RIGHT"}, {"body", "no"}}}}};
  ApiResult refused = api.Call("POST", "/repos/acme/app/pulls/2/reviews", review);
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(fake_.ReviewComments(2).empty());
  review["comments"].erase(1);
  ApiResult accepted = api.Call("POST", "/repos/acme/app/pulls/2/reviews", review);
  ASSERT_TRUE(accepted.ok) << accepted.error;
  ASSERT_EQ(fake_.ReviewComments(2).size(), 1u);
  EXPECT_EQ(fake_.ReviewComments(2)[0].line, 2);
}

}  // namespace
}  // namespace pf::github
