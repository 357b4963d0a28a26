#include "http/json_response.h"

namespace gep::http {

void send_json(httplib::Response& response, int status, const nlohmann::json& body) {
  response.status = status;
  // Replace, not error_handler-style append: invalid UTF-8 from upstream data must not throw.
  response.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                       "application/json; charset=utf-8");
}

void send_error(httplib::Response& response, int status, const std::string& code,
                const std::string& message) {
  send_json(response, status, {{"error", {{"code", code}, {"message", message}}}});
}

std::string default_error_code(int status) {
  switch (status) {
    case 400:
      return "bad_request";
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 409:
      return "conflict";
    case 413:
      return "payload_too_large";
    case 414:
      return "uri_too_long";
    case 415:
      return "unsupported_media_type";
    case 422:
      return "unprocessable_entity";
    case 429:
      return "too_many_requests";
    case 503:
      return "service_unavailable";
    default:
      return status >= 500 ? "internal_error" : "client_error";
  }
}

}  // namespace gep::http
