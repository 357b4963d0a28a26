#include "http/access_guard.h"

#include "auth/cookies.h"
#include "http/json_response.h"
#include "http/server.h"

namespace gep::http {

std::optional<std::string> session_token(const Request& request) {
  if (!request.has_header("Cookie")) return std::nullopt;
  auto token = auth::cookie_value(request.get_header_value("Cookie"), auth::kSessionCookieName);
  if (!token || token->empty()) return std::nullopt;
  return token;
}

bool came_over_https(const Request& request) {
  std::string forwarded = request.get_header_value("X-Forwarded-Proto");
  for (char& c : forwarded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return forwarded == "https" || forwarded.rfind("https,", 0) == 0;
}

bool is_state_changing(const Request& request) {
  return request.method == "POST" || request.method == "PUT" || request.method == "PATCH" ||
         request.method == "DELETE";
}

AccessGuard staff_access_guard(std::string internal_api_key, auth::AuthService& auth) {
  return [key = std::move(internal_api_key), &auth](Request& request, Response& response) {
    if (request.has_header("x-internal-api-key")) {
      if (internal_api_key_matches(request, key)) {
        request.principal = "api-key";
        return true;
      }
      send_error(response, ErrorCode::unauthorized, "invalid x-internal-api-key");
      return false;
    }
    const auto token = session_token(request);
    if (!token) {
      send_error(response, ErrorCode::unauthorized,
                 "sign in, or send the x-internal-api-key header");
      return false;
    }
    const auto session = auth.authenticate(*token);
    if (!session) {
      send_error(response, ErrorCode::unavailable, "sessions cannot be checked right now");
      return false;
    }
    if (!session->has_value()) {
      send_error(response, ErrorCode::unauthorized, "the session has ended; sign in again");
      return false;
    }
    if (is_state_changing(request) &&
        !auth::AuthService::csrf_matches(**session, request.get_header_value("x-csrf-token"))) {
      send_error(response, ErrorCode::csrf_failed,
                 "state-changing requests need the session's x-csrf-token header");
      return false;
    }
    request.principal = "staff:" + (*session)->user.username;
    return true;
  };
}

}  // namespace gep::http
