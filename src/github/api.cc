#include "github/api.h"

#include "github/link_header.h"

namespace pf::github {
namespace {

std::string WithoutTrailingSlash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

// The path and query of a URL on the API's host, for messages.
std::string PathOf(const std::string& url, const std::string& origin) {
  return url.rfind(origin, 0) == 0 ? url.substr(origin.size()) : url;
}

std::string ReasonPhrase(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 409:
      return "Conflict";
    case 410:
      return "Gone";
    case 422:
      return "Unprocessable Entity";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "";
  }
}

// GitHub's own explanation from an error body: "message" and any "errors".
std::string GitHubMessage(const std::string& body) {
  nlohmann::json json = nlohmann::json::parse(body, nullptr, false);
  if (!json.is_object() || !json.contains("message") || !json["message"].is_string()) return "";
  std::string message = json["message"];
  if (json.contains("errors") && json["errors"].is_array()) {
    for (const nlohmann::json& e : json["errors"]) {
      if (e.is_string()) {
        message += "; " + e.get<std::string>();
      } else if (e.is_object() && e.contains("message") && e["message"].is_string()) {
        message += "; " + e["message"].get<std::string>();
      }
    }
  }
  return message;
}

std::string OneLine(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  constexpr size_t kMax = 300;
  if (text.size() > kMax) text = text.substr(0, kMax) + "...";
  return text;
}

}  // namespace

std::string UrlOrigin(const std::string& url) {
  size_t scheme = url.find("://");
  if (scheme == std::string::npos) return "";
  size_t path = url.find('/', scheme + 3);
  return path == std::string::npos ? url : url.substr(0, path);
}

GitHubApi::GitHubApi(HttpClient& http, ApiConfig config) : http_(http), config_(std::move(config)) {
  config_.api_url = WithoutTrailingSlash(config_.api_url);
  origin_ = UrlOrigin(config_.api_url);
}

std::string GitHubApi::Redact(std::string text) const {
  if (config_.token.empty()) return text;
  size_t at = 0;
  while ((at = text.find(config_.token, at)) != std::string::npos) {
    text.replace(at, config_.token.size(), "***");
    at += 3;
  }
  return text;
}

HttpResponse GitHubApi::Send(const std::string& method, const std::string& url,
                             const std::string& body) {
  HttpRequest request;
  request.method = method;
  request.url = url;
  request.body = body;
  request.headers = {{"Accept", "application/vnd.github.v3+json"}, {"User-Agent", "pathfinder"}};
  if (!config_.token.empty())
    request.headers.emplace_back("Authorization", "Bearer " + config_.token);
  if (!config_.api_version.empty()) {
    request.headers.emplace_back("X-GitHub-Api-Version", config_.api_version);
  }
  if (!body.empty()) request.headers.emplace_back("Content-Type", "application/json");
  return http_.Send(request);
}

std::string GitHubApi::Describe(const std::string& method, const std::string& url,
                                const HttpResponse& response) const {
  std::string text = method + " " + PathOf(url, origin_) + ": ";
  if (response.status == 0) {
    text += response.error.empty() ? "no answer" : response.error;
  } else {
    text += std::to_string(response.status);
    std::string reason = ReasonPhrase(response.status);
    if (!reason.empty()) text += " " + reason;
    std::string message = GitHubMessage(response.body);
    if (!message.empty() && message != reason) text += " (" + message + ")";
    if (!response.error.empty()) text += "; " + response.error;
  }
  return Redact(OneLine(text));
}

ApiResult GitHubApi::Call(const std::string& method, const std::string& path,
                          const nlohmann::json& body) {
  const std::string url = config_.api_url + path;
  HttpResponse response = Send(method, url, body.is_null() ? "" : body.dump());
  ApiResult result;
  result.status = response.status;
  if (response.status < 200 || response.status > 299) {
    result.error = Describe(method, url, response);
    return result;
  }
  if (!response.body.empty()) {
    result.json = nlohmann::json::parse(response.body, nullptr, false);
    if (result.json.is_discarded()) {
      result.json = nullptr;
      result.error = Redact(method + " " + path + ": the answer is not JSON");
      return result;
    }
  }
  result.ok = true;
  return result;
}

bool GitHubApi::ListAll(const std::string& path, nlohmann::json* items, std::string* error) {
  *items = nlohmann::json::array();
  const std::string separator = path.find('?') == std::string::npos ? "?" : "&";
  const std::string first_page =
      config_.api_url + path + separator + "per_page=" + std::to_string(kPerPage);
  std::string url = first_page + "&page=1";
  for (int page = 1; page <= kMaxPages; ++page) {
    HttpResponse response = Send("GET", url, "");
    if (response.status < 200 || response.status > 299) {
      *error = Describe("GET", url, response);
      return false;
    }
    nlohmann::json json = nlohmann::json::parse(response.body, nullptr, false);
    if (!json.is_array()) {
      *error = Redact("GET " + PathOf(url, origin_) + ": the answer is not a JSON list");
      return false;
    }
    for (nlohmann::json& item : json) items->push_back(std::move(item));
    if (static_cast<int>(json.size()) < kPerPage) return true;

    std::optional<std::string> link = response.Header("link");
    if (!link) {
      url = first_page + "&page=" + std::to_string(page + 1);
      continue;
    }
    std::optional<std::string> next = NextPageUrl(*link);
    if (!next) return true;
    // The token goes with every request, so only to the API's own host.
    if (UrlOrigin(*next) != origin_) {
      *error = Redact("GET " + PathOf(url, origin_) + ": next page link leaves " + origin_);
      return false;
    }
    url = *next;
  }
  *error = Redact("GET " + path + ": more than " + std::to_string(kMaxPages) +
                  " pages; the rest is ignored");
  return false;
}

}  // namespace pf::github
