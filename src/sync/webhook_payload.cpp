#include "sync/webhook_payload.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "core/digest.h"
#include "core/json_input.h"

namespace gep::sync {
namespace {

using nlohmann::json;

constexpr size_t kMaxJnidLength = 64;
constexpr int kMaxUnwrapDepth = 3;

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string text_member(const json& record, const char* name) {
  const auto found = record.find(name);
  return found != record.end() && found->is_string() ? found->get<std::string>() : "";
}

bool has_any(const json& record, std::initializer_list<const char*> names) {
  return std::any_of(names.begin(), names.end(), [&](const char* name) {
    const auto found = record.find(name);
    return found != record.end() && !found->is_null();
  });
}

// jnids go into JobNimbus URLs and our logs: letters, digits, '-' and '_' only.
bool usable_jnid(std::string_view jnid) {
  if (jnid.empty() || jnid.size() > kMaxJnidLength) return false;
  return std::all_of(jnid.begin(), jnid.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
  });
}

// {"data": record}, [record] and {"data": [record]} down to the record itself.
Result<json> unwrap(json body) {
  for (int depth = 0; depth < kMaxUnwrapDepth; ++depth) {
    if (body.is_array()) {
      if (body.size() != 1) {
        return fail("validation",
                    "expected one record, got an array of " + std::to_string(body.size()));
      }
      body = json(body.front());
      continue;
    }
    if (!body.is_object()) return fail("validation", "expected a JSON object (the record)");
    const auto data = body.find("data");
    if (body.contains("jnid") || data == body.end()) return body;
    body = json(*data);
  }
  return fail("validation", "the record is wrapped too deeply");
}

WebhookEntity entity_from_shape(const json& record) {
  if (has_any(record, {"filename", "content_type", "md5"})) return WebhookEntity::file;
  if (has_any(record, {"note", "is_status_change"})) return WebhookEntity::activity;
  if (has_any(record, {"title"})) return WebhookEntity::task;
  if (has_any(record, {"first_name", "last_name", "is_sub_contractor", "company"}))
    return WebhookEntity::contact;
  const std::string record_type = lower(text_member(record, "record_type_name"));
  if (record_type == "photo" || record_type == "document") return WebhookEntity::file;
  if (record_type == "note" || record_type == "status changed" || record_type == "job created" ||
      record_type == "job modified") {
    return WebhookEntity::activity;
  }
  // Jobs name a customer contact as primary and carry estimate totals; last, a named record.
  if (has_any(record, {"approved_estimate_total", "approved_invoice_total", "status_name",
                       "display_name", "name"})) {
    return WebhookEntity::job;
  }
  return WebhookEntity::unknown;
}

void take_parent(const json& reference, WebhookPayload& payload) {
  if (!reference.is_object()) return;  // untyped ids ("related":["abc"]) name no kind
  const std::string id = text_member(reference, "id");
  if (!usable_jnid(id)) return;
  const std::string type = lower(text_member(reference, "type"));
  if (type == "job" && payload.parent_job_jnid.empty()) payload.parent_job_jnid = id;
  if (type == "contact" && payload.parent_contact_jnid.empty()) payload.parent_contact_jnid = id;
}

void find_parents(const json& record, WebhookPayload& payload) {
  if (const auto primary = record.find("primary"); primary != record.end())
    take_parent(*primary, payload);
  const auto related = record.find("related");
  if (related == record.end() || !related->is_array()) return;
  for (const auto& reference : *related) take_parent(reference, payload);
}

std::optional<int64_t> date_member(const json& record, const char* name) {
  const auto found = record.find(name);
  if (found == record.end()) return std::nullopt;
  if (found->is_number_integer()) return found->get<int64_t>();
  if (found->is_number_float()) return static_cast<int64_t>(found->get<double>());
  return std::nullopt;
}

}  // namespace

std::string_view to_string(WebhookEntity entity) {
  switch (entity) {
    case WebhookEntity::job:
      return "job";
    case WebhookEntity::contact:
      return "contact";
    case WebhookEntity::file:
      return "file";
    case WebhookEntity::activity:
      return "activity";
    case WebhookEntity::task:
      return "task";
    case WebhookEntity::unknown:
      return "unknown";
  }
  return "unknown";
}

WebhookEntity parse_webhook_entity(std::string_view text) {
  const std::string type = lower(text);
  if (type == "job" || type == "jobs") return WebhookEntity::job;
  if (type == "contact" || type == "contacts") return WebhookEntity::contact;
  if (type == "attachment" || type == "attachments" || type == "file" || type == "files" ||
      type == "document" || type == "photo") {
    return WebhookEntity::file;
  }
  if (type == "activity" || type == "activities" || type == "note") return WebhookEntity::activity;
  if (type == "task" || type == "tasks") return WebhookEntity::task;
  return WebhookEntity::unknown;
}

Result<WebhookPayload> parse_webhook_payload(std::string_view body) {
  auto parsed = parse_json_input(body);
  if (!parsed) return fail("validation", parsed.error().message);
  auto record = unwrap(std::move(parsed).value());
  if (!record) return fail(record.error());
  WebhookPayload payload;
  payload.jnid = text_member(*record, "jnid");
  if (!usable_jnid(payload.jnid)) {
    return fail("validation", "the record has no usable jnid (a string of letters and digits)");
  }
  payload.entity = parse_webhook_entity(text_member(*record, "type"));
  if (payload.entity == WebhookEntity::unknown) payload.entity = entity_from_shape(*record);
  payload.date_updated = date_member(*record, "date_updated");
  find_parents(*record, payload);
  payload.record_json = record->dump(-1, ' ', false, json::error_handler_t::replace);
  return payload;
}

std::string webhook_dedup_key(const WebhookPayload& payload, std::string_view webhook_id) {
  if (!webhook_id.empty()) return "webhook-id:" + sha256_hex(webhook_id);
  if (payload.date_updated.value_or(0) > 0) {
    return "record:" + sha256_hex(std::string(to_string(payload.entity)) + "\n" + payload.jnid +
                                  "\n" + std::to_string(*payload.date_updated));
  }
  return "body:" + sha256_hex(payload.record_json);
}

std::string stored_payload(const WebhookPayload& payload, size_t max_chars) {
  if (payload.record_json.size() <= max_chars) return payload.record_json;
  json hint = {{"type", to_string(payload.entity)}, {"jnid", payload.jnid}, {"truncated", true}};
  if (payload.date_updated) hint["date_updated"] = *payload.date_updated;
  json related = json::array();
  if (!payload.parent_job_jnid.empty())
    related.push_back({{"id", payload.parent_job_jnid}, {"type", "job"}});
  if (!payload.parent_contact_jnid.empty())
    related.push_back({{"id", payload.parent_contact_jnid}, {"type", "contact"}});
  hint["related"] = related;
  return hint.dump();
}

}  // namespace gep::sync
