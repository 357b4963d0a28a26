#pragma once
// Who may open a dashboard page: a signed-in staff user. A browser without a live session is
// sent to /login?next=<the page>; a form (POST) must carry the session's CSRF token in its
// "csrf" field, as the API's x-csrf-token header.
#include "auth/auth_service.h"
#include "http/router.h"
#include "web/page_response.h"

namespace gep::web {

// `auth` and `pages` must outlive the guard.
http::AccessGuard staff_page_guard(auth::AuthService& auth, const Pages& pages);

// "/login?next=<target>" for a page reached without a session.
std::string login_url_for(std::string_view target);

}  // namespace gep::web
