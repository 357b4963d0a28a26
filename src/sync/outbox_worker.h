#pragma once
// Delivers the outbox to JobNimbus exactly once per item.
//
// A worker claims a batch of due items under a lease (several gep instances may drain one
// PostgreSQL outbox; each item goes to one of them), sends each, and records the outcome:
// delivered (with a PUSH JobSyncLog), retried later (exponential backoff with full jitter, on the
// injected clock), or dead-lettered with the last error (also logged as a FAILED PUSH) after its
// maximum attempts or on a refusal that retrying cannot fix.
//
// JobNimbus has no idempotency keys, so a POST (note, task, upload) whose outcome is unknown — a
// timeout after sending, or an item reclaimed from a worker that died in flight — is first looked
// for among the job's recent records (same text/title/filename, created at or after the item, not
// already claimed by another delivered item) and only sent again when it is not there. A status
// change is a PUT of the same value: it is simply sent again.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <random>
#include <string>
#include <thread>

#include "core/clock.h"
#include "domain/data_store.h"
#include "sync/jobnimbus_writer.h"
#include "sync/outbox_requests.h"

namespace gep::sync {

struct OutboxSettings {
  std::string worker_id;  // unique per process: host, pid and a random suffix
  int batch_size = 16;
  // How long a claim holds an item. It must outlast one delivery (a reconciling read and a
  // write, with the client's own retries), or another worker could send it again meanwhile.
  std::chrono::seconds lease{90};
  std::chrono::milliseconds base_delay{2000};  // backoff after the first failed attempt
  std::chrono::milliseconds max_delay{std::chrono::minutes{10}};
  int reconcile_limit = 1000;  // recent activities/tasks listed to reconcile (one request)
  // JobNimbus's clock against ours when matching "created at or after the item".
  int64_t clock_skew_seconds = 60;
  std::chrono::milliseconds idle_poll{1000};  // how often an idle worker looks for due items
  uint64_t jitter_seed = std::random_device{}();
};

struct OutboxRunReport {
  int claimed = 0;
  int delivered = 0;
  int reconciled = 0;  // delivered because JobNimbus already had it (no second send)
  int retried = 0;
  int dead = 0;
  int released = 0;  // handed back unsent (stopping, or the lease was lost)
  int sends = 0;     // write requests made

  OutboxRunReport& operator+=(const OutboxRunReport& other);
};

class OutboxWorker {
 public:
  OutboxWorker(JobNimbusWriter& writer, domain::DataStore& store, Clock& clock,
               OutboxSettings settings);
  ~OutboxWorker();
  OutboxWorker(const OutboxWorker&) = delete;
  OutboxWorker& operator=(const OutboxWorker&) = delete;

  // Claims one batch of due items and delivers it.
  OutboxRunReport run_once();
  // run_once until nothing is due (or `max_batches` ran): `gep outbox drain`, tests.
  OutboxRunReport drain(int max_batches = 1'000'000);

  // The backoff after `attempts` failed attempts: uniform in [0, min(max, base * 2^(n-1))],
  // at least one second (the outbox schedules in seconds).
  Duration backoff(int attempts);

  // Production: a thread that drains, then waits idle_poll or until wake().
  void start();
  // Finishes the item in hand, hands the rest of its batch back, joins the thread.
  void stop();
  // Something was enqueued: look now instead of at the next poll.
  void wake();

 private:
  enum class Step { delivered, reconciled, retried, dead, released };
  Step deliver(domain::OutboxItem& item, OutboxRunReport& report);
  Step record_success(const domain::OutboxItem& item, const std::string& result_jnid,
                      bool reconciled);
  Step record_failure(const domain::OutboxItem& item, const std::string& error, bool permanent,
                      bool outcome_unknown);
  bool keep_lease(domain::OutboxItem& item);
  jobnimbus::ApiResult<std::string> send(const domain::OutboxItem& item,
                                         const OutboxPayload& payload);
  void write_log(const domain::OutboxItem& item, bool success, const std::string& error,
                 domain::Repositories& repositories);
  int64_t now() const { return to_unix_seconds(clock_.now()); }
  void loop();

  JobNimbusWriter& writer_;
  domain::DataStore& store_;
  Clock& clock_;
  const OutboxSettings settings_;

  std::mutex random_mutex_;
  std::mt19937_64 random_;

  std::mutex mutex_;
  std::condition_variable wake_;
  bool woken_ = false;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

// "host-pid-random": distinct for every process, readable in the outbox's locked_by.
std::string make_worker_id();

}  // namespace gep::sync
