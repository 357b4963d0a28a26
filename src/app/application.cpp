#include "app/application.h"

#include <algorithm>

#include "app/access_wiring.h"
#include "app/evaluation_wiring.h"
#include "app/jobnimbus_gateway_adapter.h"
#include "app/leader_locks.h"
#include "app/media_file_source.h"
#include "app/outbox_wiring.h"
#include "app/portal_wiring.h"
#include "app/web_wiring.h"
#include "app/webhook_wiring.h"
#include "core/cached_call.h"
#include "core/logging.h"
#include "http/contacts_routes.h"
#include "http/health_routes.h"
#include "http/integration_routes.h"
#include "http/jobs_routes.h"
#include "http/outbox_json.h"
#include "http/qc_routes.h"
#include "http/risk_routes.h"
#include "http/sync_routes.h"
#include "http/writeback_routes.h"
#include "jobnimbus/client.h"
#include "media/vips_thumbnailer.h"
#include "store/database.h"
#include "sync/scheduler.h"
#include "sync/sync_service.h"
#include "sync/writeback_service.h"

namespace gep::app {

Application::Application(Config config) : config_(std::move(config)) {}

Application::~Application() {
  if (scheduler_) scheduler_->stop();
}

Status Application::start() {
  auto database = store::open_database(config_);
  if (!database) return fail("database", database.error().message);
  database_ = std::move(database.value());
  const auto migrated = database_->migrate();
  if (!migrated) return fail("migrate", migrated.error().message);
  log::info("database {} ready at schema version {}", database_->backend_name(),
            database_->schema_version());
  // Cached list answers are then checked in memory; without the watch they still work, each
  // check reading the database.
  if (const Status watching = database_->watch_changes(); !watching) {
    log::warn("database: change watch not started: {}", watching.error().message);
  }
  auto evaluations = Evaluations::create(config_, *database_, clock_);
  if (!evaluations) return fail(evaluations.error());
  evaluations_ = std::move(evaluations.value());
  auto portal = PortalWiring::create(config_, *database_, clock_);
  if (!portal) return fail(portal.error());
  portal_ = std::move(portal.value());
  if (auto connected = connect_jobnimbus(); !connected) return connected;

  http::ServerOptions options;
  options.host = config_.host;
  options.port = config_.port;
  options.max_upload_bytes = config_.http_max_body_bytes;
  net::ServerLimits& limits = options.limits;
  limits.worker_threads = config_.http_threads;
  limits.io_threads = config_.http_io_threads;
  // HTTP_MAX_BODY_BYTES caps every body; the JSON limit is the smaller of the two.
  limits.max_body_bytes = std::min(config_.http_max_json_body_bytes, config_.http_max_body_bytes);
  limits.max_connections = static_cast<size_t>(config_.http_max_connections);
  limits.max_connections_per_client = static_cast<size_t>(config_.http_max_connections_per_client);
  limits.header_timeout = std::chrono::seconds(config_.http_header_timeout_seconds);
  limits.min_body_bytes_per_second = config_.http_body_min_bytes_per_second;
  limits.idle_timeout = std::chrono::seconds(config_.http_keep_alive_seconds);
  options.embed_frame_ancestors = config_.embed_allowed_origins;
  access_ = std::make_unique<AccessWiring>(config_, *database_, clock_);
  server_ = std::make_unique<http::HttpServer>(options, access_->internal_guard());
  mount_routes();
  // Webhooks: POST /api/v1/webhooks/jobnimbus stores each delivery; one worker thread re-fetches
  // the record from JobNimbus (stopped in stop() and on destruction). A re-fetched job is
  // re-evaluated for QC and risk, as after a pull.
  webhooks_ = std::make_unique<WebhookWiring>(
      config_, *database_, gateway_.get(), clock_,
      [this](int64_t started_at) { evaluations_->reevaluate_changed(started_at); });
  webhooks_->mount(server_->router());
  webhooks_->start();
  // The outbox: write-backs queued through the API are delivered by one worker thread per
  // instance (several instances share a PostgreSQL outbox). Stopped first in stop(), so that it
  // hands back what it has not sent.
  auto outbox = OutboxWiring::create(config_, *database_, clock_);
  if (!outbox) return fail(outbox.error());
  outbox_ = std::move(outbox.value());
  if (outbox_) outbox_->start();
  const auto bound = server_->bind();
  if (!bound) return fail(bound.error());
  port_ = *bound;
  start_schedule();
  return {};
}

Status Application::connect_jobnimbus() {
  if (config_.jobnimbus_api_key.empty()) {
    log::warn("JOBNIMBUS_API_KEY is not set: sync and write-back are off until it is");
    return {};
  }
  auto client = jobnimbus::JobNimbusClient::create(jobnimbus::ClientOptions::from_config(config_));
  if (!client) return fail("jobnimbus", client.error().describe());
  client_ = std::move(client.value());
  gateway_ = std::make_unique<JobNimbusGatewayAdapter>(*client_);
  sync::SyncSettings settings;
  settings.conflict_policy = sync::parse_conflict_policy(config_.sync_conflict_policy)
                                 .value_or(sync::ConflictPolicy::last_write_wins);
  sync_ = std::make_unique<sync::SyncService>(*gateway_, *database_, clock_, settings);
  sync_->set_after_run(
      [this](int64_t started_at) { evaluations_->reevaluate_changed(started_at); });
  return {};
}

void Application::mount_routes() {
  auto& router = server_->router();
  auto database_probe = [database = database_.get()] {
    http::DatabaseHealth health;
    health.backend = database->backend_name();
    const auto version = database->ping_schema_version();
    health.ok = version.ok();
    if (!health.ok) {
      health.message = version.error().message;
      return health;
    }
    health.schema_version = *version;
    return health;
  };
  http::add_health_routes(router, http::probe_at_most_every(std::move(database_probe), clock_,
                                                            std::chrono::seconds(1)));
  http::IntegrationProbe jobnimbus_probe;
  if (client_) {
    // The sync page shows it on every load: one JobNimbus request per 30 s at most.
    jobnimbus_probe = at_most_every<http::IntegrationHealth>(
        [client = client_.get(), &clock = clock_] {
          const auto report = client->health_check();
          return http::IntegrationHealth{report.ok, report.message, to_unix_seconds(clock.now())};
        },
        clock_, std::chrono::seconds(30));
  }
  http::add_integration_routes(router, jobnimbus_probe);
  jobs_ = std::make_unique<domain::JobDirectory>(database_->jobs(), database_->contacts(),
                                                 database_->job_contacts(), database_->files());
  lists_ = std::make_unique<http::ListCache>(
      [database = database_.get()](std::initializer_list<std::string_view> tables) {
        return database->data_version(tables);
      });
  http::add_jobs_routes(router, *jobs_, *lists_);
  http::add_contacts_routes(router, *database_, *lists_);
  http::add_sync_routes(router, *database_, sync_.get(), *lists_, jobnimbus_probe);
  const auto wake_outbox = [this] {
    if (outbox_) outbox_->wake();
  };
  writebacks_ = std::make_unique<sync::WritebackService>(*database_, wake_outbox);
  http::add_writeback_routes(router, *writebacks_);
  http::add_outbox_routes(router, *database_, clock_, *lists_, wake_outbox);
  http::add_qc_routes(router, *database_, evaluations_->qc(), *lists_);
  http::add_risk_routes(router, *database_, evaluations_->risk(), *lists_);
  access_->mount(router);  // embed links and staff sign-in
  if (client_) {
    media_ = std::make_unique<media::MediaService>(
        std::make_shared<JobNimbusFileSource>(*client_), std::make_shared<media::VipsThumbnailer>(),
        std::make_shared<media::DiskCache>(
            config_.media_cache_dir, static_cast<uint64_t>(config_.media_cache_mb) * 1024 * 1024));
  }
  portal_->mount(router, media_.get());  // the customer portal and its session guard
  web_ = std::make_unique<WebWiring>(config_.portal_company_name, config_.portal_brand_color,
                                     config_.embed_signing_secret);
  web_->mount(*server_, {*database_,
                         *jobs_,
                         *writebacks_,
                         config_.jobnimbus_app_base_url,
                         evaluations_->risk(),
                         evaluations_->qc(),
                         sync_.get(),
                         wake_outbox,
                         access_->sign_in(),
                         access_->links(),
                         portal_->service(),
                         portal_->access(),
                         {config_.portal_company_name, config_.portal_company_phone,
                          config_.portal_company_email},
                         *lists_,
                         clock_,
                         media_.get(),
                         jobnimbus_probe});
}

void Application::start_schedule() {
  if (!sync_ || !config_.jobnimbus_sync_enabled) return;
  auto schedule = CronSchedule::parse(config_.jobnimbus_sync_cron);
  if (!schedule) return;  // validated at start-up; unreachable
  leader_lock_ = make_leader_lock(*database_, config_);
  scheduler_ = std::make_unique<sync::SyncScheduler>(
      std::move(schedule.value()), clock_, *leader_lock_, [this] {
        for (const auto entity : sync::kPullOrder) {
          // Re-checked before each phase: a leader that lost its database session stops here.
          if (!leader_lock_->still_held()) {
            log::warn("scheduled sync stopped: this instance is no longer the sync leader");
            return;
          }
          if (!sync_->pull(entity, sync::PullMode::incremental, "schedule")) {
            log::info("scheduled {} sync skipped: a manual sync is running",
                      sync::to_string(entity));
          }
        }
        // Time alone moves risk (day counts), so every job is re-evaluated once a day.
        evaluations_->evaluate_all_if_new_day(clock_.now());
      });
  scheduler_->start();
}

void Application::run() {
  server_->run();
}

void Application::stop() {
  if (outbox_) outbox_->stop();
  if (server_) server_->stop();
  if (webhooks_) webhooks_->stop();
  // Waits for a scheduled run in progress to finish its current entity.
  if (scheduler_) scheduler_->stop();
}

}  // namespace gep::app
