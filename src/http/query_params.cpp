#include "http/query_params.h"

#include <charconv>

#include "http/json_response.h"

namespace gep::http {

std::optional<int64_t> integer_param(const Request& request, Response& response,
                                     const std::string& name, int64_t fallback, int64_t min,
                                     int64_t max) {
  if (!request.has_param(name)) return fallback;
  const std::string text = request.get_param_value(name);
  int64_t value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || ptr != text.data() + text.size() || value < min ||
      value > max) {
    send_error(
        response, ErrorCode::validation,
        name + " must be an integer from " + std::to_string(min) + " to " + std::to_string(max));
    return std::nullopt;
  }
  return value;
}

std::optional<PageParams> page_params(const Request& request, Response& response) {
  const auto limit = integer_param(request, response, "limit", 50, 1, 1000);
  if (!limit) return std::nullopt;
  const auto offset = integer_param(request, response, "offset", 0, 0, INT64_MAX);
  if (!offset) return std::nullopt;
  std::string after = request.get_param_value("after");
  if (!after.empty() && *offset != 0) {
    send_error(response, ErrorCode::validation, "use offset or after, not both");
    return std::nullopt;
  }
  return PageParams{*limit, *offset, std::move(after)};
}

nlohmann::json next_cursor_json(const std::string& next_cursor) {
  return next_cursor.empty() ? nlohmann::json(nullptr) : nlohmann::json(next_cursor);
}

void set_next_cursor(Response& response, const std::string& next_cursor) {
  if (!next_cursor.empty()) response.set_header("X-Next-Cursor", next_cursor);
}

std::optional<bool> bool_param(const Request& request, Response& response, const std::string& name,
                               bool fallback) {
  if (!request.has_param(name)) return fallback;
  const std::string text = request.get_param_value(name);
  if (text == "true" || text == "1") return true;
  if (text == "false" || text == "0") return false;
  send_error(response, ErrorCode::validation, name + " must be true or false");
  return std::nullopt;
}

}  // namespace gep::http
