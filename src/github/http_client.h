#pragma once

// The HTTP seam of the GitHub client: plain request and response values and
// an interface, so the protocol code does not know about libcurl.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pf::github {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method = "GET";  // GET, POST, PATCH
  std::string url;             // absolute
  HeaderList headers;
  std::string body;
};

struct HttpResponse {
  int status = 0;      // 0 when no answer came (connection failed, timeout)
  HeaderList headers;  // names in lower case
  std::string body;
  // Why the answer is missing or was given up on; never holds a credential.
  std::string error;
  // Set by transports when a failed request surely had no effect or is safe
  // to send again.
  bool retryable = false;

  // The first value of a header (any case), or nullopt.
  std::optional<std::string> Header(std::string_view name) const;
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;
  // Never throws; failures are in the response (status 0 and error).
  virtual HttpResponse Send(const HttpRequest& request) = 0;
};

}  // namespace pf::github
