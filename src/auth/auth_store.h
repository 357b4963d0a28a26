#pragma once
// The storage auth needs, owned here and implemented by the store (store/repos/user_repository,
// session_repository, login_attempt_repository). Times are unix seconds.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/user.h"
#include "core/result.h"

namespace gep::auth {

struct NewUser {
  std::string username;
  std::string display_name;
  Role role = Role::staff;
  std::string password_hash;
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  // Fails with code "conflict" when the username is taken.
  virtual Result<User> create(const NewUser& user, int64_t now) = 0;
  virtual Result<std::optional<User>> find_by_username(const std::string& username) = 0;
  virtual Result<std::optional<User>> find_by_id(int64_t id) = 0;
  virtual Result<std::vector<User>> list() = 0;  // by username
  virtual Result<int64_t> count() = 0;
  // The setters fail with code "not_found" when no user has `id`.
  virtual Status set_disabled(int64_t id, bool disabled, int64_t now) = 0;
  // Also clears locked_until.
  virtual Status set_password_hash(int64_t id, const std::string& hash, int64_t now) = 0;
  virtual Status set_locked_until(int64_t id, std::optional<int64_t> until, int64_t now) = 0;
  virtual Status record_login(int64_t id, int64_t now) = 0;
};

struct StoredSession {
  std::string id;  // SHA-256 hex of the cookie's token; the token itself is never stored
  int64_t user_id = 0;
  std::string csrf_token;
  int64_t created_at = 0;
  int64_t last_seen_at = 0;
  int64_t idle_expires_at = 0;
  int64_t absolute_expires_at = 0;
  std::optional<int64_t> revoked_at;
  std::string ip;
  std::string user_agent;
};

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;
  virtual Status create(const StoredSession& session) = 0;
  virtual Result<std::optional<StoredSession>> find(const std::string& id) = 0;
  virtual Status touch(const std::string& id, int64_t last_seen_at, int64_t idle_expires_at) = 0;
  virtual Status revoke(const std::string& id, int64_t at) = 0;
  // Answers how many sessions it revoked.
  virtual Result<int64_t> revoke_all_for_user(int64_t user_id, int64_t at) = 0;
  // Removes sessions that ended (expired or revoked) before `before`.
  virtual Result<int64_t> delete_ended_before(int64_t before) = 0;
};

class LoginAttemptRepository {
 public:
  virtual ~LoginAttemptRepository() = default;
  virtual Status record(const std::string& username, const std::string& ip, bool succeeded,
                        int64_t at) = 0;
  // Times of failed attempts at or after `since`, newest first, at most `limit`. For a username
  // only the failures after its latest successful sign-in count.
  virtual Result<std::vector<int64_t>> failures_for_username(const std::string& username,
                                                             int64_t since, int64_t limit) = 0;
  virtual Result<std::vector<int64_t>> failures_for_ip(const std::string& ip, int64_t since,
                                                       int64_t limit) = 0;
  virtual Result<int64_t> delete_before(int64_t before) = 0;
};

}  // namespace gep::auth
