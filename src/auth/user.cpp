#include "auth/user.h"

#include <algorithm>
#include <cctype>

namespace gep::auth {

std::optional<Role> parse_role(std::string_view name) {
  if (name == "admin") return Role::admin;
  if (name == "staff") return Role::staff;
  return std::nullopt;
}

std::string_view to_string(Role role) {
  return role == Role::admin ? "admin" : "staff";
}

Result<std::string> normalize_username(std::string_view username) {
  while (!username.empty() && std::isspace(static_cast<unsigned char>(username.front())) != 0) {
    username.remove_prefix(1);
  }
  while (!username.empty() && std::isspace(static_cast<unsigned char>(username.back())) != 0) {
    username.remove_suffix(1);
  }
  if (username.empty() || username.size() > 64) {
    return fail("validation", "a username has 1 to 64 characters");
  }
  std::string normalized;
  normalized.reserve(username.size());
  for (const char c : username) {
    const auto lowered = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool allowed = (lowered >= 'a' && lowered <= 'z') || (lowered >= '0' && lowered <= '9') ||
                         lowered == '.' || lowered == '_' || lowered == '@' || lowered == '-';
    if (!allowed) return fail("validation", "a username may hold only letters, digits and . _ @ -");
    normalized.push_back(lowered);
  }
  return normalized;
}

Status check_password_strength(std::string_view password) {
  if (password.size() < 12) return fail("validation", "a password needs at least 12 characters");
  if (password.size() > 1024) return fail("validation", "a password may have at most 1024 bytes");
  return {};
}

}  // namespace gep::auth
