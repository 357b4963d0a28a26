#include "web/login_pages.h"

#include "auth/cookies.h"
#include "core/secrets.h"
#include "http/access_guard.h"
#include "web/view_values.h"

namespace gep::web {
namespace {

constexpr std::string_view kLoginCsrfCookie = "gep_login_csrf";
constexpr int64_t kLoginFormSeconds = 3600;

struct LoginForm {
  std::string next;
  std::string username;
  std::string error;
};

std::string login_csrf(const http::Request& request) {
  const auto value =
      auth::cookie_value(request.get_header_value("Cookie"), kLoginCsrfCookie).value_or("");
  return value;
}

void show_form(const Pages& pages, const http::Request& request, http::Response& response,
               int status, const LoginForm& form) {
  std::string csrf = login_csrf(request);
  if (csrf.empty()) {
    csrf = random_hex(32);
  }
  response.add_header("Set-Cookie",
                      auth::named_session_cookie(kLoginCsrfCookie, csrf, kLoginFormSeconds,
                                                 http::came_over_https(request)));
  Data page;
  page.set("next", form.next);
  page.set("username", form.username);
  page.set("error", form.error);
  page.set("hasError", !form.error.empty());
  page.set("loginCsrf", csrf);
  pages.send(request, response, status, "login", page, "Sign in");
}

bool signed_in(auth::AuthService& auth, const http::Request& request) {
  const auto token = http::session_token(request);
  if (!token) return false;
  const auto session = auth.authenticate(*token);
  return session && session->has_value();
}

void login_page(auth::AuthService& auth, const Pages& pages, const http::Request& request,
                http::Response& response) {
  const std::string next = safe_local_path(request.get_param_value("next"));
  if (signed_in(auth, request)) return redirect(response, next);
  show_form(pages, request, response, 200, {next, "", ""});
}

void sign_in(auth::AuthService& auth, const Pages& pages, const http::Request& request,
             http::Response& response) {
  LoginForm form{safe_local_path(request.get_param_value("next")),
                 request.get_param_value("username"), ""};
  const std::string cookie_token = login_csrf(request);
  if (cookie_token.empty() ||
      !constant_time_equals(cookie_token, request.get_param_value("csrf"))) {
    form.error = "The sign-in form expired. Enter your details again.";
    return show_form(pages, request, response, 403, form);
  }
  if (const auto previous = http::session_token(request)) (void)auth.logout(*previous);
  const auto result = auth.login({form.username, request.get_param_value("password"),
                                  request.remote_addr, request.get_header_value("User-Agent")});
  if (result) {
    response.add_header(
        "Set-Cookie", auth::session_cookie(result->token, auth.settings().absolute_timeout.count(),
                                           http::came_over_https(request)));
    return redirect(response, form.next);
  }
  switch (result.error().kind) {
    case auth::LoginFailureKind::throttled: {
      const int64_t wait = result.error().retry_after_seconds;
      response.set_header("Retry-After", std::to_string(wait));
      form.error = "Too many failed attempts. Try again in " + wait_in_words(wait) + ".";
      return show_form(pages, request, response, 429, form);
    }
    case auth::LoginFailureKind::unavailable:
      form.error = "Sign-in is unavailable right now. Try again in a moment.";
      return show_form(pages, request, response, 503, form);
    case auth::LoginFailureKind::invalid_credentials:
      break;
  }
  form.error = "Wrong username or password.";
  show_form(pages, request, response, 401, form);
}

void sign_out(auth::AuthService& auth, const Pages& pages, const http::Request& request,
              http::Response& response) {
  if (const auto token = http::session_token(request)) {
    if (const Status revoked = auth.logout(*token); !revoked) {
      return pages.send_error(request, response, 503, "Sign-out failed",
                              "The session could not be ended. Try again in a moment.");
    }
  }
  response.add_header("Set-Cookie", auth::cleared_session_cookie(http::came_over_https(request)));
  redirect(response, "/login");
}

}  // namespace

std::string wait_in_words(int64_t seconds) {
  const auto unit = [](int64_t count, const char* name) {
    return std::to_string(count) + " " + name + (count == 1 ? "" : "s");
  };
  if (seconds < 60) return unit(std::max<int64_t>(seconds, 1), "second");
  if (seconds < 3600) return unit((seconds + 59) / 60, "minute");
  return unit((seconds + 3599) / 3600, "hour");
}

void add_login_pages(http::Router& router, auth::AuthService& auth, const Pages& pages) {
  router.get(
      "/login", http::Access::open,
      [&auth, &pages](const http::Request& request, http::Response& response,
                      const http::PathParams&) { login_page(auth, pages, request, response); });
  router.post(
      "/login", http::Access::open,
      [&auth, &pages](const http::Request& request, http::Response& response,
                      const http::PathParams&) { sign_in(auth, pages, request, response); });
  router.post(
      "/logout", http::Access::staff_page,
      [&auth, &pages](const http::Request& request, http::Response& response,
                      const http::PathParams&) { sign_out(auth, pages, request, response); });
}

}  // namespace gep::web
