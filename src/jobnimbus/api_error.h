#pragma once
// Typed failures of the JobNimbus client. Every error carries what a caller needs to decide what
// to do next (the kind), what to show (message, never the API key) and what JobNimbus said (HTTP
// status and a short, single-line excerpt of its body, plain text or JSON alike).
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace gep::jobnimbus {

enum class ApiErrorKind {
  unauthorized,      // 401: the API key is wrong or revoked
  forbidden,         // 403: the key lacks permission
  not_found,         // 404: unknown jnid (also a deleted record)
  validation,        // 400 and other 4xx: JobNimbus refused the request as written
  rate_limited,      // 429 that outlasted our retries or asked for a longer wait than we allow
  transient,         // network failure or 5xx that outlasted our retries
  timeout,           // no complete answer within the configured time
  invalid_response,  // a body that is not the JSON we expect (non-JSON, truncated, wrong shape)
  outcome_unknown,   // a write reached JobNimbus but we never saw the answer: reconcile first
  configuration,     // the client cannot be used as configured (no key, http to a remote host)
};

// Stable snake_case name: "unauthorized", "not_found", "outcome_unknown", ...
std::string_view to_string(ApiErrorKind kind);

struct ApiError {
  ApiErrorKind kind = ApiErrorKind::transient;
  int http_status = 0;       // 0 when no HTTP answer was received
  std::string message;       // for people; never holds the API key
  std::string body_excerpt;  // at most ~200 characters of the error body, one line, key scrubbed
  std::optional<std::chrono::milliseconds> retry_after;  // when JobNimbus said how long to wait
  int attempts = 1;                                      // requests sent (or tried) for this call

  // "unauthorized: JobNimbus rejected the API key (401)"
  std::string describe() const;
  // For layers that speak gep::Error: code "jobnimbus_<kind>", message describe().
  Error to_error() const;
};

template <class T>
using ApiResult = Result<T, ApiError>;
using ApiStatus = Result<void, ApiError>;

// The human part of an error body: the "message"/"error"/"msg"/"detail" of a JSON object, else the
// text itself, collapsed to one line and cut to `max_chars`.
std::string error_body_excerpt(std::string_view body, size_t max_chars = 200);

// The error for a non-2xx HTTP answer (retry decisions are made elsewhere).
ApiError error_for_status(int status, std::string_view body);

// Removes every occurrence of `secret` from `text` (no-op for an empty secret).
std::string scrub_secret(std::string text, std::string_view secret);

}  // namespace gep::jobnimbus
