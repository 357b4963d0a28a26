#include "http/webhook_routes.h"

#include "core/logging.h"
#include "core/secrets.h"
#include "core/webhook_signature.h"
#include "http/json_response.h"
#include "sync/webhook_payload.h"

namespace gep::http {
namespace {

constexpr const char* kTokenHeader = "x-webhook-token";

// Where a rejected delivery came from, for the log: the peer and the relay's id, never a secret.
std::string origin(const Request& request) {
  std::string text = request.remote_addr;
  const std::string id = request.get_header_value("webhook-id");
  if (!id.empty()) text += " webhook-id " + id.substr(0, 64);
  return text;
}

void reject(Response& response, const Request& request, ErrorCode code,
            const std::string& message) {
  log::warn("webhook: {} from {}: {}", describe(code).status, log::printable(origin(request)),
            message);
  send_error(response, code, message);
}

}  // namespace

WebhookEndpoint::WebhookEndpoint(WebhookSettings settings, domain::WebhookEventRepository& events,
                                 const Clock& clock, std::function<void()> on_stored)
    : settings_(std::move(settings)),
      events_(events),
      clock_(clock),
      on_stored_(std::move(on_stored)) {}

bool WebhookEndpoint::authorized(const Request& request, Response& response) const {
  if (settings_.secret.empty()) {
    reject(response, request, ErrorCode::webhooks_not_configured,
           "webhooks are off: set JOBNIMBUS_WEBHOOK_SECRET and restart gep");
    return false;
  }
  const std::string presented = request.has_param("token") ? request.get_param_value("token")
                                                           : request.get_header_value(kTokenHeader);
  if (presented.empty()) {
    reject(response, request, ErrorCode::unauthorized,
           "missing webhook token (query parameter `token` or header x-webhook-token)");
    return false;
  }
  if (!constant_time_equals(presented, settings_.secret)) {
    reject(response, request, ErrorCode::unauthorized, "invalid webhook token");
    return false;
  }
  if (settings_.signing_key.empty()) return true;
  const std::string id = request.get_header_value("webhook-id");
  const std::string timestamp = request.get_header_value("webhook-timestamp");
  const std::string signature = request.get_header_value("webhook-signature");
  const Status verified = verify_webhook_signature(
      settings_.signing_key, {id, timestamp, signature, request.body}, clock_.now());
  if (!verified) {
    reject(response, request, ErrorCode::unauthorized, verified.error().message);
    return false;
  }
  return true;
}

void WebhookEndpoint::handle(const Request& request, Response& response) const {
  if (!authorized(request, response)) return;
  const auto payload = sync::parse_webhook_payload(request.body);
  if (!payload) return reject(response, request, ErrorCode::bad_request, payload.error().message);

  domain::WebhookEvent event;
  event.dedup_key = sync::webhook_dedup_key(*payload, request.get_header_value("webhook-id"));
  event.entity_type = std::string(sync::to_string(payload->entity));
  event.jnid = payload->jnid;
  event.payload_json = sync::stored_payload(*payload);
  const auto recorded = events_.record(event);
  if (!recorded) {
    // 500 makes a relay deliver again later; JobNimbus may not, and the schedule covers that.
    log::error("webhook: storing the event failed: {}", recorded.error().message);
    return send_error(response, ErrorCode::database, "the event could not be stored");
  }
  nlohmann::json body = {{"id", recorded->id},
                         {"type", event.entity_type},
                         {"jnid", event.jnid},
                         {"duplicate", recorded->duplicate}};
  if (recorded->duplicate) {
    log::info("webhook: duplicate delivery of event {} ({} {})", recorded->id, event.entity_type,
              event.jnid);
    return send_json(response, 202, body);
  }
  log::info("webhook: event {} stored ({} {})", recorded->id, event.entity_type, event.jnid);
  if (on_stored_) on_stored_();
  send_json(response, 202, body);
}

void add_webhook_routes(Router& router, const WebhookEndpoint& endpoint) {
  router.post(kJobNimbusWebhookPath, Access::open,
              [&endpoint](const Request& request, Response& response, const PathParams&) {
                endpoint.handle(request, response);
              });
}

}  // namespace gep::http
