#include "auth/user.h"

#include <gtest/gtest.h>

namespace gep::auth {
namespace {

TEST(Usernames, AreTrimmedAndCaseInsensitive) {
  EXPECT_EQ(normalize_username("  Alice.Smith@Example.com ").value(), "alice.smith@example.com");
  EXPECT_FALSE(normalize_username("").ok());
  EXPECT_FALSE(normalize_username("has space").ok());
  EXPECT_FALSE(normalize_username("semi;colon").ok());
  EXPECT_FALSE(normalize_username(std::string(65, 'a')).ok());
}

TEST(Passwords, NeedTwelveCharacters) {
  EXPECT_FALSE(check_password_strength("short").ok());
  EXPECT_FALSE(check_password_strength("elevenchars").ok());
  EXPECT_TRUE(check_password_strength("twelve chars").ok());
  EXPECT_FALSE(check_password_strength(std::string(1025, 'x')).ok());
}

TEST(Roles, ParseAndPrint) {
  EXPECT_EQ(parse_role("admin"), Role::admin);
  EXPECT_EQ(parse_role("staff"), Role::staff);
  EXPECT_FALSE(parse_role("root"));
  EXPECT_EQ(to_string(Role::admin), "admin");
}

}  // namespace
}  // namespace gep::auth
