#include "tests/support/fake_github.h"

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <set>

namespace pf::fake {
namespace {

using nlohmann::json;

constexpr size_t kMaxRequestBytes = 1 << 20;

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// The new-side start line of a hunk header "@@ -a,b +c,d @@", or 0.
int HunkStart(const std::string& line) {
  if (line.rfind("@@ -", 0) != 0) return 0;
  size_t plus = line.find(" +", 4);
  if (plus == std::string::npos || line.find(" @@", plus) == std::string::npos) return 0;
  int start = 0;
  for (size_t i = plus + 2; i < line.size() && line[i] >= '0' && line[i] <= '9'; ++i) {
    start = start * 10 + (line[i] - '0');
  }
  return start;
}

// New-side line numbers a patch shows (added and context lines), which are
// the lines GitHub accepts review comments on with side RIGHT.
std::set<int> RightSideLines(const std::string& patch) {
  std::set<int> lines;
  int next_line = 0;
  size_t start = 0;
  while (start < patch.size()) {
    size_t end = patch.find('\n', start);
    if (end == std::string::npos) end = patch.size();
    std::string line = patch.substr(start, end - start);
    start = end + 1;
    if (int hunk = HunkStart(line); hunk > 0) {
      next_line = hunk;
    } else if (next_line > 0 && !line.empty() && (line[0] == '+' || line[0] == ' ')) {
      lines.insert(next_line++);
    }
  }
  return lines;
}

void SendJson(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json; charset=utf-8");
}

void SendMessage(httplib::Response& res, int status, const std::string& message) {
  SendJson(res, status, {{"message", message}});
}

json UserJson(const std::string& login) {
  return {{"login", login}, {"type", login.find("[bot]") != std::string::npos ? "Bot" : "User"}};
}

json IssueCommentJson(const FakeComment& c) {
  return {{"id", c.id}, {"body", c.body}, {"user", UserJson(c.user)}};
}

json ReviewCommentJson(const FakeComment& c) {
  json out = {{"id", c.id},
              {"body", c.body},
              {"user", UserJson(c.user)},
              {"path", c.path},
              {"line", c.line},
              {"side", c.side},
              {"commit_id", c.commit_id},
              {"original_commit_id", c.commit_id},
              {"pull_request_review_id", c.review_id}};
  if (c.in_reply_to_id != 0) out["in_reply_to_id"] = c.in_reply_to_id;
  return out;
}

json FileJson(const FakeFile& f) {
  json out = {{"filename", f.filename}, {"status", f.status}};
  if (!f.patch.empty()) out["patch"] = f.patch;
  if (!f.previous_filename.empty()) out["previous_filename"] = f.previous_filename;
  return out;
}

int IntParam(const httplib::Request& req, const char* name, int fallback) {
  if (!req.has_param(name)) return fallback;
  const std::string value = req.get_param_value(name);
  if (value.empty() || value.size() > 6 ||
      !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return fallback;
  }
  return std::stoi(value);
}

}  // namespace

std::optional<std::string> RecordedRequest::Header(const std::string& name) const {
  const std::string wanted = Lower(name);
  for (const auto& [key, value] : headers) {
    if (key == wanted) return value;
  }
  return std::nullopt;
}

json RecordedRequest::Json() const { return json::parse(body, nullptr, false); }

// The request handlers; a friend so they can reach the state.
class FakeGitHub::Routes {
 public:
  explicit Routes(FakeGitHub* fake) : fake_(fake) {}

