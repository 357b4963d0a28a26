#include "app/webhook_wiring.h"

#include "core/logging.h"
#include "core/webhook_signature.h"
#include "store/repos/webhook_event_repository.h"

namespace gep::app {

WebhookWiring::WebhookWiring(const Config& config, store::Database& database,
                             sync::JobNimbusGateway* gateway, Clock& clock,
                             std::function<void(int64_t started_at)> after_refetch)
    : events_(store::make_webhook_event_repository(database)) {
  http::WebhookSettings settings;
  settings.secret = config.jobnimbus_webhook_secret;
  if (!config.jobnimbus_webhook_signing_secret.empty()) {
    // Validated when the configuration was loaded.
    settings.signing_key =
        decode_webhook_signing_secret(config.jobnimbus_webhook_signing_secret).value_or("");
  }
  if (gateway != nullptr) {
    sync::WebhookProcessorOptions options;
    options.after_refetch = std::move(after_refetch);
    processor_ =
        std::make_unique<sync::WebhookProcessor>(*gateway, database, *events_, clock, options);
    worker_ = std::make_unique<sync::WebhookWorker>(*processor_, *events_);
  }
  endpoint_ = std::make_unique<http::WebhookEndpoint>(std::move(settings), *events_, clock,
                                                      [worker = worker_.get()] {
                                                        if (worker != nullptr) worker->notify();
                                                      });
  if (config.jobnimbus_webhook_secret.empty()) {
    log::info("webhooks off: JOBNIMBUS_WEBHOOK_SECRET is not set");
  } else if (gateway == nullptr) {
    log::warn("webhooks: events are stored but not processed until JOBNIMBUS_API_KEY is set");
  }
}

WebhookWiring::~WebhookWiring() {
  stop();
}

void WebhookWiring::mount(http::Router& router) const {
  http::add_webhook_routes(router, *endpoint_);
}

void WebhookWiring::start() {
  if (worker_) worker_->start();
}

void WebhookWiring::stop() {
  if (worker_) worker_->stop();
}

}  // namespace gep::app
