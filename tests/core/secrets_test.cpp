#include "core/secrets.h"

#include <gtest/gtest.h>

namespace gep {
namespace {

TEST(Secrets, ConstantTimeEquals) {
  EXPECT_TRUE(constant_time_equals("abc123", "abc123"));
  EXPECT_FALSE(constant_time_equals("abc123", "abc124"));
  EXPECT_FALSE(constant_time_equals("abc", "abc123"));
  EXPECT_TRUE(constant_time_equals("", ""));
}

TEST(Secrets, RandomHexIsRandomAndSized) {
  const std::string a = random_hex(32);
  EXPECT_EQ(a.size(), 64U);
  EXPECT_NE(a, random_hex(32));
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(Secrets, RegistryScrubsEveryOccurrence) {
  SecretRegistry::clear_for_tests();
  SecretRegistry::add("topsecret-value");
  SecretRegistry::add("abc");  // too short to scrub safely
  EXPECT_EQ(SecretRegistry::scrub("a topsecret-value b topsecret-value abc"),
            "a [REDACTED] b [REDACTED] abc");
  SecretRegistry::clear_for_tests();
}

TEST(Secrets, UrlPasswordRedacted) {
  EXPECT_EQ(redact_url_password("postgres://u:pw@h:5432/db"), "postgres://u:***@h:5432/db");
  EXPECT_EQ(redact_url_password("postgres://u@h/db"), "postgres://u@h/db");
  EXPECT_EQ(redact_url_password("sqlite:./data/gep.db"), "sqlite:./data/gep.db");
  EXPECT_EQ(redact_url_password("https://h/p?x=a:b@c"), "https://h/p?x=a:b@c");
}

}  // namespace
}  // namespace gep
