#pragma once
// Who may call internal routes: a caller with x-internal-api-key, or a signed-in staff user
// whose state-changing requests (POST/PUT/PATCH/DELETE) also carry the session's CSRF token in
// x-csrf-token. Cookies are sent by browsers on their own; the CSRF header is not.
#include <optional>
#include <string>

#include "auth/auth_service.h"
#include "http/router.h"

namespace gep::http {

// The staff session token of the request's cookie.
std::optional<std::string> session_token(const Request& request);
// Over https, directly or behind a proxy that says so (X-Forwarded-Proto: https).
bool came_over_https(const Request& request);
bool is_state_changing(const Request& request);

// `auth` must outlive the guard.
AccessGuard staff_access_guard(std::string internal_api_key, auth::AuthService& auth);

}  // namespace gep::http
