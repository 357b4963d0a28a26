#pragma once
// Staff sign-in over JSON:
//   POST /api/v1/auth/login {username, password} (open) -> sets the session cookie;
//        {user:{username, role, displayName}, csrfToken}; 401 invalid; 429 + Retry-After
//   POST /api/v1/auth/logout (internal) -> revokes the session and clears the cookie
//   GET  /api/v1/auth/me (internal) -> the signed-in user and the session's csrfToken
#include "auth/auth_service.h"
#include "http/router.h"

namespace gep::http {

void add_auth_routes(Router& router, auth::AuthService& auth);

}  // namespace gep::http
