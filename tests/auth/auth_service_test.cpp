// Issue 6, item 7: sessions (idle and absolute expiry, logout), CSRF, and throttled sign-ins per
// account and per address, over the real repositories on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include "auth/auth_service.h"
#include "auth/auth_store_fixture.h"
#include "auth/user_admin.h"
#include "core/digest.h"

namespace gep::test {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

constexpr const char* kPassword = "correct horse battery staple";

class AuthServiceTest : public AuthStoreTest {
 protected:
  void SetUp() override {
    AuthStoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auth_ = std::make_unique<auth::AuthService>(*users_, *sessions_, *attempts_, hasher_, clock_);
    admin_ = std::make_unique<auth::UserAdmin>(*users_, *sessions_, hasher_, clock_);
    ASSERT_TRUE(admin_->add("Alice", auth::Role::staff, "Alice A.", kPassword).ok());
  }

  Result<auth::LoginSuccess, auth::LoginFailure> login(const std::string& username,
                                                       const std::string& password,
                                                       const std::string& ip = "10.0.0.1") {
    return auth_->login({username, password, ip, "test-agent"});
  }

  std::string signed_in_token() {
    auto success = login("alice", kPassword);
    EXPECT_TRUE(success.ok());
    return success.ok() ? success->token : std::string();
  }

  bool opens(const std::string& token) {
    const auto session = auth_->authenticate(token);
    EXPECT_TRUE(session.ok());
    return session.ok() && session->has_value();
  }

