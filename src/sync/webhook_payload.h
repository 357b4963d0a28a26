#pragma once
// What a JobNimbus Automation "Webhook POST" delivery says: which record changed. The body is the
// raw record in the API's shape, occasionally wrapped as {"data": record} or a one-element array.
// It is a hint for a targeted re-fetch and never stored as mirror data.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace gep::sync {

enum class WebhookEntity { job, contact, file, activity, task, unknown };

std::string_view to_string(WebhookEntity entity);  // "job", "contact", "file", ...
WebhookEntity parse_webhook_entity(std::string_view text);

struct WebhookPayload {
  WebhookEntity entity = WebhookEntity::unknown;
  std::string jnid;
  std::optional<int64_t> date_updated;
  // For files, activities and tasks: the record they belong to (a job first, else a contact).
  std::string parent_job_jnid;
  std::string parent_contact_jnid;
  std::string record_json;  // the unwrapped record, compact
};

// The entity comes from `type`, else `record_type_name` ("Photo", "Note", ...), else the record's
// shape. Fails ("validation") on malformed JSON, a body that holds no single record, or a record
// without a usable jnid; an unrecognised type is entity unknown, not an error.
Result<WebhookPayload> parse_webhook_payload(std::string_view body);

// The de-duplication key: the relay's webhook-id when given, else a hash of type, jnid and
// date_updated (a record saved again is a new event), else of the whole record.
std::string webhook_dedup_key(const WebhookPayload& payload, std::string_view webhook_id);

// What to keep of the payload: the record when it has at most `max_chars`, else only the members
// that identify it and its parent, so that parse_webhook_payload reads it back the same.
std::string stored_payload(const WebhookPayload& payload, size_t max_chars = 16384);

}  // namespace gep::sync
