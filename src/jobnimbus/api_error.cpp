#include "jobnimbus/api_error.h"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <nlohmann/json.hpp>

#include "core/json_input.h"
#include "core/secrets.h"

namespace gep::jobnimbus {
namespace {

// Whitespace runs (including newlines) become one space so an excerpt stays on one log line.
std::string one_line(std::string_view text, size_t max_chars) {
  std::string out;
  out.reserve(std::min(text.size(), max_chars));
  bool pending_space = false;
  for (const char c : text) {
    if (std::isspace(static_cast<unsigned char>(c)) != 0 ||
        std::iscntrl(static_cast<unsigned char>(c)) != 0) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
    if (out.size() >= max_chars) {
      out += "…";
      break;
    }
  }
  return out;
}

std::string message_from_json(const nlohmann::json& json) {
  if (json.is_string()) return json.get<std::string>();
  if (json.is_array()) {
    std::string joined;
    for (const auto& item : json) {
      const std::string part = message_from_json(item);
      if (part.empty()) continue;
      if (!joined.empty()) joined += "; ";
      joined += part;
    }
    return joined;
  }
  if (!json.is_object()) return {};
  static constexpr std::array<const char*, 6> kKeys = {
      "message", "error", "msg", "detail", "error_description", "errors"};
  for (const char* key : kKeys) {
    const auto found = json.find(key);
    if (found == json.end()) continue;
    std::string text = message_from_json(*found);
    if (!text.empty()) return text;
  }
  return {};
}

std::string_view message_for(ApiErrorKind kind, int status) {
  switch (kind) {
    case ApiErrorKind::unauthorized:
      return "JobNimbus rejected the API key";
    case ApiErrorKind::forbidden:
      return "the API key is not allowed to do this";
    case ApiErrorKind::not_found:
      return "JobNimbus has no such record";
    case ApiErrorKind::validation:
      return "JobNimbus refused the request";
    case ApiErrorKind::rate_limited:
      return "JobNimbus is rate limiting this account";
    case ApiErrorKind::transient:
      return status >= 500 ? "JobNimbus is failing or unavailable"
                           : "JobNimbus could not be reached";
    case ApiErrorKind::timeout:
      return "JobNimbus did not answer in time";
    case ApiErrorKind::invalid_response:
      return "JobNimbus sent an answer that cannot be read";
    case ApiErrorKind::outcome_unknown:
      return "the write may or may not have been applied";
    case ApiErrorKind::configuration:
      return "the JobNimbus client is misconfigured";
  }
  return "JobNimbus request failed";
}

}  // namespace

std::string_view to_string(ApiErrorKind kind) {
  switch (kind) {
    case ApiErrorKind::unauthorized:
      return "unauthorized";
    case ApiErrorKind::forbidden:
      return "forbidden";
    case ApiErrorKind::not_found:
      return "not_found";
    case ApiErrorKind::validation:
      return "validation";
    case ApiErrorKind::rate_limited:
      return "rate_limited";
    case ApiErrorKind::transient:
      return "transient";
    case ApiErrorKind::timeout:
      return "timeout";
    case ApiErrorKind::invalid_response:
      return "invalid_response";
    case ApiErrorKind::outcome_unknown:
      return "outcome_unknown";
    case ApiErrorKind::configuration:
      return "configuration";
  }
  return "unknown";
}

std::string ApiError::describe() const {
  std::string text = fmt::format("{}: {}", to_string(kind), message);
  if (http_status != 0) text += fmt::format(" ({})", http_status);
  if (!body_excerpt.empty() && message.find(body_excerpt) == std::string::npos) {
    text += fmt::format(": {}", body_excerpt);
  }
  // Last line of defence: the client never formats the key, but a server might echo it.
  return SecretRegistry::scrub(std::move(text));
}

Error ApiError::to_error() const {
  return Error{fmt::format("jobnimbus_{}", to_string(kind)), describe()};
}

std::string error_body_excerpt(std::string_view body, size_t max_chars) {
  const auto json = parse_json_or_discarded(body);
  if (!json.is_discarded()) {
    const std::string message = message_from_json(json);
    if (!message.empty()) return one_line(message, max_chars);
  }
  return one_line(body, max_chars);
}

ApiError error_for_status(int status, std::string_view body) {
  ApiErrorKind kind = ApiErrorKind::validation;
  if (status == 401) {
    kind = ApiErrorKind::unauthorized;
  } else if (status == 403) {
    kind = ApiErrorKind::forbidden;
  } else if (status == 404 || status == 410) {
    kind = ApiErrorKind::not_found;
  } else if (status == 408) {
    kind = ApiErrorKind::timeout;
  } else if (status == 429) {
    kind = ApiErrorKind::rate_limited;
  } else if (status >= 500) {
    kind = ApiErrorKind::transient;
  } else if (status < 400) {
    // 1xx/3xx that reached us: we never follow redirects on API calls.
    kind = ApiErrorKind::invalid_response;
  }
  ApiError error;
  error.kind = kind;
  error.http_status = status;
  error.message = std::string(message_for(kind, status));
  error.body_excerpt = error_body_excerpt(body);
  return error;
}

std::string scrub_secret(std::string text, std::string_view secret) {
  if (secret.empty()) return text;
  for (size_t pos = text.find(secret); pos != std::string::npos; pos = text.find(secret, pos)) {
    text.replace(pos, secret.size(), "[REDACTED]");
  }
  return text;
}

}  // namespace gep::jobnimbus
