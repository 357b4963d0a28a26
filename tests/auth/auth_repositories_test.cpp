// The users, sessions and login_attempts repositories on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include "auth/auth_store_fixture.h"

namespace gep::test {
namespace {

class AuthRepositoriesTest : public AuthStoreTest {
 protected:
  auth::User add_user(const std::string& username, auth::Role role = auth::Role::staff) {
    auto created = users_->create({username, "Name of " + username, role, "$argon2id$hash"}, 100);
    EXPECT_TRUE(created.ok()) << created.error().message;
    return created.ok() ? *created : auth::User{};
  }

  auth::StoredSession session_for(int64_t user_id, const std::string& id) {
    auth::StoredSession session;
    session.id = id;
    session.user_id = user_id;
    session.csrf_token = "csrf-" + id;
    session.created_at = 1000;
    session.last_seen_at = 1000;
    session.idle_expires_at = 2800;
    session.absolute_expires_at = 44200;
    session.ip = "127.0.0.1";
    session.user_agent = "test";
    return session;
  }
};

TEST_P(AuthRepositoriesTest, CreatesFindsAndListsUsers) {
  const auto alice = add_user("alice", auth::Role::admin);
  add_user("bob");
  EXPECT_GT(alice.id, 0);
  EXPECT_EQ(alice.role, auth::Role::admin);
  EXPECT_EQ(alice.display_name, "Name of alice");
  EXPECT_FALSE(alice.disabled);
  EXPECT_EQ(alice.created_at, 100);
  EXPECT_EQ(alice.password_changed_at, 100);
  EXPECT_FALSE(alice.last_login_at);
  const auto by_name = users_->find_by_username("alice");
  ASSERT_TRUE(by_name.ok() && by_name->has_value());
  EXPECT_EQ((*by_name)->id, alice.id);
  EXPECT_EQ((*by_name)->password_hash, "$argon2id$hash");
  const auto by_id = users_->find_by_id(alice.id);
  ASSERT_TRUE(by_id.ok() && by_id->has_value());
  EXPECT_EQ((*by_id)->username, "alice");
  EXPECT_FALSE(users_->find_by_username("carol")->has_value());
  const auto all = users_->list();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2U);
  EXPECT_EQ((*all)[0].username, "alice");
  EXPECT_EQ((*all)[1].username, "bob");
  EXPECT_EQ(users_->count().value(), 2);
}

TEST_P(AuthRepositoriesTest, ATakenUsernameIsAConflict) {
  add_user("alice");
  const auto again = users_->create({"alice", "", auth::Role::staff, "$argon2id$x"}, 200);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "conflict");
}

TEST_P(AuthRepositoriesTest, UpdatesUsers) {
  const auto alice = add_user("alice");
  ASSERT_TRUE(users_->set_locked_until(alice.id, 5000, 300).ok());
  EXPECT_EQ(users_->find_by_id(alice.id).value()->locked_until, 5000);
  ASSERT_TRUE(users_->set_password_hash(alice.id, "$argon2id$new", 400).ok());
  ASSERT_TRUE(users_->set_disabled(alice.id, true, 500).ok());
  ASSERT_TRUE(users_->record_login(alice.id, 600).ok());
  const auto changed = users_->find_by_id(alice.id).value().value();
  EXPECT_EQ(changed.password_hash, "$argon2id$new");
  EXPECT_EQ(changed.password_changed_at, 400);
  EXPECT_FALSE(changed.locked_until);  // a new password unlocks
  EXPECT_TRUE(changed.disabled);
  EXPECT_EQ(changed.updated_at, 500);
  EXPECT_EQ(changed.last_login_at, 600);
  EXPECT_EQ(users_->set_disabled(9999, true, 1).error().code, "not_found");
}

TEST_P(AuthRepositoriesTest, StoresTouchesAndRevokesSessions) {
  const auto alice = add_user("alice");
  ASSERT_TRUE(sessions_->create(session_for(alice.id, "s1")).ok());
  ASSERT_TRUE(sessions_->create(session_for(alice.id, "s2")).ok());
  const auto found = sessions_->find("s1");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->user_id, alice.id);
  EXPECT_EQ((*found)->csrf_token, "csrf-s1");
  EXPECT_EQ((*found)->absolute_expires_at, 44200);
  EXPECT_FALSE((*found)->revoked_at);
  ASSERT_TRUE(sessions_->touch("s1", 1500, 3300).ok());
  EXPECT_EQ(sessions_->find("s1").value()->idle_expires_at, 3300);
  EXPECT_EQ(sessions_->find("s1").value()->last_seen_at, 1500);
  ASSERT_TRUE(sessions_->revoke("s1", 1600).ok());
  EXPECT_EQ(sessions_->find("s1").value()->revoked_at, 1600);
  EXPECT_EQ(sessions_->revoke_all_for_user(alice.id, 1700).value(), 1);  // s2 only
  EXPECT_EQ(sessions_->find("s2").value()->revoked_at, 1700);
  EXPECT_FALSE(sessions_->find("no-such-session").value().has_value());
  EXPECT_EQ(sessions_->delete_ended_before(1650).value(), 1);
  EXPECT_FALSE(sessions_->find("s1").value().has_value());
}

TEST_P(AuthRepositoriesTest, FailuresCountSinceTheLastSuccessPerUsernameButNotPerAddress) {
  ASSERT_TRUE(attempts_->record("alice", "10.0.0.1", false, 100).ok());
  ASSERT_TRUE(attempts_->record("alice", "10.0.0.1", false, 110).ok());
  ASSERT_TRUE(attempts_->record("alice", "10.0.0.1", true, 120).ok());
  ASSERT_TRUE(attempts_->record("alice", "10.0.0.2", false, 130).ok());
  ASSERT_TRUE(attempts_->record("bob", "10.0.0.1", false, 140).ok());
  EXPECT_EQ(attempts_->failures_for_username("alice", 0, 100).value(), std::vector<int64_t>{130});
  EXPECT_EQ(attempts_->failures_for_ip("10.0.0.1", 0, 100).value(),
            (std::vector<int64_t>{140, 110, 100}));
  EXPECT_EQ(attempts_->failures_for_ip("10.0.0.1", 105, 100).value(),
            (std::vector<int64_t>{140, 110}));
  EXPECT_EQ(attempts_->failures_for_ip("10.0.0.1", 0, 1).value(), std::vector<int64_t>{140});
  EXPECT_TRUE(attempts_->failures_for_username("nobody", 0, 100).value().empty());
  EXPECT_EQ(attempts_->delete_before(125).value(), 3);
  EXPECT_EQ(attempts_->failures_for_ip("10.0.0.1", 0, 100).value(), std::vector<int64_t>{140});
}

GEP_INSTANTIATE_FOR_BOTH_BACKENDS(AuthRepositoriesTest);

}  // namespace
}  // namespace gep::test
