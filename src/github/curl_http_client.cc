#include "github/curl_http_client.h"

#include <curl/curl.h>

#include <cctype>
#include <memory>
#include <string>

namespace pf::github {
namespace {

struct Received {
  std::string body;
  HeaderList headers;
  std::size_t limit = 0;
  bool too_large = false;
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* received = static_cast<Received*>(user);
  size_t bytes = size * count;
  if (received->body.size() + bytes > received->limit) {
    received->too_large = true;
    return 0;  // makes curl stop with CURLE_WRITE_ERROR
  }
  received->body.append(data, bytes);
  return bytes;
}

std::string Trim(std::string text) {
  size_t begin = 0;
  while (begin < text.size() && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  size_t end = text.size();
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return text.substr(begin, end - begin);
}

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* received = static_cast<Received*>(user);
  size_t bytes = size * count;
  std::string line(data, bytes);
  // A new status line (after 100 Continue) starts a new header block.
  if (line.rfind("HTTP/", 0) == 0) {
    received->headers.clear();
    return bytes;
  }
  size_t colon = line.find(':');
  if (colon == std::string::npos) return bytes;
  std::string name = line.substr(0, colon);
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  received->headers.emplace_back(name, Trim(line.substr(colon + 1)));
  return bytes;
}

// Whether sending again cannot do something twice: the server was never
// reached, or the method is idempotent.
bool SafeToRepeat(CURLcode code, const std::string& method) {
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
      return true;
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_GOT_NOTHING:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_PARTIAL_FILE:
      return method == "GET" || method == "PATCH";
    default:
      return false;
  }
}

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

}  // namespace

CurlHttpClient::CurlHttpClient(CurlClientOptions options) : options_(std::move(options)) {}

HttpResponse CurlHttpClient::Send(const HttpRequest& request) {
  return SendWithRetry(
      request, [this](const HttpRequest& r) { return SendOnce(r); }, options_.retry);
}

HttpResponse CurlHttpClient::SendOnce(const HttpRequest& request) const {
  HttpResponse response;
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) {
    response.error = "cannot start libcurl";
    return response;
  }
  CURL* handle = curl.get();
  Received received;
  received.limit = options_.max_response_bytes;
  char error_buffer[CURL_ERROR_SIZE] = {0};

  std::unique_ptr<curl_slist, SlistDeleter> headers;
  auto add_header = [&headers](const std::string& line) {
    curl_slist* next = curl_slist_append(headers.get(), line.c_str());
    if (next != nullptr) {
      (void)headers.release();
      headers.reset(next);
    }
  };
  for (const auto& [name, value] : request.headers) add_header(name + ": " + value);
  // No "Expect: 100-continue" round trip before bodies.
  add_header("Expect:");

  curl_easy_setopt(handle, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(options_.connect_timeout.count()));
  curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.total_timeout.count()));
  curl_easy_setopt(handle, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(handle, CURLOPT_WRITEDATA, &received);
  curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(handle, CURLOPT_HEADERDATA, &received);
  if (request.method == "GET") {
    curl_easy_setopt(handle, CURLOPT_HTTPGET, 1L);
  } else {
    curl_easy_setopt(handle, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    curl_easy_setopt(handle, CURLOPT_POSTFIELDS, request.body.c_str());
    curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(request.body.size()));
  }

  CURLcode code = curl_easy_perform(handle);
  if (code != CURLE_OK) {
    // curl's messages name the host and the failure, never request headers.
    response.error = received.too_large ? "response larger than " +
                                              std::to_string(options_.max_response_bytes) + " bytes"
                     : error_buffer[0] != '\0' ? std::string(error_buffer)
                                               : std::string(curl_easy_strerror(code));
    response.retryable = !received.too_large && SafeToRepeat(code, request.method);
    return response;
  }
  long status = 0;
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
  response.status = static_cast<int>(status);
  response.headers = std::move(received.headers);
  response.body = std::move(received.body);
  return response;
}

}  // namespace pf::github
