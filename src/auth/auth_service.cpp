#include "auth/auth_service.h"

#include <algorithm>

#include "core/digest.h"
#include "core/secrets.h"

namespace gep::auth {
namespace {

constexpr int64_t kAttemptLimit = 200;
constexpr int64_t kCleanupEverySeconds = 3600;
constexpr int64_t kKeepRecordsSeconds = 7 * 24 * 3600;

Unexpected<LoginFailure> unavailable(const Error& error) {
  return fail(LoginFailure{LoginFailureKind::unavailable, 0, error.message});
}

SessionUser session_user(const User& user) {
  return {user.id, user.username, user.display_name, user.role};
}

}  // namespace

AuthService::AuthService(UserRepository& users, SessionRepository& sessions,
                         LoginAttemptRepository& attempts, const PasswordHasher& hasher,
                         Clock& clock, AuthSettings settings)
    : users_(users),
      sessions_(sessions),
      attempts_(attempts),
      hasher_(hasher),
      clock_(clock),
      settings_(settings) {}

std::string AuthService::session_id_of(std::string_view token) {
  return sha256_hex(token);
}

bool AuthService::csrf_matches(const Authenticated& session, std::string_view presented) {
  return !presented.empty() && constant_time_equals(presented, session.csrf_token);
}

std::optional<LoginFailure> AuthService::throttled(const std::string& username,
                                                   const std::string& ip, int64_t now) {
  const auto& policy = settings_.throttle;
  const auto by_address = attempts_.failures_for_ip(
      ip, now - (policy.address_window + policy.address_lockout).count(), kAttemptLimit);
  const auto by_account = attempts_.failures_for_username(
      username, now - (policy.account_window + policy.account_lockout).count(), kAttemptLimit);
  if (!by_address)
    return LoginFailure{LoginFailureKind::unavailable, 0, by_address.error().message};
  if (!by_account)
    return LoginFailure{LoginFailureKind::unavailable, 0, by_account.error().message};
  const auto address_lock = locked_until(*by_address, policy.address_failures,
                                         policy.address_window, policy.address_lockout, now);
  const auto account_lock = locked_until(*by_account, policy.account_failures,
                                         policy.account_window, policy.account_lockout, now);
  if (!address_lock && !account_lock) return std::nullopt;
  const int64_t until = std::max(address_lock.value_or(0), account_lock.value_or(0));
  return LoginFailure{LoginFailureKind::throttled, std::max<int64_t>(1, until - now),
                      "too many failed sign-ins; try again later"};
}

LoginFailure AuthService::refuse(const std::string& username, const std::string& ip, int64_t now) {
  (void)attempts_.record(username, ip, false, now);
  const auto& policy = settings_.throttle;
  const auto recent =
      attempts_.failures_for_username(username, now - policy.account_window.count(), kAttemptLimit);
  if (recent) {
    const auto delay = failure_delay(policy, recent->size());
    if (delay.count() > 0) clock_.sleep_for(delay);
    // Informational only (gep user list shows it); the throttle decides from the attempts.
    const auto lock = locked_until(*recent, policy.account_failures, policy.account_window,
                                   policy.account_lockout, now);
    if (lock) {
      if (const auto user = users_.find_by_username(username); user && user->has_value()) {
        (void)users_.set_locked_until((*user)->id, lock, now);
      }
    }
  }
  return {LoginFailureKind::invalid_credentials, 0, "invalid username or password"};
}

Result<LoginSuccess, LoginFailure> AuthService::login(const LoginRequest& request) {
  const int64_t now = to_unix_seconds(clock_.now());
  forget_old_records(now);
  const auto username = normalize_username(request.username);
  // A malformed username is a failed attempt like any other (counted per address).
  const std::string account = username ? *username : std::string("(invalid)");
  // Always account first, then address: no two attempts wait for each other in a cycle.
  const auto account_guard = account_locks_.lock(account);
  const auto address_guard = address_locks_.lock(request.ip);
  if (auto refused = throttled(account, request.ip, now)) return fail(std::move(*refused));
  if (!username || request.password.empty() || request.password.size() > 1024) {
    hasher_.spend_verification_time(request.password.substr(0, 1024));
    return fail(refuse(account, request.ip, now));
  }
  const auto found = users_.find_by_username(*username);
  if (!found) return unavailable(found.error());
  const User* user = found->has_value() ? &**found : nullptr;
  const bool password_ok = user != nullptr
                               ? hasher_.verify(user->password_hash, request.password)
                               : (hasher_.spend_verification_time(request.password), false);
  if (!password_ok || user->disabled) return fail(refuse(*username, request.ip, now));
  auto opened = open_session(*user, request, now);
  if (!opened) return unavailable(opened.error());
  return std::move(opened).value();
}

Result<LoginSuccess> AuthService::open_session(const User& user, const LoginRequest& request,
                                               int64_t now) {
  if (const Status recorded = attempts_.record(user.username, request.ip, true, now); !recorded) {
    return fail(recorded.error());
  }
  std::string token = random_hex(32);  // 256 bits
  StoredSession stored;
  stored.id = session_id_of(token);
  stored.user_id = user.id;
  stored.csrf_token = random_hex(32);
  stored.created_at = now;
  stored.last_seen_at = now;
  stored.absolute_expires_at = now + settings_.absolute_timeout.count();
  stored.idle_expires_at =
      std::min(now + settings_.idle_timeout.count(), stored.absolute_expires_at);
  stored.ip = request.ip.substr(0, 64);
  stored.user_agent = request.user_agent.substr(0, 256);
  if (const Status created = sessions_.create(stored); !created) return fail(created.error());
  (void)users_.record_login(user.id, now);
  if (user.locked_until) (void)users_.set_locked_until(user.id, std::nullopt, now);
  Authenticated session{session_user(user), stored.id, stored.csrf_token, stored.idle_expires_at,
                        stored.absolute_expires_at};
  return LoginSuccess{std::move(session), std::move(token)};
}

Result<std::optional<Authenticated>> AuthService::authenticate(std::string_view token) {
  using Answer = std::optional<Authenticated>;
  // Our tokens are 64 hex characters; anything else opens nothing without a database read.
  if (token.size() != 64) return Answer();
  const int64_t now = to_unix_seconds(clock_.now());
  const auto found = sessions_.find(session_id_of(token));
  if (!found) return fail(found.error());
  if (!found->has_value()) return Answer();
  StoredSession session = **found;
  if (session.revoked_at || now >= session.idle_expires_at || now >= session.absolute_expires_at) {
    return Answer();
  }
  const auto user = users_.find_by_id(session.user_id);
  if (!user) return fail(user.error());
  if (!user->has_value() || (*user)->disabled) return Answer();
  if (now - session.last_seen_at >= settings_.touch_interval.count()) {
    session.last_seen_at = now;
    session.idle_expires_at =
        std::min(now + settings_.idle_timeout.count(), session.absolute_expires_at);
    if (const Status touched = sessions_.touch(session.id, now, session.idle_expires_at);
        !touched) {
      return fail(touched.error());
    }
  }
  return Answer(Authenticated{session_user(**user), session.id, session.csrf_token,
                              session.idle_expires_at, session.absolute_expires_at});
}

Status AuthService::logout(std::string_view token) {
  if (token.size() != 64) return {};
  return sessions_.revoke(session_id_of(token), to_unix_seconds(clock_.now()));
}

void AuthService::forget_old_records(int64_t now) {
  int64_t last = last_cleanup_.load();
  if (now - last < kCleanupEverySeconds || !last_cleanup_.compare_exchange_strong(last, now)) {
    return;
  }
  (void)attempts_.delete_before(now - kKeepRecordsSeconds);
  (void)sessions_.delete_ended_before(now - kKeepRecordsSeconds);
}

}  // namespace gep::auth
