#pragma once
// The composition root: the only place that knows every concrete type. It opens the store,
// builds the services and mounts every module's routes on one HTTP server.
#include <memory>

#include "core/config.h"
#include "core/result.h"
#include "http/server.h"

namespace gep::store {
class Database;
}

namespace gep::app {

class Application {
 public:
  explicit Application(Config config);
  ~Application();
  Application(const Application&) = delete;
  Application& operator=(const Application&) = delete;

  // Opens and migrates the database, mounts the routes and binds the port.
  Status start();
  // Serves until stop() (or a signal handled by the caller) ends it.
  void run();
  void stop();
  uint16_t port() const { return port_; }

 private:
  void mount_routes();

  Config config_;
  std::unique_ptr<store::Database> database_;
  std::unique_ptr<http::HttpServer> server_;
  uint16_t port_ = 0;
};

}  // namespace gep::app
