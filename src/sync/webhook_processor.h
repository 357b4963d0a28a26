#pragma once
// Turns stored webhook events into targeted re-fetches from JobNimbus: the delivered body only
// says which record changed; what the mirror stores always comes from the API.
//   job -> job(jnid) and upsert with its contact links (404: marked deleted)
//   contact -> contact(jnid) (404: marked deleted)
//   file -> the files of its job, re-listed (sync_job_files)
//   activity, task -> their job re-fetched (else their contact)
#include <cstdint>
#include <functional>
#include <string>

#include "core/clock.h"
#include "domain/data_store.h"
#include "domain/webhook_events.h"
#include "sync/jobnimbus_gateway.h"
#include "sync/webhook_payload.h"

namespace gep::sync {

struct WebhookProcessorOptions {
  // A retryable failure (JobNimbus unreachable, rate limited, database busy) is tried this many
  // times in all before the event is marked failed; the scheduled sync still covers the record.
  int64_t max_attempts = 5;
  int64_t batch_size = 100;
  // After a pass that re-fetched something, with the unix second the pass began: QC and risk
  // re-evaluate what changed since, as after a pull.
  std::function<void(int64_t started_at)> after_refetch;
};

struct WebhookOutcome {
  domain::WebhookStatus status = domain::WebhookStatus::processed;
  std::string error;  // why failed or ignored; never holds a secret (API errors are scrubbed)
  bool retryable = false;
};

struct DrainReport {
  int64_t claimed = 0;
  int64_t processed = 0;
  int64_t failed = 0;
  int64_t ignored = 0;
  int64_t retrying = 0;  // put back as received for a later attempt
};

class WebhookProcessor {
 public:
  WebhookProcessor(JobNimbusGateway& gateway, domain::DataStore& store,
                   domain::WebhookEventRepository& events, Clock& clock,
                   WebhookProcessorOptions options = {});

  // One pass over up to batch_size pending events: claim, re-fetch, record the outcome.
  DrainReport drain();
  // The re-fetch of one event, without touching its row.
  WebhookOutcome process(const domain::WebhookEvent& event);

  int64_t batch_size() const { return options_.batch_size; }

 private:
  WebhookOutcome refetch_job(const std::string& jnid);
  WebhookOutcome refetch_contact(const std::string& jnid);
  WebhookOutcome refetch_files(const std::string& job_jnid);
  WebhookOutcome process_payload(const WebhookPayload& payload);

  JobNimbusGateway& gateway_;
  domain::DataStore& store_;
  domain::WebhookEventRepository& events_;
  Clock& clock_;
  const WebhookProcessorOptions options_;
};

}  // namespace gep::sync
