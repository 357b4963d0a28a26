#pragma once
// The composition root: the only place that knows every concrete type. It opens the store,
// builds the services and mounts every module's routes on one HTTP server.
#include <memory>
#include <vector>

#include "core/clock.h"
#include "core/config.h"
#include "core/result.h"
#include "http/list_cache.h"
#include "http/server.h"

namespace gep::store {
class Database;
}
namespace gep::domain {
class JobDirectory;
}
namespace gep::jobnimbus {
class JobNimbusClient;
}
namespace gep::media {
class MediaService;
}  // namespace gep::media
namespace gep::sync {
class JobNimbusGateway;
class LeaderLock;
class SyncScheduler;
class SyncService;
class WritebackService;
}  // namespace gep::sync

namespace gep::app {

class Evaluations;

class WebhookWiring;
class OutboxWiring;
class PortalWiring;
class AccessWiring;
class WebWiring;

class Application {
 public:
  explicit Application(Config config);
  ~Application();
  Application(const Application&) = delete;
  Application& operator=(const Application&) = delete;

  // Opens and migrates the database, connects JobNimbus (when a key is set), mounts the routes,
  // binds the port and starts the sync schedule (when enabled).
  Status start();
  // Serves until stop() (or a signal handled by the caller) ends it.
  void run();
  void stop();
  uint16_t port() const { return port_; }
  // Every route mounted by start(), with its access level (the route-table test walks it).
  const std::vector<http::RouteInfo>& routes() const { return server_->router().routes(); }

 private:
  Status connect_jobnimbus();
  void mount_routes();
  void start_schedule();

  Config config_;
  SystemClock clock_;
  std::unique_ptr<store::Database> database_;
  std::unique_ptr<jobnimbus::JobNimbusClient> client_;
  std::unique_ptr<sync::JobNimbusGateway> gateway_;
  std::unique_ptr<sync::SyncService> sync_;
  std::unique_ptr<Evaluations> evaluations_;
  std::unique_ptr<sync::LeaderLock> leader_lock_;
  std::unique_ptr<sync::SyncScheduler> scheduler_;
  // Declared before server_: the routes use them.
  std::unique_ptr<domain::JobDirectory> jobs_;
  std::unique_ptr<http::ListCache> lists_;
  std::unique_ptr<sync::WritebackService> writebacks_;
  // Declared before server_: the server's handlers use the webhook endpoint.
  std::unique_ptr<WebhookWiring> webhooks_;
  // The outbox worker; null without a JobNimbus key. Declared before server_ (routes wake it).
  std::unique_ptr<OutboxWiring> outbox_;
  // The customer portal. Declared before server_: its routes use it.
  std::unique_ptr<PortalWiring> portal_;
  // Embed links, staff sign-in and the internal routes' guard. Declared before server_: the
  // guard and routes use it.
  std::unique_ptr<AccessWiring> access_;
  std::unique_ptr<media::MediaService> media_;  // null without a JobNimbus client
  std::unique_ptr<WebWiring> web_;
  std::unique_ptr<http::HttpServer> server_;
  uint16_t port_ = 0;
};

}  // namespace gep::app