  // Cheap parameters: these tests are about sessions and throttling, not Argon2's cost.
  auth::PasswordHasher hasher_{auth::Argon2Params{1, 1024, 1}};
  std::unique_ptr<auth::AuthService> auth_;
  std::unique_ptr<auth::UserAdmin> admin_;
};

TEST_P(AuthServiceTest, LoginOpensASessionStoredOnlyAsAHash) {
  const auto success = login("ALICE ", kPassword);
  ASSERT_TRUE(success.ok()) << success.error().message;
  EXPECT_EQ(success->token.size(), 64U);
  EXPECT_EQ(success->session.csrf_token.size(), 64U);
  EXPECT_EQ(success->session.user.username, "alice");
  EXPECT_EQ(success->session.user.display_name, "Alice A.");
  EXPECT_EQ(success->session.session_id, sha256_hex(success->token));
  EXPECT_FALSE(sessions_->find(success->token).value().has_value());
  EXPECT_TRUE(sessions_->find(sha256_hex(success->token)).value().has_value());
  const auto session = auth_->authenticate(success->token);
  ASSERT_TRUE(session.ok() && session->has_value());
  EXPECT_EQ((*session)->user.username, "alice");
  EXPECT_EQ((*session)->csrf_token, success->session.csrf_token);
  EXPECT_EQ(users_->find_by_username("alice").value()->last_login_at,
            to_unix_seconds(clock_.now()));
  EXPECT_FALSE(opens(std::string(64, 'a')));
  EXPECT_FALSE(opens("short"));
}

TEST_P(AuthServiceTest, WrongPasswordUnknownAndDisabledUsersGetOneAnswer) {
  ASSERT_TRUE(admin_->add("bob", auth::Role::admin, "", "bob's long password").ok());
  ASSERT_TRUE(admin_->disable("bob").ok());
  for (const auto& [username, password] :
       std::vector<std::pair<std::string, std::string>>{{"alice", "wrong password!"},
                                                        {"nobody", kPassword},
                                                        {"bob", "bob's long password"},
                                                        {"bad name!", kPassword},
                                                        {"alice", ""}}) {
    const auto refused = login(username, password);
    ASSERT_FALSE(refused.ok()) << username;
    EXPECT_EQ(refused.error().kind, auth::LoginFailureKind::invalid_credentials) << username;
    EXPECT_EQ(refused.error().message, "invalid username or password");
  }
}

TEST_P(AuthServiceTest, SessionsEndAfterIdleTime) {
  const std::string token = signed_in_token();
  clock_.advance(minutes(29));
  EXPECT_TRUE(opens(token));  // activity slides the idle expiry
  clock_.advance(minutes(29));
  EXPECT_TRUE(opens(token));
  clock_.advance(minutes(30));
  EXPECT_FALSE(opens(token));
}

TEST_P(AuthServiceTest, SessionsEndAtTheAbsoluteLimitHoweverActive) {
  const std::string token = signed_in_token();
  for (int step = 0; step < 35; ++step) {  // 35 x 20 min = 11 h 40 min
    clock_.advance(minutes(20));
    ASSERT_TRUE(opens(token)) << step;
  }
  clock_.advance(minutes(20));  // 12 h
  EXPECT_FALSE(opens(token));
}

TEST_P(AuthServiceTest, LogoutRevokesOnlyThatSession) {
  const std::string first = signed_in_token();
  const std::string second = signed_in_token();
  ASSERT_TRUE(auth_->logout(first).ok());
  EXPECT_FALSE(opens(first));
  EXPECT_TRUE(opens(second));
  EXPECT_TRUE(sessions_->find(sha256_hex(first)).value()->revoked_at.has_value());
}

TEST_P(AuthServiceTest, CsrfTokenMustMatchTheSession) {
  const auto success = login("alice", kPassword);
  ASSERT_TRUE(success.ok());
  const auto other = login("alice", kPassword);
  ASSERT_TRUE(other.ok());
  EXPECT_TRUE(auth::AuthService::csrf_matches(success->session, success->session.csrf_token));
  EXPECT_FALSE(auth::AuthService::csrf_matches(success->session, ""));
  EXPECT_FALSE(auth::AuthService::csrf_matches(success->session, other->session.csrf_token));
  EXPECT_FALSE(auth::AuthService::csrf_matches(success->session, success->token));
}

TEST_P(AuthServiceTest, FiveFailuresLockTheAccountForFifteenMinutes) {
  for (int i = 0; i < 5; ++i) {
    const auto refused = login("alice", "not the password");
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, auth::LoginFailureKind::invalid_credentials) << i;
  }
  const auto locked = login("alice", kPassword);  // even the right password
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.error().kind, auth::LoginFailureKind::throttled);
  EXPECT_GT(locked.error().retry_after_seconds, 890);
  EXPECT_LE(locked.error().retry_after_seconds, 900);
  EXPECT_TRUE(users_->find_by_username("alice").value()->locked_until.has_value());
  EXPECT_TRUE(login("alice", kPassword, "10.9.9.9").error().kind ==
              auth::LoginFailureKind::throttled);  // per account, from any address
  clock_.advance(std::chrono::seconds(locked.error().retry_after_seconds));
  const auto unlocked = login("alice", kPassword);
  ASSERT_TRUE(unlocked.ok());
  EXPECT_FALSE(users_->find_by_username("alice").value()->locked_until.has_value());
}

