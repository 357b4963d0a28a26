#include "app/outbox_wiring.h"

#include <algorithm>

namespace gep::app {
namespace {

jobnimbus::RetryPolicy outbox_retry_policy() {
  jobnimbus::RetryPolicy retry;
  retry.max_attempts = 2;
  retry.max_total_wait = Duration{5'000};
  retry.max_retry_after = Duration{5'000};  // a longer Retry-After: the outbox backs off instead
  return retry;
}

}  // namespace

sync::OutboxSettings outbox_settings(const Config& config, const jobnimbus::RetryPolicy& retry) {
  using std::chrono::duration_cast;
  using std::chrono::seconds;
  const Duration longest_call = Duration{config.jobnimbus_timeout_ms} * retry.max_attempts +
                                retry.max_total_wait + retry.max_retry_after;
  sync::OutboxSettings settings;
  settings.worker_id = sync::make_worker_id();
  settings.lease = std::max(seconds{20}, duration_cast<seconds>(longest_call * 2) + seconds{10});
  return settings;
}

Result<std::unique_ptr<OutboxWiring>> OutboxWiring::create(const Config& config,
                                                           store::Database& database,
                                                           Clock& clock) {
  if (config.jobnimbus_api_key.empty()) return std::unique_ptr<OutboxWiring>();
  auto options = jobnimbus::ClientOptions::from_config(config);
  options.retry = outbox_retry_policy();
  auto client = jobnimbus::JobNimbusClient::create(options);
  if (!client) return fail("jobnimbus", client.error().describe());
  std::unique_ptr<OutboxWiring> wiring(new OutboxWiring());
  wiring->client_ = std::move(client.value());
  wiring->writer_ = std::make_unique<JobNimbusWriterAdapter>(*wiring->client_);
  wiring->worker_ = std::make_unique<sync::OutboxWorker>(*wiring->writer_, database, clock,
                                                         outbox_settings(config, options.retry));
  return wiring;
}

OutboxWiring::~OutboxWiring() {
  if (worker_) worker_->stop();
}

}  // namespace gep::app
