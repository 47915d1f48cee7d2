#pragma once

// GitHub REST calls over an HttpClient: the standard headers, JSON bodies,
// errors as one-line messages without the token, and paged lists.

#include <nlohmann/json.hpp>
#include <string>

#include "github/http_client.h"

namespace pf::github {

struct ApiConfig {
  std::string api_url = "https://api.github.com";  // no trailing slash needed
  std::string token;                               // sent as a Bearer token when set
  std::string api_version;                         // X-GitHub-Api-Version when set
};

struct ApiResult {
  bool ok = false;  // a 2xx answer with a JSON body (or none)
  int status = 0;
  nlohmann::json json;
  std::string error;  // "GET /repos/o/r/pulls/1: 404 Not Found", token removed
};

class GitHubApi {
 public:
  GitHubApi(HttpClient& http, ApiConfig config);

  // `path` starts with '/' and may hold a query; body is sent as JSON when
  // not null.
  ApiResult Call(const std::string& method, const std::string& path,
                 const nlohmann::json& body = nullptr);

  // Every item of a paged list: asks for 100 per page and follows the Link
  // header's rel="next" (only to the API's own host), stopping at a short
  // page, the last page, or kMaxPages. Without any Link header it asks for
  // the next page number while pages are full.
  bool ListAll(const std::string& path, nlohmann::json* items, std::string* error);

  // `text` with the token replaced, for anything shown to people.
  std::string Redact(std::string text) const;

  static constexpr int kPerPage = 100;
  static constexpr int kMaxPages = 100;

 private:
  HttpResponse Send(const std::string& method, const std::string& url, const std::string& body);
  std::string Describe(const std::string& method, const std::string& url,
                       const HttpResponse& response) const;

  HttpClient& http_;
  ApiConfig config_;
  std::string origin_;  // scheme://host[:port] of api_url
};

// scheme://host[:port] of a URL, or "" when it has no scheme.
std::string UrlOrigin(const std::string& url);

}  // namespace pf::github
