#include "jobnimbus/request_executor.h"

#include <fmt/format.h>

#include <optional>

#include "core/logging.h"

namespace gep::jobnimbus {
namespace {

struct Attempt {
  std::optional<HttpResponse> response;  // set on 2xx
  ApiError error;
  bool retryable = false;
  std::optional<Duration> server_wait;  // the 429's Retry-After
};

ApiError make_error(ApiErrorKind kind, int status, std::string message) {
  ApiError error;
  error.kind = kind;
  error.http_status = status;
  error.message = std::move(message);
  return error;
}

Attempt from_failure(HttpMethod method, const TransportFailure& failure) {
  Attempt attempt;
  const bool unsafe_write = method == HttpMethod::post && failure.request_may_have_been_sent;
  switch (failure.kind) {
    case TransportFailureKind::could_not_connect:
      attempt.error = make_error(ApiErrorKind::transient, 0,
                                 "JobNimbus could not be reached: " + failure.message);
      attempt.retryable = true;  // nothing was sent: safe for every method
      return attempt;
    case TransportFailureKind::tls:
      attempt.error = make_error(ApiErrorKind::transient, 0,
                                 "TLS connection to JobNimbus failed: " + failure.message);
      return attempt;
    case TransportFailureKind::timeout:
    case TransportFailureKind::connection_lost:
    case TransportFailureKind::other:
      break;
  }
  if (unsafe_write) {
    attempt.error = make_error(ApiErrorKind::outcome_unknown, 0,
                               "the request was sent but no answer came back (" + failure.message +
                                   "); check JobNimbus before writing again");
    return attempt;
  }
  if (failure.kind == TransportFailureKind::timeout) {
    attempt.error = make_error(ApiErrorKind::timeout, 0,
                               "JobNimbus did not answer in time: " + failure.message);
  } else {
    attempt.error = make_error(ApiErrorKind::transient, 0,
                               "connection to JobNimbus failed: " + failure.message);
  }
  attempt.retryable =
      failure.kind != TransportFailureKind::other || !failure.request_may_have_been_sent;
  return attempt;
}

Attempt from_response(HttpMethod method, HttpResponse response, TimePoint now,
                      bool accept_redirect) {
  Attempt attempt;
  const int status = response.status;
  const bool redirect = accept_redirect && status >= 300 && status < 400;
  if ((status >= 200 && status < 300) || redirect) {
    attempt.response = std::move(response);
    return attempt;
  }
  attempt.error = error_for_status(status, response.body);
  if (status == 429) {
    if (const auto header = response.header("Retry-After")) {
      attempt.server_wait = parse_retry_after(*header, now);
      attempt.error.retry_after = attempt.server_wait;
    }
    attempt.retryable = true;  // refused before processing: safe for POST too
    return attempt;
  }
  if (status >= 500 || status == 408) {
    if (method == HttpMethod::post) {
      attempt.error.kind = ApiErrorKind::outcome_unknown;
      attempt.error.message = fmt::format(
          "JobNimbus failed after receiving the request (HTTP {}); check JobNimbus before writing "
          "again",
          status);
      return attempt;
    }
    attempt.retryable = status != 501 && status != 505;
  }
  return attempt;
}

}  // namespace

RequestExecutor::RequestExecutor(ClientOptions options)
    : options_(std::move(options)), backoff_(options_.retry) {}

ApiResult<HttpResponse> RequestExecutor::call(HttpMethod method, std::string_view path_and_query,
                                              std::string body, CallOptions call_options) {
  HttpRequest request;
  request.method = method;
  request.url = call_options.absolute_url ? std::string(path_and_query)
                                          : options_.base_url + std::string(path_and_query);
  if (!call_options.absolute_url) {
    request.headers.push_back({"Authorization", "Bearer " + options_.api_key});
  }
  if (method != HttpMethod::get) request.headers.push_back({"Content-Type", "application/json"});
  request.body = std::move(body);

  // A signed URL's query is a credential of its own: keep it out of the logs.
  const std::string_view label = call_options.absolute_url ? "<signed file URL>" : path_and_query;
  const RetryPolicy& policy = options_.retry;
  Duration waited{0};
  for (int attempt_number = 1;; ++attempt_number) {
    options_.rate_limiter->acquire();
    ++requests_sent_;
    const TimePoint started = options_.clock->now();
    auto outcome = options_.transport->send(request);
    Attempt attempt = outcome.ok()
                          ? from_response(method, std::move(outcome).value(), options_.clock->now(),
                                          call_options.accept_redirect)
                          : from_failure(method, outcome.error());
    if (attempt.response) {
      log::debug("jobnimbus {} {} -> {} in {} ms", to_string(method), label,
                 attempt.response->status,
                 std::chrono::duration_cast<Duration>(options_.clock->now() - started).count());
      return std::move(*attempt.response);
    }
    ApiError& error = attempt.error;
    error.attempts = attempt_number;
    // A server may echo what it was sent; the key must not travel on in our error.
    error.message = scrub_secret(std::move(error.message), options_.api_key);
    error.body_excerpt = scrub_secret(std::move(error.body_excerpt), options_.api_key);

    const bool may_retry =
        attempt.retryable && call_options.retry && attempt_number < policy.max_attempts;
    if (!may_retry) {
      log::debug("jobnimbus {} {} failed: {}", to_string(method), label, error.describe());
      return fail(std::move(error));
    }
    if (attempt.server_wait && *attempt.server_wait > policy.max_retry_after) {
      error.message += fmt::format("; it asks to wait {} s", attempt.server_wait->count() / 1000);
      return fail(std::move(error));
    }
    const Duration wait =
        attempt.server_wait ? *attempt.server_wait : backoff_.delay(attempt_number - 1);
    if (waited + wait > policy.max_total_wait) {
      log::debug("jobnimbus {} {}: retry budget spent", to_string(method), label);
      return fail(std::move(error));
    }
    waited += wait;
    log::warn("jobnimbus {} {}: {}; retry {} in {} ms", to_string(method), label, error.describe(),
              attempt_number, wait.count());
    if (error.http_status == 429) {
      options_.rate_limiter->pause_for(wait);  // the whole process backs off, not just this call
    } else {
      options_.clock->sleep_for(wait);
    }
  }
}

}  // namespace gep::jobnimbus
