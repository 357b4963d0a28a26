#include "auth/password_hasher.h"

#include <gtest/gtest.h>

namespace gep::auth {
namespace {

TEST(PasswordHasher, HashesWithArgon2idAndItsDefaultCost) {
  const PasswordHasher hasher;
  const auto hash = hasher.hash("correct horse battery staple");
  ASSERT_TRUE(hash.ok()) << hash.error().message;
  EXPECT_EQ(hash->rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0U) << *hash;
  EXPECT_EQ(hash->find("correct horse"), std::string::npos);
  EXPECT_TRUE(hasher.verify(*hash, "correct horse battery staple"));
  EXPECT_FALSE(hasher.verify(*hash, "correct horse battery stapl"));
  EXPECT_FALSE(hasher.verify(*hash, ""));
}

TEST(PasswordHasher, EveryHashHasItsOwnSalt) {
  const PasswordHasher hasher(Argon2Params{1, 1024, 1});
  const auto first = hasher.hash("same password here");
  const auto second = hasher.hash("same password here");
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_NE(*first, *second);
  EXPECT_TRUE(hasher.verify(*first, "same password here"));
  EXPECT_TRUE(hasher.verify(*second, "same password here"));
}

TEST(PasswordHasher, HashesCarryTheirParameters) {
  const PasswordHasher cheap(Argon2Params{1, 1024, 1});
  const auto hash = cheap.hash("an older cheaper hash");
  ASSERT_TRUE(hash.ok());
  // A hasher with today's cost still verifies a hash made with another cost.
  EXPECT_TRUE(PasswordHasher().verify(*hash, "an older cheaper hash"));
}

TEST(PasswordHasher, RefusesBrokenOrForeignHashes) {
  const PasswordHasher hasher(Argon2Params{1, 1024, 1});
  EXPECT_FALSE(hasher.verify("", "anything at all"));
  EXPECT_FALSE(hasher.verify("$argon2id$garbage", "anything at all"));
  const auto argon2i = std::string("$argon2i$v=19$m=1024,t=1,p=1$c29tZXNhbHQ$") +
                       "iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A";
  EXPECT_FALSE(hasher.verify(argon2i, "password"));
  EXPECT_FALSE(hasher.verify("plaintext-password", "plaintext-password"));
}

}  // namespace
}  // namespace gep::auth
