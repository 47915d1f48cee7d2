#pragma once

// An in-memory GitHub REST API on 127.0.0.1 for tests: pull requests with
// changed files and patches, issue comments, review comments and reviews,
// answered the way GitHub answers them (pagination with Link headers, 422 for
// review comments outside the diff, 401 for a wrong token). Every request is
// recorded, and failures can be injected. Thread-safe; the server runs on its
// own thread from construction to destruction.

#include <cstdint>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace httplib {
class Server;
}

namespace pf::fake {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct RecordedRequest {
  std::string method;
  std::string path;    // without the query
  std::string query;   // raw, without '?'
  HeaderList headers;  // names in lower case, in arrival order
  std::string body;

  // The first value of a header (any case), or nullopt.
  std::optional<std::string> Header(const std::string& name) const;
  nlohmann::json Json() const;  // the body parsed, or null when it is not JSON
};

struct FakeFile {
  std::string filename;
  std::string status = "modified";  // added, removed, modified, renamed, ...
  std::string patch;                // unified diff hunks; empty: no patch (binary, too large)
  std::string previous_filename;    // for renamed
};

struct FakeComment {
  std::int64_t id = 0;
  std::string body;
  std::string user = "github-actions[bot]";
  // Review comments only:
  std::string path;
  int line = 0;
  std::string side = "RIGHT";
  std::string commit_id;
  std::int64_t review_id = 0;
  std::int64_t in_reply_to_id = 0;
};

struct FakeReview {
  std::int64_t id = 0;
  std::string commit_id;
  std::string event;
  std::string body;
  std::vector<std::int64_t> comment_ids;
};

class FakeGitHub {
 public:
  // Serves repository `repo` ("owner/name"); other repositories are 404.
  explicit FakeGitHub(std::string repo = "acme/app");
  ~FakeGitHub();
  FakeGitHub(const FakeGitHub&) = delete;
  FakeGitHub& operator=(const FakeGitHub&) = delete;

  // Base URL to use as the API URL, "http://127.0.0.1:PORT".
  std::string url() const;
  int port() const { return port_; }

  // When set, requests without "Authorization: Bearer <token>" get 401.
  void RequireToken(std::string token);
  // GitHub sends Link headers; turning them off tests clients that page by count.
  void SetLinkHeaders(bool on);

  void AddPull(int number, std::string head_sha, std::vector<FakeFile> files);
  void SetHeadSha(int number, std::string head_sha);
  std::int64_t AddIssueComment(int number, std::string body, std::string user = "someone");
  // Stored as given except for the id, which the fake assigns and returns.
  std::int64_t AddReviewComment(int number, FakeComment comment);

  std::vector<FakeComment> IssueComments(int number) const;
  std::vector<FakeComment> ReviewComments(int number) const;
  std::vector<FakeReview> Reviews(int number) const;

  // The next `count` requests with this method and path (no query) get
  // `status` with these headers and body instead of the real answer. They
  // are recorded like any other request.
  void FailNext(std::string method, std::string path, int count, int status,
                HeaderList headers = {}, std::string body = "");

  std::vector<RecordedRequest> Requests() const;
  // Requests other than GET, the ones that change state.
  std::vector<RecordedRequest> Writes() const;
  void ClearRequests();

 private:
  struct Pull {
    int number = 0;
    std::string head_sha;
    std::vector<FakeFile> files;
    std::vector<FakeComment> issue_comments;
    std::vector<FakeComment> review_comments;
    std::vector<FakeReview> reviews;
  };
  struct Failure {
    std::string method;
    std::string path;
    int remaining = 0;
    int status = 0;
    HeaderList headers;
    std::string body;
  };
  class Routes;
  friend class Routes;

  Pull* FindPull(int number);
  const Pull* FindPull(int number) const;

  std::string repo_;
  std::unique_ptr<Routes> routes_;
  std::unique_ptr<httplib::Server> server_;
  int port_ = 0;
  std::thread thread_;

  mutable std::mutex mutex_;  // guards everything below
  std::string token_;
  bool link_headers_ = true;
  std::int64_t next_id_ = 1001;
  std::vector<Pull> pulls_;
  std::vector<Failure> failures_;
  std::vector<RecordedRequest> requests_;
};

}  // namespace pf::fake