  void Install(httplib::Server& server) {
    const std::string repo = R"(/repos/([^/]+)/([^/]+))";
    server.Get(repo + R"(/pulls/(\d+))", Wrap(&Routes::GetPull));
    server.Get(repo + R"(/pulls/(\d+)/files)", Wrap(&Routes::ListFiles));
    server.Get(repo + R"(/issues/(\d+)/comments)", Wrap(&Routes::ListIssueComments));
    server.Post(repo + R"(/issues/(\d+)/comments)", Wrap(&Routes::CreateIssueComment));
    server.Patch(repo + R"(/issues/comments/(\d+))", Wrap(&Routes::UpdateIssueComment));
    server.Get(repo + R"(/pulls/(\d+)/comments)", Wrap(&Routes::ListReviewComments));
    server.Post(repo + R"(/pulls/(\d+)/comments)", Wrap(&Routes::CreateReviewComment));
    server.Patch(repo + R"(/pulls/comments/(\d+))", Wrap(&Routes::UpdateReviewComment));
    server.Get(repo + R"(/pulls/(\d+)/reviews)", Wrap(&Routes::ListReviews));
    server.Post(repo + R"(/pulls/(\d+)/reviews)", Wrap(&Routes::CreateReview));
    auto not_found = Wrap(&Routes::NotFound);
    server.Get(".*", not_found);
    server.Post(".*", not_found);
    server.Patch(".*", not_found);
    server.Put(".*", not_found);
    server.Delete(".*", not_found);
  }

 private:
  using Method = void (Routes::*)(const httplib::Request&, httplib::Response&);

  // Records the request, then answers with an injected failure, a 401, a
  // 404 for another repository, or the route's own answer.
  httplib::Server::Handler Wrap(Method method) {
    return [this, method](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(fake_->mutex_);
      Record(req);
      res.set_header("x-ratelimit-limit", "5000");
      res.set_header("x-ratelimit-remaining", "4999");
      if (InjectFailure(req, res)) return;
      if (!fake_->token_.empty() &&
          req.get_header_value("Authorization") != "Bearer " + fake_->token_) {
        SendMessage(res, 401, "Bad credentials");
        return;
      }
      if (req.matches.size() > 2 &&
          req.matches[1].str() + "/" + req.matches[2].str() != fake_->repo_) {
        SendMessage(res, 404, "Not Found");
        return;
      }
      (this->*method)(req, res);
    };
  }

  void Record(const httplib::Request& req) {
    RecordedRequest record;
    record.method = req.method;
    record.path = req.path;
    size_t question = req.target.find('?');
    if (question != std::string::npos) record.query = req.target.substr(question + 1);
    for (const auto& [name, value] : req.headers) {
      // httplib adds these for its own bookkeeping; they were not sent.
      if (name == "REMOTE_ADDR" || name == "REMOTE_PORT" || name == "LOCAL_ADDR" ||
          name == "LOCAL_PORT") {
        continue;
      }
      record.headers.emplace_back(Lower(name), value);
    }
    record.body = req.body;
    fake_->requests_.push_back(std::move(record));
  }

  bool InjectFailure(const httplib::Request& req, httplib::Response& res) {
    for (Failure& failure : fake_->failures_) {
      if (failure.remaining <= 0 || failure.method != req.method || failure.path != req.path) {
        continue;
      }
      --failure.remaining;
      res.status = failure.status;
      for (const auto& [name, value] : failure.headers) {
        res.headers.erase(name);  // replaces the default rate-limit headers
        res.set_header(name, value);
      }
      std::string body =
          failure.body.empty() ? json{{"message", "injected failure"}}.dump() : failure.body;
      res.set_content(body, "application/json; charset=utf-8");
      return true;
    }
    return false;
  }

  Pull* PullOr404(const httplib::Request& req, httplib::Response& res) {
    Pull* pull = fake_->FindPull(std::stoi(req.matches[3]));
    if (pull == nullptr) SendMessage(res, 404, "Not Found");
    return pull;
  }

  // Answers one page of `items` the way GitHub pages lists: per_page
  // (default 30, at most 100), page (from 1), and a Link header.
  void SendPage(const httplib::Request& req, httplib::Response& res, const json& items) {
    const int per_page = std::clamp(IntParam(req, "per_page", 30), 1, 100);
    const int page = std::max(IntParam(req, "page", 1), 1);
    const int count = static_cast<int>(items.size());
    const int last = std::max((count + per_page - 1) / per_page, 1);
    json slice = json::array();
    for (int i = (page - 1) * per_page; i < std::min(page * per_page, count); ++i) {
      slice.push_back(items[static_cast<size_t>(i)]);
    }
    if (fake_->link_headers_) {
      auto link = [&](int to, const char* rel) {
        return "<" + fake_->url() + req.path + "?per_page=" + std::to_string(per_page) +
               "&page=" + std::to_string(to) + ">; rel=\"" + rel + "\"";
      };
      std::vector<std::string> parts;
      if (page > 1) parts.push_back(link(page - 1, "prev"));
      if (page < last) parts.push_back(link(page + 1, "next"));
      if (page < last) parts.push_back(link(last, "last"));
      if (page > 1) parts.push_back(link(1, "first"));
      std::string value;
      for (const std::string& part : parts) value += (value.empty() ? "" : ", ") + part;
      if (!value.empty()) res.set_header("Link", value);
    }
    SendJson(res, 200, slice);
  }

