#pragma once
// Staff sign-in: a server-side session per login (the cookie holds a 256-bit random token, the
// database only its SHA-256), idle and absolute expiry, a CSRF token per session, revocation on
// logout, and throttled failures (login_throttle.h).
#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "auth/auth_store.h"
#include "auth/keyed_locks.h"
#include "auth/login_throttle.h"
#include "auth/password_hasher.h"
#include "core/clock.h"
#include "core/result.h"

namespace gep::auth {

struct AuthSettings {
  std::chrono::seconds idle_timeout{std::chrono::minutes(30)};
  std::chrono::seconds absolute_timeout{std::chrono::hours(12)};
  // A session's last-seen time is written at most this often (not on every request).
  std::chrono::seconds touch_interval{15};
  ThrottlePolicy throttle;
};

struct SessionUser {
  int64_t id = 0;
  std::string username;
  std::string display_name;
  Role role = Role::staff;
};

struct Authenticated {
  SessionUser user;
  std::string session_id;  // the stored hash, never the cookie's token
  std::string csrf_token;
  int64_t idle_expires_at = 0;
  int64_t absolute_expires_at = 0;
};

struct LoginRequest {
  std::string username;
  std::string password;
  std::string ip;
  std::string user_agent;
};

struct LoginSuccess {
  Authenticated session;
  std::string token;  // for the cookie only; never logged or stored
};

enum class LoginFailureKind {
  invalid_credentials,  // wrong password, unknown or disabled user: one answer for all
  throttled,            // too many failures for this account or address
  unavailable,          // the database failed
};

struct LoginFailure {
  LoginFailureKind kind = LoginFailureKind::invalid_credentials;
  int64_t retry_after_seconds = 0;  // throttled only
  std::string message;
};

class AuthService {
 public:
  // Every reference must outlive the service.
  AuthService(UserRepository& users, SessionRepository& sessions, LoginAttemptRepository& attempts,
              const PasswordHasher& hasher, Clock& clock, AuthSettings settings = {});

  Result<LoginSuccess, LoginFailure> login(const LoginRequest& request);
  // The session a cookie token opens, if it is live; slides the idle expiry.
  Result<std::optional<Authenticated>> authenticate(std::string_view token);
  // Revokes the session of `token` (nothing to do for an unknown one).
  Status logout(std::string_view token);

  // The x-csrf-token header against the session's token, in constant time.
  static bool csrf_matches(const Authenticated& session, std::string_view presented);
  static std::string session_id_of(std::string_view token);

  const AuthSettings& settings() const { return settings_; }

 private:
  std::optional<LoginFailure> throttled(const std::string& username, const std::string& ip,
                                        int64_t now);
  LoginFailure refuse(const std::string& username, const std::string& ip, int64_t now);
  Result<LoginSuccess> open_session(const User& user, const LoginRequest& request, int64_t now);
  void forget_old_records(int64_t now);

  UserRepository& users_;
  SessionRepository& sessions_;
  LoginAttemptRepository& attempts_;
  const PasswordHasher& hasher_;
  Clock& clock_;
  AuthSettings settings_;
  // Per process: parallel attempts for one account, or from one address, run one at a time.
  KeyedLocks account_locks_;
  KeyedLocks address_locks_;
  std::atomic<int64_t> last_cleanup_{0};
};

}  // namespace gep::auth
