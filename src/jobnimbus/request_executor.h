#pragma once
// Sends one logical API call: authentication, the shared rate limiter, retries and the mapping of
// every outcome to an ApiError. The retry rules follow from JobNimbus having no idempotency keys:
//  - GET and PUT (idempotent) retry network failures, timeouts and 5xx with jittered backoff.
//  - 429 waits for Retry-After (seconds or HTTP-date) or backs off, for every method: a
//  rate-limited
//    request was refused, not processed.
//  - POST retries only failures that prove the request never left (refused connection, DNS); a
//    timeout, a dropped connection or a 5xx after sending is outcome_unknown for the caller to
//    reconcile (list the job's activities or tasks) before it writes again.
#include <atomic>
#include <memory>
#include <string>
#include <string_view>

#include "jobnimbus/api_error.h"
#include "jobnimbus/client_options.h"

namespace gep::jobnimbus {

struct CallOptions {
  bool retry = true;  // false: one attempt (health checks answer fast)
  // GET /files/{jnid} answers 302: with this a 3xx is the answer, not an error.
  bool accept_redirect = false;
  // The target is an absolute URL (a file's signed URL), sent without the API key: the key is for
  // JobNimbus only, and the signed URL's host may be a storage bucket.
  bool absolute_url = false;
};

class RequestExecutor {
 public:
  // Expects validated options (JobNimbusClient::create checks them) with every default filled.
  explicit RequestExecutor(ClientOptions options);

  // `path_and_query` is relative to the base URL, starting with '/'. A 2xx answer is returned
  // whatever its body; every other outcome is an ApiError.
  ApiResult<HttpResponse> call(HttpMethod method, std::string_view path_and_query,
                               std::string body = {}, CallOptions call_options = {});

  const ClientOptions& options() const { return options_; }
  // Requests sent (each retry counts), for the "requests per import" figures.
  uint64_t requests_sent() const { return requests_sent_.load(); }

 private:
  const ClientOptions options_;
  Backoff backoff_;
  std::atomic<uint64_t> requests_sent_{0};
};

}  // namespace gep::jobnimbus
