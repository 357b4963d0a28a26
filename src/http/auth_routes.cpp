#include "http/auth_routes.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "auth/cookies.h"
#include "core/json_input.h"
#include "core/time_format.h"
#include "http/access_guard.h"
#include "http/json_response.h"

namespace gep::http {
namespace {

nlohmann::json user_json(const auth::SessionUser& user) {
  return {{"username", user.username},
          {"role", std::string(auth::to_string(user.role))},
          {"displayName", user.display_name}};
}

nlohmann::json session_json(const auth::Authenticated& session) {
  return {{"user", user_json(session.user)},
          {"csrfToken", session.csrf_token},
          {"idleExpiresAt", format_iso8601_seconds(session.idle_expires_at)},
          {"expiresAt", format_iso8601_seconds(session.absolute_expires_at)}};
}

// Exactly application/json (parameters allowed): "text/plain; application/json" is a simple type
// that a cross-site fetch may send without a preflight.
bool is_json_media_type(std::string_view content_type) {
  std::string type(content_type.substr(0, content_type.find(';')));
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const auto first = type.find_first_not_of(" \t");
  const auto last = type.find_last_not_of(" \t");
  return first != std::string::npos && type.substr(first, last - first + 1) == "application/json";
}

void login(auth::AuthService& auth, const Request& request, Response& response) {
  response.set_header("Cache-Control", "no-store");
  // JSON only: a cross-site HTML form cannot send it, so a login form cannot be forged.
  if (!is_json_media_type(request.get_header_value("Content-Type"))) {
    return send_error(response, ErrorCode::unsupported_media_type, "send a JSON body");
  }
  const auto body = parse_json_or_discarded(request.body);
  if (body.is_discarded() || !body.is_object() || !body.contains("username") ||
      !body["username"].is_string() || !body.contains("password") ||
      !body["password"].is_string()) {
    return send_error(response, ErrorCode::invalid_body,
                      "expected a JSON object {username, password} of strings");
  }
  if (const auto previous = session_token(request)) (void)auth.logout(*previous);
  const auto result =
      auth.login({body["username"].get<std::string>(), body["password"].get<std::string>(),
                  request.remote_addr, request.get_header_value("User-Agent")});
  if (!result) {
    const auto& failure = result.error();
    switch (failure.kind) {
      case auth::LoginFailureKind::throttled:
        response.set_header("Retry-After", std::to_string(failure.retry_after_seconds));
        return send_error(response, ErrorCode::too_many_attempts, failure.message);
      case auth::LoginFailureKind::unavailable:
        return send_error(response, ErrorCode::unavailable, "sign-in is unavailable right now");
      case auth::LoginFailureKind::invalid_credentials:
        break;
    }
    return send_error(response, ErrorCode::invalid_credentials, "invalid username or password");
  }
  response.set_header("Set-Cookie",
                      auth::session_cookie(result->token, auth.settings().absolute_timeout.count(),
                                           came_over_https(request)));
  send_json(response, 200, session_json(result->session));
}

void logout(auth::AuthService& auth, const Request& request, Response& response) {
  if (const auto token = session_token(request)) {
    if (const Status revoked = auth.logout(*token); !revoked) {
      return send_error(response, ErrorCode::unavailable, "the session could not be ended");
    }
  }
  response.set_header("Set-Cookie", auth::cleared_session_cookie(came_over_https(request)));
  send_json(response, 200, {{"status", "signed_out"}});
}

void me(auth::AuthService& auth, const Request& request, Response& response) {
  response.set_header("Cache-Control", "no-store");
  // The guard admitted the request: by key when a key was sent, otherwise by this session.
  const auto token = session_token(request);
  if (request.has_header("x-internal-api-key") || !token) {
    return send_json(response, 200, {{"user", nullptr}, {"authenticatedBy", "internal_api_key"}});
  }
  const auto session = auth.authenticate(*token);
  if (!session) return send_error(response, ErrorCode::unavailable, "sessions cannot be checked");
  if (!session->has_value()) return send_error(response, ErrorCode::unauthorized, "signed out");
  nlohmann::json body = session_json(**session);
  body["authenticatedBy"] = "session";
  send_json(response, 200, body);
}

}  // namespace

void add_auth_routes(Router& router, auth::AuthService& auth) {
  router.post("/api/v1/auth/login", Access::open,
              [&auth](const Request& request, Response& response, const PathParams&) {
                login(auth, request, response);
              });
  router.post("/api/v1/auth/logout", Access::internal,
              [&auth](const Request& request, Response& response, const PathParams&) {
                logout(auth, request, response);
              });
  router.get("/api/v1/auth/me", Access::internal,
             [&auth](const Request& request, Response& response, const PathParams&) {
               me(auth, request, response);
             });
}

}  // namespace gep::http
