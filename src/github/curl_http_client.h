#pragma once

// HttpClient over libcurl, with timeouts and GitHub's retry rules.

#include <chrono>
#include <cstddef>

#include "github/http_client.h"
#include "github/retry.h"

namespace pf::github {

struct CurlClientOptions {
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds total_timeout{30'000};  // per try
  std::size_t max_response_bytes = 32u << 20;       // larger answers fail
  RetryPolicy retry;
};

class CurlHttpClient : public HttpClient {
 public:
  explicit CurlHttpClient(CurlClientOptions options = {});

  // One request with retries (see RetryPolicy). Plain http and https only;
  // redirects are not followed, so credentials never reach another host.
  HttpResponse Send(const HttpRequest& request) override;

 private:
  HttpResponse SendOnce(const HttpRequest& request) const;

  CurlClientOptions options_;
};

}  // namespace pf::github
