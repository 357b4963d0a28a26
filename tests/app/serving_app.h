#pragma once
// The real Application serving on a free port over SQLite in a temp dir, with a staff user and
// the internal key, for tests that call it over HTTP (the route table, the pages). `prepare`
// runs on the migrated database before the application starts: seed what the test reads.
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "app/access_wiring.h"
#include "app/application.h"
#include "core/env_file.h"
#include "core/secrets.h"
#include "net/http_client.h"
#include "store/database.h"

namespace gep::test {

class ServingApp {
 public:
  using Prepare = std::function<void(store::Database&)>;

  ServingApp(const std::string& name, std::string api_key, const std::string& staff_password,
             const Prepare& prepare = {}, const EnvMap& extra = {})
      : directory_(std::filesystem::temp_directory_path() / ("gep-" + name + "-" + random_hex(6))),
        api_key_(std::move(api_key)) {
    std::filesystem::create_directories(directory_);
    EnvMap environment = {{"DATABASE_URL", "sqlite:" + (directory_ / "gep.db").string()},
                          {"PORT", "0"},
                          {"INTERNAL_API_KEY", api_key_},
                          {"JOBNIMBUS_SYNC_ENABLED", "false"},
                          {"HTTP_THREADS", "4"},
                          {"MEDIA_CACHE_DIR", (directory_ / "media-cache").string()},
                          {"EMBED_SIGNING_SECRET", "serving-app-embed-secret-0123456789abcdef"}};
    // `extra` wins: a test may point JOBNIMBUS_BASE_URL at a scripted server, say.
    for (const auto& [variable, value] : extra) environment[variable] = value;
    config_ = Config::load(environment);
    prepare_database(staff_password, prepare);
    app_ = std::make_unique<app::Application>(config_);
    started_ = app_->start();
    if (started_) thread_ = std::thread([this] { app_->run(); });
  }

  ~ServingApp() {
    if (app_) app_->stop();
    if (thread_.joinable()) thread_.join();
    app_.reset();
    std::filesystem::remove_all(directory_);
  }

  ServingApp(const ServingApp&) = delete;
  ServingApp& operator=(const ServingApp&) = delete;

  // Whether start() succeeded, and why not.
  const Status& started() const { return started_; }
  app::Application& app() { return *app_; }
  const Config& config() const { return config_; }

  gep::testing::HttpClient client() const {
    gep::testing::HttpClient client("127.0.0.1", app_->port());
    client.set_read_timeout(30, 0);
    return client;
  }

 private:
  void prepare_database(const std::string& staff_password, const Prepare& prepare) {
    auto database = store::open_database(config_);
    if (!database || !(*database)->migrate()) return;  // start() then says why
    SystemClock clock;
    app::UserAccounts accounts(**database, clock);
    (void)accounts.admin().add("staffer", auth::Role::staff, "Staff", staff_password);
    if (prepare) prepare(**database);
  }

  std::filesystem::path directory_;
  std::string api_key_;
  Config config_;
  std::unique_ptr<app::Application> app_;
  Status started_;
  std::thread thread_;
};

}  // namespace gep::test
