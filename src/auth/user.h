#pragma once
// Internal (staff) users. Customers sign in through the portal, not here.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace gep::auth {

enum class Role { admin, staff };

std::optional<Role> parse_role(std::string_view name);  // "admin" | "staff"
std::string_view to_string(Role role);

struct User {
  int64_t id = 0;
  std::string username;  // lower-case, see normalize_username
  std::string display_name;
  Role role = Role::staff;
  std::string password_hash;  // Argon2id encoded string, never shown
  bool disabled = false;
  std::optional<int64_t> locked_until;  // informational: the throttle decides from attempts
  int64_t created_at = 0;
  int64_t updated_at = 0;
  int64_t password_changed_at = 0;
  std::optional<int64_t> last_login_at;
};

// Usernames are case-insensitive: trimmed and lower-cased; 1-64 of [a-z0-9._@-].
Result<std::string> normalize_username(std::string_view username);
// At least 12 characters (a passphrase), at most 1024 bytes.
Status check_password_strength(std::string_view password);

}  // namespace gep::auth