  // The body as a JSON object with a non-empty "body" string, else a 4xx.
  std::optional<json> CommentBody(const httplib::Request& req, httplib::Response& res) {
    json body = json::parse(req.body, nullptr, false);
    if (!body.is_object()) {
      SendMessage(res, 400, "Problems parsing JSON");
      return std::nullopt;
    }
    if (!body.contains("body") || !body["body"].is_string() ||
        body["body"].get<std::string>().empty()) {
      SendMessage(res, 422, "Validation Failed");
      return std::nullopt;
    }
    return body;
  }

  // Why GitHub would refuse a comment on this path and line, or "".
  std::string PlacementError(const Pull& pull, const json& comment) {
    if (!comment.contains("path") || !comment["path"].is_string() || !comment.contains("line") ||
        !comment["line"].is_number_integer()) {
      return "path and line are required";
    }
    if (comment.contains("side") && comment["side"] != "RIGHT") return "only side RIGHT is served";
    const std::string path = comment["path"];
    for (const FakeFile& file : pull.files) {
      if (file.filename == path) {
        return RightSideLines(file.patch).count(comment["line"].get<int>()) != 0
                   ? ""
                   : "Line could not be resolved";
      }
    }
    return "Path could not be resolved";
  }

  void GetPull(const httplib::Request& req, httplib::Response& res) {
    Pull* pull = PullOr404(req, res);
    if (pull == nullptr) return;
    SendJson(res, 200,
             {{"number", pull->number},
              {"state", "open"},
              {"head", {{"sha", pull->head_sha}, {"ref", "feature"}}},
              {"base", {{"sha", "0000000000000000000000000000000000000000"}, {"ref", "main"}}}});
  }

  void ListFiles(const httplib::Request& req, httplib::Response& res) {
    Pull* pull = PullOr404(req, res);
    if (pull == nullptr) return;
    json items = json::array();
    for (const FakeFile& file : pull->files) items.push_back(FileJson(file));
    SendPage(req, res, items);
  }

  void ListIssueComments(const httplib::Request& req, httplib::Response& res) {
    Pull* pull = PullOr404(req, res);
    if (pull == nullptr) return;
    json items = json::array();
    for (const FakeComment& c : pull->issue_comments) items.push_back(IssueCommentJson(c));
    SendPage(req, res, items);
  }

  void CreateIssueComment(const httplib::Request& req, httplib::Response& res) {
    Pull* pull = PullOr404(req, res);
    if (pull == nullptr) return;
    std::optional<json> body = CommentBody(req, res);
    if (!body) return;
    FakeComment comment;
    comment.id = fake_->next_id_++;
    comment.body = (*body)["body"];
    pull->issue_comments.push_back(comment);
    SendJson(res, 201, IssueCommentJson(comment));
  }

  void UpdateIssueComment(const httplib::Request& req, httplib::Response& res) {
    const std::int64_t id = std::stoll(req.matches[3]);
    for (Pull& pull : fake_->pulls_) {
      for (FakeComment& comment : pull.issue_comments) {
        if (comment.id != id) continue;
        std::optional<json> body = CommentBody(req, res);
        if (!body) return;
        comment.body = (*body)["body"];
        SendJson(res, 200, IssueCommentJson(comment));
        return;
      }
    }
    SendMessage(res, 404, "Not Found");
  }

  void ListReviewComments(const httplib::Request& req, httplib::Response& res) {
    Pull* pull = PullOr404(req, res);
    if (pull == nullptr) return;
    json items = json::array();
    for (const FakeComment& c : pull->review_comments) items.push_back(ReviewCommentJson(c));
    SendPage(req, res, items);
  }

