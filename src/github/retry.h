#pragma once

// When and how long to wait before sending a GitHub request again.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>

#include "github/http_client.h"

namespace pf::github {

struct RetryPolicy {
  // Tries per request, the first included; 5xx answers and failed
  // connections are retried with doubling waits from first_backoff.
  int max_attempts = 4;
  std::chrono::milliseconds first_backoff{1000};
  // Rate limits (403/429 with Retry-After, or x-ratelimit-remaining 0) are
  // waited out up to this much in total; a longer wait is given up.
  std::chrono::seconds max_rate_limit_wait{60};
  // Injectable so tests do not sleep; defaults: this thread sleeps, and the
  // system clock in seconds since the epoch.
  std::function<void(std::chrono::milliseconds)> sleep;
  std::function<std::int64_t()> now_epoch_seconds;
};

// How long GitHub asks to wait before the next request, or nullopt when the
// response is not a rate-limit answer (403/429 with Retry-After seconds, or
// with x-ratelimit-remaining 0 and x-ratelimit-reset).
std::optional<std::chrono::seconds> RateLimitWait(const HttpResponse& response,
                                                  std::int64_t now_epoch_seconds);

// Sends through send_once, retrying as the policy says. The last response is
// returned; when retrying was given up, its error says why.
HttpResponse SendWithRetry(const HttpRequest& request,
                           const std::function<HttpResponse(const HttpRequest&)>& send_once,
                           const RetryPolicy& policy);

}  // namespace pf::github
