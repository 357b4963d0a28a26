#pragma once
// JobNimbus webhook deliveries as the mirror keeps them (table webhook_events). An event is only
// a hint that a record changed: processing re-fetches the record, the payload is never data.
// Times are unix seconds UTC (see records.h).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace gep::domain {

// received = pending; processing = claimed by a worker; ignored = nothing to re-fetch.
enum class WebhookStatus { received, processing, processed, failed, ignored };

inline std::string_view to_string(WebhookStatus status) {
  switch (status) {
    case WebhookStatus::received:
      return "received";
    case WebhookStatus::processing:
      return "processing";
    case WebhookStatus::processed:
      return "processed";
    case WebhookStatus::failed:
      return "failed";
    case WebhookStatus::ignored:
      return "ignored";
  }
  return "received";
}

inline std::optional<WebhookStatus> parse_webhook_status(std::string_view text) {
  for (const auto status :
       {WebhookStatus::received, WebhookStatus::processing, WebhookStatus::processed,
        WebhookStatus::failed, WebhookStatus::ignored}) {
    if (to_string(status) == text) return status;
  }
  return std::nullopt;
}

struct WebhookEvent {
  int64_t id = 0;
  std::string dedup_key;    // webhook-id header, or a hash of type + jnid + date_updated
  std::string entity_type;  // "job" | "contact" | "file" | "activity" | "task" | "unknown"
  std::string jnid;
  std::string payload_json;  // the record (or, when large, its identifying members)
  WebhookStatus status = WebhookStatus::received;
  int64_t attempts = 0;
  std::string last_error;
  int64_t received_at = 0;  // 0 when recording: the store fills in its clock's now
  std::optional<int64_t> processed_at;
};

struct RecordedWebhook {
  int64_t id = 0;
  bool duplicate = false;  // an event with the same dedup_key was already stored
};

class WebhookEventRepository {
 public:
  virtual ~WebhookEventRepository() = default;
  // Stores a received event unless its dedup_key is known (then answers that event's id).
  virtual Result<RecordedWebhook> record(const WebhookEvent& event) = 0;
  // Received events, oldest first.
  virtual Result<std::vector<WebhookEvent>> pending(int64_t limit) = 0;
  // received -> processing, counting an attempt. False when another worker got there first.
  virtual Result<bool> claim(int64_t id) = 0;
  // Sets the outcome; processed_at is stamped unless `status` is received (a retry).
  virtual Status finish(int64_t id, WebhookStatus status, std::string_view error) = 0;
  // processing -> received for events a stopped process left behind; answers how many.
  virtual Result<int64_t> requeue_interrupted() = 0;
  virtual Result<std::optional<WebhookEvent>> find(int64_t id) = 0;
};

}  // namespace gep::domain
