#include "github/retry.h"

#include <charconv>
#include <string>
#include <thread>

namespace pf::github {
namespace {

std::optional<std::int64_t> ParseInt(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  std::int64_t value = 0;
  const char* end = text->data() + text->size();
  auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

void Sleep(const RetryPolicy& policy, std::chrono::milliseconds duration) {
  if (policy.sleep) {
    policy.sleep(duration);
  } else {
    std::this_thread::sleep_for(duration);
  }
}

std::int64_t Now(const RetryPolicy& policy) {
  if (policy.now_epoch_seconds) return policy.now_epoch_seconds();
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void AddError(HttpResponse* response, const std::string& why) {
  response->error = response->error.empty() ? why : response->error + "; " + why;
}

}  // namespace

std::optional<std::chrono::seconds> RateLimitWait(const HttpResponse& response,
                                                  std::int64_t now_epoch_seconds) {
  if (response.status != 403 && response.status != 429) return std::nullopt;
  if (std::optional<std::int64_t> after = ParseInt(response.Header("retry-after"))) {
    return std::chrono::seconds(std::max<std::int64_t>(*after, 0));
  }
  std::optional<std::int64_t> remaining = ParseInt(response.Header("x-ratelimit-remaining"));
  std::optional<std::int64_t> reset = ParseInt(response.Header("x-ratelimit-reset"));
  if (remaining == 0 && reset) {
    // One second more, as the reset time is rounded down.
    return std::chrono::seconds(std::max<std::int64_t>(*reset - now_epoch_seconds, 0) + 1);
  }
  return std::nullopt;
}

HttpResponse SendWithRetry(const HttpRequest& request,
                           const std::function<HttpResponse(const HttpRequest&)>& send_once,
                           const RetryPolicy& policy) {
  std::chrono::milliseconds backoff = policy.first_backoff;
  std::chrono::seconds rate_limit_waited{0};
  const int attempts = std::max(policy.max_attempts, 1);
  for (int attempt = 1;; ++attempt) {
    HttpResponse response = send_once(request);
    std::optional<std::chrono::milliseconds> wait;
    if (std::optional<std::chrono::seconds> limit = RateLimitWait(response, Now(policy))) {
      if (rate_limit_waited + *limit > policy.max_rate_limit_wait) {
        AddError(&response, "rate limited by GitHub for " + std::to_string(limit->count()) +
                                " s, more than the " +
                                std::to_string(policy.max_rate_limit_wait.count()) +
                                " s this run waits");
        return response;
      }
      rate_limit_waited += *limit;
      wait = *limit;
    } else if (response.status >= 500 || response.status == 429 ||
               (response.status == 0 && response.retryable)) {
      wait = backoff;
      backoff *= 2;
    }
    if (!wait) return response;
    if (attempt >= attempts) {
      AddError(&response, "gave up after " + std::to_string(attempts) + " tries");
      return response;
    }
    Sleep(policy, *wait);
  }
}

}  // namespace pf::github
