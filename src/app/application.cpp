#include "app/application.h"

#include "core/logging.h"
#include "http/health_routes.h"
#include "store/database.h"

namespace gep::app {

Application::Application(Config config) : config_(std::move(config)) {}

Application::~Application() = default;

Status Application::start() {
  auto database = store::open_database(config_);
  if (!database) return fail("database", database.error().message);
  database_ = std::move(database.value());
  const auto migrated = database_->migrate();
  if (!migrated) return fail("migrate", migrated.error().message);
  log::info("database {} ready at schema version {}", database_->backend_name(),
            database_->schema_version());

  http::ServerOptions options;
  options.host = config_.host;
  options.port = config_.port;
  options.threads = config_.http_threads;
  options.max_body_bytes = config_.http_max_body_bytes;
  server_ = std::make_unique<http::HttpServer>(
      options, http::internal_api_key_guard(config_.internal_api_key));
  mount_routes();
  const auto bound = server_->bind();
  if (!bound) return fail(bound.error());
  port_ = *bound;
  return {};
}

void Application::mount_routes() {
  auto& router = server_->router();
  http::add_health_routes(router, [database = database_.get()] {
    http::DatabaseHealth health;
    health.backend = database->backend_name();
    const auto ping = database->ping();
    health.ok = ping.ok();
    if (!health.ok) {
      health.message = ping.error().message;
      return health;
    }
    health.schema_version = database->schema_version();
    return health;
  });
}

void Application::run() {
  server_->run();
}

void Application::stop() {
  if (server_) server_->stop();
}

}  // namespace gep::app
