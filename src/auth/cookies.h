#pragma once
// The staff session cookie: an opaque random token, HttpOnly, SameSite=Lax, Secure when the
// request came over https.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gep::auth {

inline constexpr std::string_view kSessionCookieName = "gep_session";

// A session cookie named `name` (the staff one and the customer portal's share one format).
std::string named_session_cookie(std::string_view name, std::string_view token,
                                 int64_t max_age_seconds, bool secure);
std::string session_cookie(std::string_view token, int64_t max_age_seconds, bool secure);
// Expires the cookie in the browser (logout).
std::string cleared_session_cookie(bool secure);
// The value of cookie `name` in a Cookie request header, if present.
std::optional<std::string> cookie_value(std::string_view cookie_header, std::string_view name);

}  // namespace gep::auth
