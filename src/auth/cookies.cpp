#include "auth/cookies.h"

namespace gep::auth {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::string with_attributes(std::string cookie, int64_t max_age_seconds, bool secure) {
  cookie += "; Path=/; Max-Age=" + std::to_string(max_age_seconds) + "; HttpOnly; SameSite=Lax";
  if (secure) cookie += "; Secure";
  return cookie;
}

}  // namespace

std::string named_session_cookie(std::string_view name, std::string_view token,
                                 int64_t max_age_seconds, bool secure) {
  return with_attributes(std::string(name) + "=" + std::string(token), max_age_seconds, secure);
}

std::string session_cookie(std::string_view token, int64_t max_age_seconds, bool secure) {
  return named_session_cookie(kSessionCookieName, token, max_age_seconds, secure);
}

std::string cleared_session_cookie(bool secure) {
  return with_attributes(std::string(kSessionCookieName) + "=", 0, secure);
}

std::optional<std::string> cookie_value(std::string_view cookie_header, std::string_view name) {
  while (!cookie_header.empty()) {
    const size_t end = cookie_header.find(';');
    const std::string_view pair = trim(cookie_header.substr(0, end));
    const size_t equals = pair.find('=');
    if (equals != std::string_view::npos && trim(pair.substr(0, equals)) == name) {
      return std::string(trim(pair.substr(equals + 1)));
    }
    if (end == std::string_view::npos) break;
    cookie_header.remove_prefix(end + 1);
  }
  return std::nullopt;
}

}  // namespace gep::auth