  void CreateReviewComment(const httplib::Request& req, httplib::Response& res) {
    Pull* pull = PullOr404(req, res);
    if (pull == nullptr) return;
    std::optional<json> body = CommentBody(req, res);
    if (!body) return;
    if (!body->contains("commit_id") || (*body)["commit_id"] != pull->head_sha) {
      SendMessage(res, 422, "commit_id is not the head of the pull request");
      return;
    }
    if (std::string why = PlacementError(*pull, *body); !why.empty()) {
      SendMessage(res, 422, why);
      return;
    }
    FakeComment comment;
    comment.id = fake_->next_id_++;
    comment.body = (*body)["body"];
    comment.path = (*body)["path"];
    comment.line = (*body)["line"];
    comment.commit_id = pull->head_sha;
    pull->review_comments.push_back(comment);
    SendJson(res, 201, ReviewCommentJson(comment));
  }

  void UpdateReviewComment(const httplib::Request& req, httplib::Response& res) {
    const std::int64_t id = std::stoll(req.matches[3]);
    for (Pull& pull : fake_->pulls_) {
      for (FakeComment& comment : pull.review_comments) {
        if (comment.id != id) continue;
        std::optional<json> body = CommentBody(req, res);
        if (!body) return;
        comment.body = (*body)["body"];
        SendJson(res, 200, ReviewCommentJson(comment));
        return;
      }
    }
    SendMessage(res, 404, "Not Found");
  }

  void ListReviews(const httplib::Request& req, httplib::Response& res) {
    Pull* pull = PullOr404(req, res);
    if (pull == nullptr) return;
    json items = json::array();
    for (const FakeReview& r : pull->reviews) {
      items.push_back({{"id", r.id},
                       {"commit_id", r.commit_id},
                       {"body", r.body},
                       {"state", r.event == "COMMENT" ? "COMMENTED" : "PENDING"}});
    }
    SendPage(req, res, items);
  }

  // Like GitHub, one comment that cannot be placed rejects the whole review.
  void CreateReview(const httplib::Request& req, httplib::Response& res) {
    Pull* pull = PullOr404(req, res);
    if (pull == nullptr) return;
    json body = json::parse(req.body, nullptr, false);
    if (!body.is_object()) {
      SendMessage(res, 400, "Problems parsing JSON");
      return;
    }
    FakeReview review;
    review.commit_id = body.value("commit_id", pull->head_sha);
    review.event = body.value("event", "");
    review.body = body.value("body", "");
    if (review.commit_id != pull->head_sha) {
      SendMessage(res, 422, "commit_id is not the head of the pull request");
      return;
    }
    const json comments = body.value("comments", json::array());
    // The API reference makes a body required for COMMENT reviews.
    if (!comments.is_array() || (review.event == "COMMENT" && review.body.empty())) {
      SendJson(res, 422,
               {{"message", "Unprocessable Entity"}, {"errors", {"Body can't be blank"}}});
      return;
    }
    for (const json& comment : comments) {
      std::string why = PlacementError(*pull, comment);
      if (why.empty() && (!comment.contains("body") || !comment["body"].is_string())) {
        why = "body is required";
      }
      if (!why.empty()) {
        SendJson(res, 422, {{"message", "Unprocessable Entity"}, {"errors", {why}}});
        return;
      }
    }
    review.id = fake_->next_id_++;
    for (const json& c : comments) {
      FakeComment comment;
      comment.id = fake_->next_id_++;
      comment.body = c["body"];
      comment.path = c["path"];
      comment.line = c["line"];
      comment.commit_id = review.commit_id;
      comment.review_id = review.id;
      pull->review_comments.push_back(comment);
      review.comment_ids.push_back(comment.id);
    }
    pull->reviews.push_back(review);
    SendJson(res, 200,
             {{"id", review.id}, {"state", "COMMENTED"}, {"commit_id", review.commit_id}});
  }

  void NotFound(const httplib::Request&, httplib::Response& res) {
    SendMessage(res, 404, "Not Found");
  }

