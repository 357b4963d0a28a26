#include "http/health_routes.h"

#include <memory>
#include <mutex>
#include <optional>

#include "core/version.h"
#include "http/json_response.h"

namespace gep::http {

DatabaseProbe probe_at_most_every(DatabaseProbe probe, const Clock& clock, Duration fresh_for) {
  struct Cached {
    std::mutex mutex;
    std::optional<DatabaseHealth> health;
    TimePoint probed_at;
  };
  return [probe = std::move(probe), &clock, fresh_for, cached = std::make_shared<Cached>()] {
    const std::lock_guard lock(cached->mutex);
    const TimePoint now = clock.now();
    if (!cached->health || now - cached->probed_at >= fresh_for || now < cached->probed_at) {
      cached->health = probe();
      cached->probed_at = now;
    }
    return *cached->health;
  };
}

void add_health_routes(Router& router, DatabaseProbe probe) {
  router.get("/api/v1/health", Access::open,
             [probe = std::move(probe)](const Request&, Response& response, const PathParams&) {
               const DatabaseHealth database = probe();
               nlohmann::json body = {{"status", database.ok ? "ok" : "error"},
                                      {"version", std::string(kVersion)},
                                      {"database",
                                       {{"status", database.ok ? "ok" : "error"},
                                        {"backend", database.backend},
                                        {"schemaVersion", database.schema_version}}}};
               if (database.ok) {
                 send_json(response, 200, body);
                 return;
               }
               body["database"]["message"] = database.message;
               body["error"] = {{"code", "database_unavailable"},
                                {"message", "database is not reachable: " + database.message}};
               send_json(response, 503, body);
             });
}

}  // namespace gep::http
