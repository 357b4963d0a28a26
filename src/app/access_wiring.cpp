#include "app/access_wiring.h"

#include "core/secrets.h"
#include "embed/jwt_codec.h"
#include "http/access_guard.h"
#include "http/auth_routes.h"
#include "http/embed_routes.h"
#include "store/repos/login_attempt_repository.h"
#include "store/repos/session_repository.h"
#include "store/repos/user_repository.h"

namespace gep::app {

auth::AuthSettings auth_settings(const Config& config) {
  auth::AuthSettings settings;
  settings.idle_timeout = std::chrono::minutes(config.auth_session_idle_minutes);
  settings.absolute_timeout = std::chrono::hours(config.auth_session_absolute_hours);
  return settings;
}

UserAccounts::UserAccounts(store::Database& database, Clock& clock, auth::AuthSettings settings)
    : users_(store::make_user_repository(database)),
      sessions_(store::make_session_repository(database)),
      attempts_(store::make_login_attempt_repository(database)),
      hasher_(std::make_unique<auth::PasswordHasher>()),
      admin_(std::make_unique<auth::UserAdmin>(*users_, *sessions_, *hasher_, clock)),
      sign_in_(std::make_unique<auth::AuthService>(*users_, *sessions_, *attempts_, *hasher_, clock,
                                                   settings)) {}

UserAccounts::~UserAccounts() = default;

AccessWiring::AccessWiring(const Config& config, store::Database& database, Clock& clock)
    : internal_api_key_(config.internal_api_key),
      accounts_(database, clock, auth_settings(config)),
      codec_(embed::make_libjwt_codec()) {
  embed::EmbedTokenSettings settings;
  settings.secret = config.embed_signing_secret;
  settings.ttl = std::chrono::minutes(config.embed_token_ttl_minutes);
  tokens_ = std::make_unique<embed::EmbedTokens>(*codec_, clock, std::move(settings));
  jobs_ = http::make_embed_job_directory(database.jobs());
  links_ = std::make_unique<embed::EmbedLinkService>(*tokens_, *jobs_,
                                                     config.internal_dashboard_base_url);
}

AccessWiring::~AccessWiring() = default;

http::AccessGuard AccessWiring::internal_guard() {
  return http::staff_access_guard(internal_api_key_, accounts_.sign_in());
}

void AccessWiring::mount(http::Router& router) {
  http::add_embed_routes(router, *links_);
  http::add_auth_routes(router, accounts_.sign_in());
}

Result<std::optional<std::string>> create_demo_user_if_none(const Config& config) {
  using Created = std::optional<std::string>;
  auto database = store::open_migrated_database(config);
  if (!database) return fail(database.error());
  SystemClock clock;
  UserAccounts accounts(**database, clock);
  const auto existing = accounts.admin().count();
  if (!existing) return fail(existing.error());
  if (*existing > 0) return Created();
  std::string password = random_hex(12);
  SecretRegistry::add(password);
  const auto added = accounts.admin().add("demo", auth::Role::admin, "Demo User", password);
  if (!added) return fail(added.error());
  return Created(std::move(password));
}

}  // namespace gep::app
