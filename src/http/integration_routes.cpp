#include "http/integration_routes.h"

#include "http/json_response.h"
#include "http/record_json.h"

namespace gep::http {

nlohmann::json integration_health_json(const IntegrationProbe& probe) {
  if (!probe) {
    return {{"status", "not_configured"}, {"message", "JOBNIMBUS_API_KEY is not set"}};
  }
  const IntegrationHealth health = probe();
  nlohmann::json body = {{"status", health.ok ? "ok" : "error"},
                         {"checkedAt", time_or_null(health.checked_at)}};
  if (!health.message.empty()) body["message"] = health.message;
  return body;
}

void add_integration_routes(Router& router, IntegrationProbe probe) {
  router.get("/api/v1/integration/jobnimbus/health", Access::internal,
             [probe = std::move(probe)](const Request&, Response& response, const PathParams&) {
               const nlohmann::json health = integration_health_json(probe);
               // The guide's shape: {status:'ok'|'error', message?}.
               nlohmann::json body = {{"status", health["status"] == "ok" ? "ok" : "error"}};
               if (health.contains("message")) body["message"] = health["message"];
               send_json(response, 200, body);
             });
}

}  // namespace gep::http
