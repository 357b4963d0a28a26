#pragma once
// Embed links and internal users in `gep serve`: the JWT codec and link
// service, the user/session/attempt repositories, the Argon2id hasher and the sign-in service,
// and the guard of internal routes (x-internal-api-key or a staff session with CSRF).
#include <memory>
#include <optional>
#include <string>

#include "auth/auth_service.h"
#include "auth/user_admin.h"
#include "core/clock.h"
#include "core/config.h"
#include "embed/embed_links.h"
#include "http/router.h"
#include "store/database.h"

namespace gep::app {

// The store's users and sessions with a hasher: what `gep user` and the demo manage.
class UserAccounts {
 public:
  // `database` and `clock` must outlive this object.
  UserAccounts(store::Database& database, Clock& clock, auth::AuthSettings settings = {});
  ~UserAccounts();
  UserAccounts(const UserAccounts&) = delete;
  UserAccounts& operator=(const UserAccounts&) = delete;

  auth::UserAdmin& admin() { return *admin_; }
  auth::AuthService& sign_in() { return *sign_in_; }

 private:
  std::unique_ptr<auth::UserRepository> users_;
  std::unique_ptr<auth::SessionRepository> sessions_;
  std::unique_ptr<auth::LoginAttemptRepository> attempts_;
  std::unique_ptr<auth::PasswordHasher> hasher_;
  std::unique_ptr<auth::UserAdmin> admin_;
  std::unique_ptr<auth::AuthService> sign_in_;
};

auth::AuthSettings auth_settings(const Config& config);

class AccessWiring {
 public:
  AccessWiring(const Config& config, store::Database& database, Clock& clock);
  ~AccessWiring();
  AccessWiring(const AccessWiring&) = delete;
  AccessWiring& operator=(const AccessWiring&) = delete;

  // The guard of Access::internal routes; valid while this object lives.
  http::AccessGuard internal_guard();
  // POST /api/v1/embed/links, GET /api/v1/embed/session/resolve and /api/v1/auth/*.
  void mount(http::Router& router);
  // Staff sign-in, which the dashboard's pages share with the API.
  auth::AuthService& sign_in() { return accounts_.sign_in(); }
  // Embed links, which the panels' pages resolve.
  embed::EmbedLinkService& links() { return *links_; }

 private:
  std::string internal_api_key_;
  UserAccounts accounts_;
  std::unique_ptr<embed::JwtCodec> codec_;
  std::unique_ptr<embed::EmbedTokens> tokens_;
  std::unique_ptr<embed::EmbedJobDirectory> jobs_;
  std::unique_ptr<embed::EmbedLinkService> links_;
};

// `gep demo`: when the database has no user yet, creates "demo" (admin) with a random password
// and answers that password, to be shown once. Nothing when users exist.
Result<std::optional<std::string>> create_demo_user_if_none(const Config& config);

}  // namespace gep::app
