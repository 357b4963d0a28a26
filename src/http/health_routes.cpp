#include "http/health_routes.h"

#include "core/cached_call.h"
#include "core/version.h"
#include "http/json_response.h"

namespace gep::http {

DatabaseProbe probe_at_most_every(DatabaseProbe probe, const Clock& clock, Duration fresh_for) {
  return at_most_every(std::move(probe), clock, fresh_for);
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