  FakeGitHub* fake_;
};

FakeGitHub::FakeGitHub(std::string repo)
    : repo_(std::move(repo)), server_(std::make_unique<httplib::Server>()) {
  server_->set_payload_max_length(kMaxRequestBytes);
  server_->set_read_timeout(5, 0);
  server_->set_write_timeout(5, 0);
  routes_ = std::make_unique<Routes>(this);
  routes_->Install(*server_);
  // Bound and listening before the constructor returns, so the first request
  // waits in the backlog instead of failing.
  port_ = server_->bind_to_any_port("127.0.0.1");
  if (port_ <= 0) return;
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  // stop() does nothing to a server whose loop has not started yet, so the
  // destructor could wait forever on a fake that got no request.
  for (int i = 0; i < 5000 && !server_->is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

FakeGitHub::~FakeGitHub() {
  server_->stop();
  if (thread_.joinable()) thread_.join();
}

std::string FakeGitHub::url() const { return "http://127.0.0.1:" + std::to_string(port_); }

void FakeGitHub::RequireToken(std::string token) {
  std::lock_guard<std::mutex> lock(mutex_);
  token_ = std::move(token);
}

void FakeGitHub::SetLinkHeaders(bool on) {
  std::lock_guard<std::mutex> lock(mutex_);
  link_headers_ = on;
}

void FakeGitHub::AddPull(int number, std::string head_sha, std::vector<FakeFile> files) {
  std::lock_guard<std::mutex> lock(mutex_);
  Pull pull;
  pull.number = number;
  pull.head_sha = std::move(head_sha);
  pull.files = std::move(files);
  pulls_.push_back(std::move(pull));
}

void FakeGitHub::SetHeadSha(int number, std::string head_sha) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (Pull* pull = FindPull(number)) pull->head_sha = std::move(head_sha);
}

std::int64_t FakeGitHub::AddIssueComment(int number, std::string body, std::string user) {
  std::lock_guard<std::mutex> lock(mutex_);
  Pull* pull = FindPull(number);
  if (pull == nullptr) return 0;
  FakeComment comment;
  comment.id = next_id_++;
  comment.body = std::move(body);
  comment.user = std::move(user);
  pull->issue_comments.push_back(comment);
  return comment.id;
}

std::int64_t FakeGitHub::AddReviewComment(int number, FakeComment comment) {
  std::lock_guard<std::mutex> lock(mutex_);
  Pull* pull = FindPull(number);
  if (pull == nullptr) return 0;
  comment.id = next_id_++;
  pull->review_comments.push_back(comment);
  return comment.id;
}

std::vector<FakeComment> FakeGitHub::IssueComments(int number) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const Pull* pull = FindPull(number);
  return pull ? pull->issue_comments : std::vector<FakeComment>{};
}

std::vector<FakeComment> FakeGitHub::ReviewComments(int number) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const Pull* pull = FindPull(number);
  return pull ? pull->review_comments : std::vector<FakeComment>{};
}

std::vector<FakeReview> FakeGitHub::Reviews(int number) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const Pull* pull = FindPull(number);
  return pull ? pull->reviews : std::vector<FakeReview>{};
}

void FakeGitHub::FailNext(std::string method, std::string path, int count, int status,
                          HeaderList headers, std::string body) {
  std::lock_guard<std::mutex> lock(mutex_);
  failures_.push_back(
      {std::move(method), std::move(path), count, status, std::move(headers), std::move(body)});
}

std::vector<RecordedRequest> FakeGitHub::Requests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

std::vector<RecordedRequest> FakeGitHub::Writes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<RecordedRequest> writes;
  for (const RecordedRequest& r : requests_) {
    if (r.method != "GET") writes.push_back(r);
  }
  return writes;
}

void FakeGitHub::ClearRequests() {
  std::lock_guard<std::mutex> lock(mutex_);
  requests_.clear();
}

FakeGitHub::Pull* FakeGitHub::FindPull(int number) {
  for (Pull& pull : pulls_) {
    if (pull.number == number) return &pull;
  }
  return nullptr;
}

const FakeGitHub::Pull* FakeGitHub::FindPull(int number) const {
  for (const Pull& pull : pulls_) {
    if (pull.number == number) return &pull;
  }
  return nullptr;
}

}  // namespace pf::fake
