#pragma once
// The write-back outbox in `gep serve` and `gep outbox`: a JobNimbus client of its own (few quick
// retries: the outbox retries with backoff itself, and a short call keeps the lease short), its
// writer adapter and the worker, built from Config in one place.
#include <memory>

#include "app/jobnimbus_writer_adapter.h"
#include "core/clock.h"
#include "core/config.h"
#include "store/database.h"
#include "sync/outbox_worker.h"

namespace gep::app {

class OutboxWiring {
 public:
  // Null when JobNimbus is not configured (no API key): items then wait in the outbox.
  static Result<std::unique_ptr<OutboxWiring>> create(const Config& config,
                                                      store::Database& database, Clock& clock);
  ~OutboxWiring();
  OutboxWiring(const OutboxWiring&) = delete;
  OutboxWiring& operator=(const OutboxWiring&) = delete;

  sync::OutboxWorker& worker() { return *worker_; }
  void start() { worker_->start(); }
  void stop() { worker_->stop(); }
  void wake() { worker_->wake(); }

 private:
  OutboxWiring() = default;

  std::unique_ptr<jobnimbus::JobNimbusClient> client_;
  std::unique_ptr<JobNimbusWriterAdapter> writer_;
  std::unique_ptr<sync::OutboxWorker> worker_;
};

// The outbox settings for this configuration: a lease twice the longest JobNimbus call the
// worker makes between two lease checks, plus a margin.
sync::OutboxSettings outbox_settings(const Config& config, const jobnimbus::RetryPolicy& retry);

}  // namespace gep::app
