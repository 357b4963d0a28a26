#include "auth/user_admin.h"

namespace gep::auth {

UserAdmin::UserAdmin(UserRepository& users, SessionRepository& sessions,
                     const PasswordHasher& hasher, const Clock& clock)
    : users_(users), sessions_(sessions), hasher_(hasher), clock_(clock) {}

Result<User> UserAdmin::add(const std::string& username, Role role, const std::string& display_name,
                            const std::string& password) {
  const auto normalized = normalize_username(username);
  if (!normalized) return fail(normalized.error());
  if (const Status strong = check_password_strength(password); !strong) return fail(strong.error());
  if (display_name.size() > 200) return fail("validation", "a display name has at most 200 bytes");
  auto hash = hasher_.hash(password);
  if (!hash) return fail(hash.error());
  return users_.create({*normalized, display_name, role, std::move(hash).value()}, now());
}

Result<std::vector<User>> UserAdmin::list() {
  return users_.list();
}

Result<int64_t> UserAdmin::count() {
  return users_.count();
}

Result<User> UserAdmin::existing(const std::string& username) {
  const auto normalized = normalize_username(username);
  if (!normalized) return fail("not_found", "no user " + username);
  auto found = users_.find_by_username(*normalized);
  if (!found) return fail(found.error());
  if (!found->has_value()) return fail("not_found", "no user " + *normalized);
  return std::move(**found);
}

Status UserAdmin::disable(const std::string& username) {
  const auto user = existing(username);
  if (!user) return fail(user.error());
  if (const Status disabled = users_.set_disabled(user->id, true, now()); !disabled) {
    return disabled;
  }
  const auto revoked = sessions_.revoke_all_for_user(user->id, now());
  if (!revoked) return fail(revoked.error());
  return {};
}

Status UserAdmin::reset_password(const std::string& username, const std::string& password) {
  if (const Status strong = check_password_strength(password); !strong) return strong;
  const auto user = existing(username);
  if (!user) return fail(user.error());
  auto hash = hasher_.hash(password);
  if (!hash) return fail(hash.error());
  if (const Status changed = users_.set_password_hash(user->id, *hash, now()); !changed) {
    return changed;
  }
  const auto revoked = sessions_.revoke_all_for_user(user->id, now());
  if (!revoked) return fail(revoked.error());
  return {};
}

}  // namespace gep::auth
