#include "cli/pr_comments.h"

#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

namespace pf::cli {

namespace {

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v == nullptr ? "" : v;
}

// refs/pull/123/merge -> 123.
int PrFromRef(const std::string& ref) {
  constexpr std::string_view kPrefix = "refs/pull/";
  if (!ref.starts_with(kPrefix)) return 0;
  std::size_t end = ref.find('/', kPrefix.size());
  std::string digits = ref.substr(kPrefix.size(), end - kPrefix.size());
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) return 0;
  return std::atoi(digits.c_str());
}

int PrFromEventFile(const std::string& path) {
  if (path.empty()) return 0;
  std::ifstream in(path);
  nlohmann::json event = nlohmann::json::parse(in, nullptr, false);
  if (event.is_discarded() || !event.is_object()) return 0;
  for (const auto* key : {"pull_request", "issue"}) {
    if (event.contains(key) && event[key].is_object() && event[key].contains("number") &&
        event[key]["number"].is_number_integer()) {
      return event[key]["number"].get<int>();
    }
  }
  return 0;
}

}  // namespace

bool ResolvePrTarget(const CiFlags& ci, PrTarget* target, std::string* error) {
  target->token = !ci.github_token.empty() ? ci.github_token : Env("GITHUB_TOKEN");
  target->repo = !ci.github_repo.empty() ? ci.github_repo : Env("GITHUB_REPOSITORY");
  target->pr = ci.github_pr;
  if (target->pr == 0) target->pr = PrFromRef(Env("GITHUB_REF"));
  if (target->pr == 0) target->pr = PrFromEventFile(Env("GITHUB_EVENT_PATH"));
  if (target->token.empty()) {
    *error = "--pr-comment needs a token: --github-token or GITHUB_TOKEN";
    return false;
  }
  if (target->repo.empty() || target->repo.find('/') == std::string::npos) {
    *error = "--pr-comment needs the repository as owner/name: --github-repo or GITHUB_REPOSITORY";
    return false;
  }
  if (target->pr <= 0) {
    *error =
        "--pr-comment needs the pull-request number: --github-pr, or a pull-request GITHUB_REF "
        "or GITHUB_EVENT_PATH";
    return false;
  }
  return true;
}

void PrCollector::File(report::FileReport& file) {
  for (const Finding& f : file.findings) {
    if (f.suppression) continue;
    github::PrFinding p;
    p.rule_id = f.rule_id;
    p.rule_name = f.rule_name;
    p.severity = std::string(SeverityName(f.severity));
    p.path = repo_prefix_ + f.file;
    p.message = f.message;
    p.fingerprint = f.fingerprint;
    p.line = f.range.start.line;
    p.end_line = f.range.end.line;
    findings_.push_back(std::move(p));
  }
}

void PrCollector::End(report::Summary& summary) {
  files_scanned_ = summary.files_scanned;
  rules_count_ = summary.rules_executed;
}

}  // namespace pf::cli
