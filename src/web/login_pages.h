#pragma once
// Staff sign-in for browsers:
//   GET  /login?next=/risk   the form (already signed in: straight to `next`)
//   POST /login              username, password, next, csrf -> 303 to `next` with the session
//                            cookie; 401 wrong credentials, 429 + Retry-After (said in words)
//   POST /logout             ends the session (staff page: its form carries the CSRF token)
// The sign-in form is protected from login CSRF by a double-submit token: a cookie set with
// the form, which another site can neither read nor set, must equal the form's field.
#include "auth/auth_service.h"
#include "http/router.h"
#include "web/page_response.h"

namespace gep::web {

void add_login_pages(http::Router& router, auth::AuthService& auth, const Pages& pages);

// "30 seconds", "5 minutes", "2 hours".
std::string wait_in_words(int64_t seconds);

}  // namespace gep::web
