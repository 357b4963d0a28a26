#include "auth/cookies.h"

#include <gtest/gtest.h>

namespace gep::auth {
namespace {

TEST(SessionCookie, IsHttpOnlyLaxAndSecureOnlyOverHttps) {
  const std::string plain = session_cookie("abc123", 43200, false);
  EXPECT_EQ(plain, "gep_session=abc123; Path=/; Max-Age=43200; HttpOnly; SameSite=Lax");
  const std::string secure = session_cookie("abc123", 43200, true);
  EXPECT_EQ(secure, "gep_session=abc123; Path=/; Max-Age=43200; HttpOnly; SameSite=Lax; Secure");
  EXPECT_EQ(cleared_session_cookie(false),
            "gep_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
}

TEST(CookieValue, FindsTheNamedCookie) {
  EXPECT_EQ(cookie_value("gep_session=abc", "gep_session"), "abc");
  EXPECT_EQ(cookie_value("a=1; gep_session=abc; b=2", "gep_session"), "abc");
  EXPECT_EQ(cookie_value("a=1;gep_session=abc", "gep_session"), "abc");
  EXPECT_FALSE(cookie_value("my_gep_session=abc; x=1", "gep_session"));
  EXPECT_FALSE(cookie_value("", "gep_session"));
  EXPECT_EQ(cookie_value("gep_session=", "gep_session"), "");
}

}  // namespace
}  // namespace gep::auth
