#include "web/page_guard.h"

#include "http/access_guard.h"
#include "web/view_values.h"

namespace gep::web {

std::string login_url_for(std::string_view target) {
  const std::string next = safe_local_path(target);
  return next == "/" ? "/login" : "/login?next=" + percent_encode(next);
}

http::AccessGuard staff_page_guard(auth::AuthService& auth, const Pages& pages) {
  return [&auth, &pages](http::Request& request, http::Response& response) {
    const auto token = http::session_token(request);
    if (!token) {
      redirect(response, login_url_for(request.method == "GET" ? request.target : "/"));
      return false;
    }
    const auto session = auth.authenticate(*token);
    if (!session) {
      pages.send_error(request, response, 503, "Sign-in is unavailable",
                       "Sessions cannot be checked right now. Try again in a moment.");
      return false;
    }
    if (!session->has_value()) {
      redirect(response, login_url_for(request.method == "GET" ? request.target : "/"));
      return false;
    }
    if (http::is_state_changing(request) &&
        !auth::AuthService::csrf_matches(**session, request.get_param_value("csrf"))) {
      pages.send_error(request, response, 403, "This form has expired",
                       "The form was not sent from this session. Go back, reload the page and "
                       "try again.");
      return false;
    }
    request.principal = "staff:" + (*session)->user.username;
    request.session_csrf = (*session)->csrf_token;
    return true;
  };
}

}  // namespace gep::web
