#include "http/integration_routes.h"

#include "http/json_response.h"

namespace gep::http {

void add_integration_routes(Router& router, std::function<IntegrationHealth()> probe) {
  router.get("/api/v1/integration/jobnimbus/health", Access::internal,
             [probe = std::move(probe)](const Request&, Response& response, const PathParams&) {
               if (!probe) {
                 send_json(response, 200,
                           {{"status", "error"}, {"message", "JOBNIMBUS_API_KEY is not set"}});
                 return;
               }
               const IntegrationHealth health = probe();
               nlohmann::json body = {{"status", health.ok ? "ok" : "error"}};
               if (!health.message.empty()) body["message"] = health.message;
               send_json(response, 200, body);
             });
}

}  // namespace gep::http
