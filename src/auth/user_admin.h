#pragma once
// Managing internal users (gep user add|list|disable|reset-password, the demo's user). Disabling
// a user or resetting a password ends that user's sessions.
#include <optional>
#include <string>
#include <vector>

#include "auth/auth_store.h"
#include "auth/password_hasher.h"
#include "core/clock.h"
#include "core/result.h"

namespace gep::auth {

class UserAdmin {
 public:
  // Every reference must outlive this object.
  UserAdmin(UserRepository& users, SessionRepository& sessions, const PasswordHasher& hasher,
            const Clock& clock);

  // Errors: "validation" (username, password), "conflict" (username taken), "database".
  Result<User> add(const std::string& username, Role role, const std::string& display_name,
                   const std::string& password);
  Result<std::vector<User>> list();
  Result<int64_t> count();
  // Errors: "not_found", "database".
  Status disable(const std::string& username);
  Status reset_password(const std::string& username, const std::string& password);

 private:
  Result<User> existing(const std::string& username);
  int64_t now() const { return to_unix_seconds(clock_.now()); }

  UserRepository& users_;
  SessionRepository& sessions_;
  const PasswordHasher& hasher_;
  const Clock& clock_;
};

}  // namespace gep::auth