TEST_P(AuthServiceTest, AParallelBurstGetsNoMoreGuessesThanTheLimit) {
  // Sixteen simultaneous wrong passwords: each attempt is checked after the earlier ones were
  // recorded, so exactly five are judged and the rest are refused by the lockout.
  std::vector<std::thread> threads;
  std::atomic<int> judged{0};
  std::atomic<int> throttled{0};
  for (int i = 0; i < 16; ++i) {
    threads.emplace_back([&, i] {
      const auto refused = login("alice", "not the password", "10.0.1." + std::to_string(i));
      if (refused.ok()) return;
      if (refused.error().kind == auth::LoginFailureKind::invalid_credentials) ++judged;
      if (refused.error().kind == auth::LoginFailureKind::throttled) ++throttled;
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(judged.load(), 5);
  EXPECT_EQ(throttled.load(), 11);
}

TEST(KeyedLocks, SerializeOneKeyAndForgetUnusedKeys) {
  auth::KeyedLocks locks;
  int inside = 0;
  int most_inside = 0;
  std::mutex counter;
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      for (int round = 0; round < 200; ++round) {
        const auto guard = locks.lock("alice");
        {
          const std::lock_guard lock(counter);
          most_inside = std::max(most_inside, ++inside);
        }
        const std::lock_guard lock(counter);
        --inside;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(most_inside, 1);
  EXPECT_EQ(locks.size(), 0U);
}

TEST_P(AuthServiceTest, UnknownUsernamesLockExactlyLikeRealOnes) {
  for (int i = 0; i < 5; ++i) ASSERT_FALSE(login("nobody", "not the password").ok());
  const auto locked = login("nobody", "not the password");
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.error().kind, auth::LoginFailureKind::throttled);
  EXPECT_GT(locked.error().retry_after_seconds, 890);
}

TEST_P(AuthServiceTest, ASuccessStartsTheAccountCountAfresh) {
  for (int i = 0; i < 4; ++i) ASSERT_FALSE(login("alice", "not the password").ok());
  ASSERT_TRUE(login("alice", kPassword).ok());
  for (int i = 0; i < 4; ++i) ASSERT_FALSE(login("alice", "not the password").ok());
  EXPECT_TRUE(login("alice", kPassword).ok());
}

TEST_P(AuthServiceTest, TwentyFailuresFromOneAddressBlockIt) {
  for (int i = 0; i < 20; ++i) {
    const auto refused = login("user" + std::to_string(i), "not the password", "10.6.6.6");
    ASSERT_FALSE(refused.ok());
    ASSERT_EQ(refused.error().kind, auth::LoginFailureKind::invalid_credentials) << i;
  }
  const auto blocked = login("alice", kPassword, "10.6.6.6");
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.error().kind, auth::LoginFailureKind::throttled);
  EXPECT_GT(blocked.error().retry_after_seconds, 0);
  EXPECT_TRUE(login("alice", kPassword, "10.7.7.7").ok());  // other addresses are unaffected
  clock_.advance(minutes(15));
  EXPECT_TRUE(login("alice", kPassword, "10.6.6.6").ok());
}

TEST_P(AuthServiceTest, FailedSignInsAreSlowedDown) {
  const auto before = clock_.total_slept();
  ASSERT_FALSE(login("alice", "not the password").ok());
  const auto after_one = clock_.total_slept() - before;
  ASSERT_FALSE(login("alice", "not the password").ok());
  const auto after_two = clock_.total_slept() - before - after_one;
  EXPECT_GE(after_one.count(), 100);
  EXPECT_GT(after_two, after_one);
  const auto before_success = clock_.total_slept();
  ASSERT_TRUE(login("alice", kPassword).ok());
  EXPECT_EQ(clock_.total_slept(), before_success);
}

TEST_P(AuthServiceTest, DisablingOrResettingEndsSessions) {
  const std::string token = signed_in_token();
  ASSERT_TRUE(admin_->reset_password("alice", "a brand new passphrase").ok());
  EXPECT_FALSE(opens(token));
  EXPECT_FALSE(login("alice", kPassword).ok());
  const auto renewed = login("alice", "a brand new passphrase");
  ASSERT_TRUE(renewed.ok());
  ASSERT_TRUE(admin_->disable("alice").ok());
  EXPECT_FALSE(opens(renewed->token));
  EXPECT_EQ(admin_->disable("nobody").error().code, "not_found");
}

TEST_P(AuthServiceTest, UserAdminValidates) {
  EXPECT_EQ(admin_->add("carol", auth::Role::staff, "", "short").error().code, "validation");
  EXPECT_EQ(admin_->add("bad name", auth::Role::staff, "", kPassword).error().code, "validation");
  EXPECT_EQ(admin_->add("ALICE", auth::Role::staff, "", kPassword).error().code, "conflict");
  EXPECT_EQ(admin_->reset_password("alice", "short").error().code, "validation");
  EXPECT_EQ(admin_->count().value(), 1);
}

GEP_INSTANTIATE_FOR_BOTH_BACKENDS(AuthServiceTest);

}  // namespace
}  // namespace gep::test
