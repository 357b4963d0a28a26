#pragma once
// POST /api/v1/webhooks/jobnimbus — the target of JobNimbus Automations ("Webhook POST").
//
// JobNimbus signs nothing, so the endpoint is protected by a secret token in its URL:
//   https://gep.example.com/api/v1/webhooks/jobnimbus?token=$JOBNIMBUS_WEBHOOK_SECRET
// (or header `x-webhook-token`), compared in constant time. Behind a relay that re-signs
// deliveries, JOBNIMBUS_WEBHOOK_SIGNING_SECRET also requires a Standard Webhooks signature
// (`webhook-id`, `webhook-timestamp`, `webhook-signature`; 5 minutes tolerance).
//
// The body is the changed record ({"data": record} and [record] are accepted). It is stored as a
// webhook event and answered 202 at once; a worker re-fetches the record from JobNimbus. A
// repeated delivery answers 202 {"duplicate":true} and is not processed again.
// 401 bad or missing token/signature, 400 malformed body, 503 when no token is configured.
// Rejections are logged with their reason, never with the token.
#include <functional>
#include <string>

#include "core/clock.h"
#include "domain/webhook_events.h"
#include "http/router.h"

namespace gep::http {

struct WebhookSettings {
  std::string secret;       // empty: the endpoint answers 503
  std::string signing_key;  // decoded key bytes; empty: no signature required
};

class WebhookEndpoint {
 public:
  // `on_stored` runs after a new (not duplicate) event was stored: it wakes the worker.
  WebhookEndpoint(WebhookSettings settings, domain::WebhookEventRepository& events,
                  const Clock& clock, std::function<void()> on_stored);

  void handle(const Request& request, Response& response) const;

 private:
  bool authorized(const Request& request, Response& response) const;

  const WebhookSettings settings_;
  domain::WebhookEventRepository& events_;
  const Clock& clock_;
  const std::function<void()> on_stored_;
};

inline constexpr const char* kJobNimbusWebhookPath = "/api/v1/webhooks/jobnimbus";

// Mounts the endpoint (Access::open: it checks its own secret). `endpoint` must outlive the router.
void add_webhook_routes(Router& router, const WebhookEndpoint& endpoint);

}  // namespace gep::http
