#pragma once
// Webhooks in `gep serve`: the endpoint's event store, the re-fetch processor and its worker
// thread, built together so that the composition root starts and stops them as one block.
#include <functional>
#include <memory>

#include "core/clock.h"
#include "core/config.h"
#include "domain/webhook_events.h"
#include "http/webhook_routes.h"
#include "store/database.h"
#include "sync/jobnimbus_gateway.h"
#include "sync/webhook_worker.h"

namespace gep::app {

class WebhookWiring {
 public:
  // `gateway` is null when JobNimbus is not configured: events are then stored and wait for a
  // restart with an API key. `after_refetch` runs after each pass that re-fetched records, with
  // the second it began (re-evaluation).
  WebhookWiring(const Config& config, store::Database& database, sync::JobNimbusGateway* gateway,
                Clock& clock, std::function<void(int64_t started_at)> after_refetch);
  ~WebhookWiring();
  WebhookWiring(const WebhookWiring&) = delete;
  WebhookWiring& operator=(const WebhookWiring&) = delete;

  void mount(http::Router& router) const;
  // Starts the worker (it first picks up events pending from before a restart).
  void start();
  void stop();

 private:
  std::unique_ptr<domain::WebhookEventRepository> events_;
  std::unique_ptr<sync::WebhookProcessor> processor_;
  std::unique_ptr<sync::WebhookWorker> worker_;
  std::unique_ptr<http::WebhookEndpoint> endpoint_;
};

}  // namespace gep::app
