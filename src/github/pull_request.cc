#include "github/pull_request.h"

#include <exception>

#include "github/api.h"
#include "github/diff_lines.h"
#include "github/inline_review.h"
#include "github/markdown.h"
#include "github/summary.h"

namespace pf::github {
namespace {

using nlohmann::json;

std::string StringField(const json& object, const char* key) {
  if (!object.is_object()) return "";
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

std::int64_t IdField(const json& object) {
  if (!object.is_object()) return 0;
  auto it = object.find("id");
  return it != object.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

// owner/name with the characters GitHub allows, so it is safe in a URL path.
bool ValidRepo(const std::string& repo) {
  size_t slash = repo.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == repo.size()) return false;
  for (size_t i = 0; i < repo.size(); ++i) {
    char c = repo[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.' || i == slash;
    if (!ok) return false;
  }
  return repo.find('/', slash + 1) == std::string::npos && repo != "./." && repo != "../..";
}

std::string NormalPath(std::string path) {
  while (path.rfind("./", 0) == 0) path.erase(0, 2);
  return path;
}

// One publishing run; holds what the steps share.
class Publisher {
 public:
  Publisher(const PrOptions& options, std::vector<PrFinding> findings, HttpClient& http)
      : options_(options),
        findings_(std::move(findings)),
        api_(http, {options.api_url.empty() ? "https://api.github.com" : options.api_url,
                    options.token, options.api_version}),
        repo_path_("/repos/" + options.repo),
        pr_(std::to_string(options.pr)) {}

  PublishResult Run() {
    if (!ReadHeadSha()) return std::move(result_);
    std::vector<PrFinding> not_inline;
    if (options_.inline_comments) PublishInline(&not_inline);
    result_.outside_diff = static_cast<int>(not_inline.size());
    if (options_.summary) PublishSummary(not_inline);
    return std::move(result_);
  }

 private:
  void Warn(const std::string& text) { result_.warnings.push_back(api_.Redact(text)); }

  bool ReadHeadSha() {
    ApiResult pull = api_.Call("GET", repo_path_ + "/pulls/" + pr_);
    if (!pull.ok) {
      Warn("cannot read pull request #" + pr_ + ": " + pull.error);
      return false;
    }
    head_sha_ = pull.json.is_object() ? StringField(pull.json.value("head", json()), "sha") : "";
    if (head_sha_.empty()) {
      Warn("pull request #" + pr_ + " has no head commit in GitHub's answer");
      return false;
    }
    return true;
  }

  bool ReadDiffLines(DiffLines* diff) {
    json files;
    std::string error;
    if (!api_.ListAll(repo_path_ + "/pulls/" + pr_ + "/files", &files, &error)) {
      Warn("cannot list the pull request's files, so no inline comments: " + error);
      return false;
    }
    for (const json& file : files) {
      std::string name = StringField(file, "filename");
      if (!name.empty()) (*diff)[name] = DiffRightLines(StringField(file, "patch"));
    }
    return true;
  }

  bool ReadReviewComments(std::vector<ReviewComment>* comments) {
    json items;
    std::string error;
    if (!api_.ListAll(repo_path_ + "/pulls/" + pr_ + "/comments", &items, &error)) {
      Warn("cannot list review comments, so no inline comments: " + error);
      return false;
    }
    for (const json& item : items) {
      // Replies in a thread are people's; only thread starters are ours.
      if (item.is_object() && item.contains("in_reply_to_id") &&
          !item["in_reply_to_id"].is_null()) {
        continue;
      }
      comments->push_back({IdField(item), StringField(item, "body")});
    }
    return true;
  }

  void PublishInline(std::vector<PrFinding>* not_inline) {
    DiffLines diff;
    std::vector<ReviewComment> existing;
    if (!ReadDiffLines(&diff) || !ReadReviewComments(&existing)) {
      *not_inline = findings_;
      return;
    }
    InlinePlan plan =
        PlanInline(findings_, diff, existing, head_sha_, options_.max_inline_comments);
    *not_inline = plan.not_inline;
    for (const CommentEdit& edit : plan.update) {
      if (EditReviewComment(edit, "update")) ++result_.updated;
    }
    for (const CommentEdit& edit : plan.mark_fixed) {
      if (EditReviewComment(edit, "mark fixed")) ++result_.marked_fixed;
    }
    if (!plan.create.empty()) CreateComments(plan.create, not_inline);
  }

  bool EditReviewComment(const CommentEdit& edit, const std::string& what) {
    ApiResult r = api_.Call("PATCH", repo_path_ + "/pulls/comments/" + std::to_string(edit.id),
                            {{"body", edit.body}});
    if (!r.ok)
      Warn("cannot " + what + " inline comment " + std::to_string(edit.id) + ": " + r.error);
    return r.ok;
  }

  // One review for all new comments; if GitHub refuses it as a whole, each
  // comment on its own, so one bad line does not lose the others.
  void CreateComments(const std::vector<NewInlineComment>& comments,
                      std::vector<PrFinding>* not_inline) {
    json list = json::array();
    for (const NewInlineComment& c : comments) {
      list.push_back({{"path", c.path}, {"line", c.line}, {"side", "RIGHT"}, {"body", c.body}});
    }
    const std::string count = std::to_string(comments.size());
    json review = {
        {"commit_id", head_sha_},
        {"event", "COMMENT"},
        {"body", "Code Pathfinder: " + count + (comments.size() == 1 ? " finding" : " findings") +
                     " on lines this pull request changes."},
        {"comments", list}};
    ApiResult r = api_.Call("POST", repo_path_ + "/pulls/" + pr_ + "/reviews", review);
    if (r.ok) {
      result_.created += static_cast<int>(comments.size());
      return;
    }
    if (r.status != 422) {
      Warn("cannot post the review with " + count + " inline comments: " + r.error);
      for (const NewInlineComment& c : comments) {
        not_inline->insert(not_inline->end(), c.findings.begin(), c.findings.end());
      }
      return;
    }
    int refused = 0;
    std::string first_error;
    for (const NewInlineComment& c : comments) {
      ApiResult one = api_.Call("POST", repo_path_ + "/pulls/" + pr_ + "/comments",
                                {{"body", c.body},
                                 {"commit_id", head_sha_},
                                 {"path", c.path},
                                 {"line", c.line},
                                 {"side", "RIGHT"}});
      if (one.ok) {
        ++result_.created;
        continue;
      }
      if (refused++ == 0) first_error = one.error;
      not_inline->insert(not_inline->end(), c.findings.begin(), c.findings.end());
    }
    Warn("GitHub refused the review (" + r.error + ")" +
         (refused == 0 ? "; its comments were posted one by one"
                       : "; " + std::to_string(refused) + " of " + count +
                             " comments refused on their own too, first: " + first_error));
  }

  void PublishSummary(const std::vector<PrFinding>& not_inline) {
    SummaryInput input{options_.repo,
                       head_sha_,
                       WebUrl(options_),
                       options_.files_scanned,
                       options_.rules_count,
                       options_.tool_version,
                       findings_,
                       not_inline};
    const std::string body = RenderSummary(input);
    json comments;
    std::string error;
    if (!api_.ListAll(repo_path_ + "/issues/" + pr_ + "/comments", &comments, &error)) {
      // Posting without knowing the old summary could make a second one.
      Warn("cannot list the pull request's comments, so the summary is not posted: " + error);
      return;
    }
    for (const json& c : comments) {
      std::string old_body = StringField(c, "body");
      if (old_body.find(kSummaryMarker) == std::string::npos) continue;
      if (old_body == body) return;
      ApiResult r = api_.Call(
          "PATCH", repo_path_ + "/issues/comments/" + std::to_string(IdField(c)), {{"body", body}});
      if (r.ok) {
        result_.summary_updated = true;
      } else {
        Warn("cannot update the summary comment: " + r.error);
      }
      return;
    }
    ApiResult r = api_.Call("POST", repo_path_ + "/issues/" + pr_ + "/comments", {{"body", body}});
    if (r.ok) {
      result_.summary_created = true;
    } else {
      Warn("cannot post the summary comment: " + r.error);
    }
  }

  const PrOptions& options_;
  std::vector<PrFinding> findings_;
  GitHubApi api_;
  std::string repo_path_;
  std::string pr_;
  std::string head_sha_;
  PublishResult result_;
};

}  // namespace

PublishResult PublishPullRequest(const PrOptions& options, const std::vector<PrFinding>& findings,
                                 HttpClient& http) {
  PublishResult result;
  if (!options.summary && !options.inline_comments) return result;
  if (!ValidRepo(options.repo)) {
    result.warnings.push_back("not a GitHub repository name (owner/name): '" + options.repo + "'");
    return result;
  }
  if (options.pr <= 0) {
    result.warnings.push_back("no pull request number to comment on");
    return result;
  }
  if (options.token.empty()) {
    result.warnings.push_back("no GitHub token, so no pull request comments");
    return result;
  }
  std::vector<PrFinding> normalized = findings;
  for (PrFinding& f : normalized) f.path = NormalPath(f.path);
  try {
    return Publisher(options, std::move(normalized), http).Run();
  } catch (const std::exception& e) {
    std::string why = e.what();
    for (size_t at; (at = why.find(options.token)) != std::string::npos;) {
      why.replace(at, options.token.size(), "***");
    }
    result.warnings.push_back("pull request comments stopped: " + why);
  } catch (...) {
    result.warnings.push_back("pull request comments stopped by an unknown error");
  }
  return result;
}

}  // namespace pf::github
