#include "sync/webhook_processor.h"

#include <vector>

#include "core/logging.h"
#include "sync/entity_binding.h"
#include "sync/job_files_sync.h"
#include "sync/record_mapping.h"

namespace gep::sync {
namespace {

bool retryable(jobnimbus::ApiErrorKind kind) {
  return kind == jobnimbus::ApiErrorKind::transient || kind == jobnimbus::ApiErrorKind::timeout ||
         kind == jobnimbus::ApiErrorKind::rate_limited;
}

WebhookOutcome api_failure(const jobnimbus::ApiError& error) {
  return {domain::WebhookStatus::failed, error.describe(), retryable(error.kind)};
}

// The database may be busy or briefly unreachable: worth another attempt.
WebhookOutcome store_failure(const Error& error) {
  return {domain::WebhookStatus::failed, "storing: " + error.message, true};
}

WebhookOutcome ignored(std::string why) {
  return {domain::WebhookStatus::ignored, std::move(why), false};
}

// One PULL log per targeted re-fetch, like every other sync operation (trigger "webhook").
void write_log(domain::DataStore& store, const std::string& entity, const std::string& jnid,
               const domain::UpsertCounts& counts, int64_t deleted, int64_t started_at) {
  domain::SyncLog log;
  log.sync_type = domain::SyncType::pull;
  log.entity = entity;
  log.trigger = "webhook";
  if (entity == "jobs") log.job_jnid = jnid;
  log.fetched = counts.total();
  log.created = counts.created;
  log.updated = counts.updated;
  log.unchanged = counts.unchanged;
  log.deleted = deleted;
  log.records_affected = counts.created + counts.updated + deleted;
  log.started_at = started_at;
  if (const auto appended = store.sync_logs().append(log); !appended)
    log::warn("webhook: could not write the sync log: {}", appended.error().message);
}

// The record and (for jobs) its contact links in one transaction, as a pulled page is stored.
template <class Wire>
Result<domain::UpsertCounts> upsert_one(domain::DataStore& store, const Wire& wire) {
  const std::vector<Wire> page{wire};
  const std::vector<typename EntityBinding<Wire>::Record> records{to_domain(wire)};
  domain::UpsertCounts counts;
  const Status stored = store.in_transaction([&](domain::Repositories& repositories) -> Status {
    auto upserted = EntityBinding<Wire>::repository(repositories).upsert_batch(records);
    if (!upserted) return fail(upserted.error());
    counts = *upserted;
    return EntityBinding<Wire>::store_extras(repositories, page, counts);
  });
  if (!stored) return fail(stored.error());
  return counts;
}

}  // namespace

WebhookProcessor::WebhookProcessor(JobNimbusGateway& gateway, domain::DataStore& store,
                                   domain::WebhookEventRepository& events, Clock& clock,
                                   WebhookProcessorOptions options)
    : gateway_(gateway), store_(store), events_(events), clock_(clock), options_(options) {}

DrainReport WebhookProcessor::drain() {
  DrainReport report;
  const int64_t started_at = to_unix_seconds(clock_.now());
  const auto pending = events_.pending(options_.batch_size);
  if (!pending) {
    log::warn("webhook: cannot read pending events: {}", pending.error().message);
    return report;
  }
  for (const auto& event : *pending) {
    const auto claimed = events_.claim(event.id);
    if (!claimed || !*claimed) continue;  // another instance took it (or the store is down)
    ++report.claimed;
    WebhookOutcome outcome = process(event);
    const bool retry = outcome.status == domain::WebhookStatus::failed && outcome.retryable &&
                       event.attempts + 1 < options_.max_attempts;
    const auto status = retry ? domain::WebhookStatus::received : outcome.status;
    if (const auto finished = events_.finish(event.id, status, outcome.error); !finished) {
      log::warn("webhook: event {} outcome not saved: {}", event.id, finished.error().message);
    }
    switch (status) {
      case domain::WebhookStatus::processed:
        ++report.processed;
        break;
      case domain::WebhookStatus::ignored:
        ++report.ignored;
        break;
      case domain::WebhookStatus::received:
        ++report.retrying;
        break;
      default:
        ++report.failed;
        break;
    }
    if (status == domain::WebhookStatus::processed) {
      log::info("webhook: event {} ({} {}) re-fetched", event.id, event.entity_type, event.jnid);
    } else {
      log::warn("webhook: event {} ({} {}) {}: {}", event.id, event.entity_type, event.jnid,
                retry ? "will be retried" : domain::to_string(status), outcome.error);
    }
  }
  if (report.processed > 0 && options_.after_refetch) options_.after_refetch(started_at);
  return report;
}

WebhookOutcome WebhookProcessor::process(const domain::WebhookEvent& event) {
  const auto payload = parse_webhook_payload(event.payload_json);
  if (!payload)
    return {domain::WebhookStatus::failed, "stored payload: " + payload.error().message};
  return process_payload(*payload);
}

WebhookOutcome WebhookProcessor::process_payload(const WebhookPayload& payload) {
  switch (payload.entity) {
    case WebhookEntity::job:
      return refetch_job(payload.jnid);
    case WebhookEntity::contact:
      return refetch_contact(payload.jnid);
    case WebhookEntity::file:
      if (payload.parent_job_jnid.empty()) return ignored("the file belongs to no job");
      return refetch_files(payload.parent_job_jnid);
    case WebhookEntity::activity:
    case WebhookEntity::task:
      if (!payload.parent_job_jnid.empty()) return refetch_job(payload.parent_job_jnid);
      if (!payload.parent_contact_jnid.empty()) return refetch_contact(payload.parent_contact_jnid);
      return ignored("the record names no job or contact");
    case WebhookEntity::unknown:
      break;
  }
  return ignored("unrecognised record type");
}

WebhookOutcome WebhookProcessor::refetch_job(const std::string& jnid) {
  const int64_t started_at = to_unix_seconds(clock_.now());
  const auto fetched = gateway_.job(jnid);
  if (!fetched && fetched.error().kind == jobnimbus::ApiErrorKind::not_found) {
    // JobNimbus answers 404 for a deleted record: soft-delete it here too.
    const std::vector<std::string> gone{jnid};
    const auto deleted = store_.jobs().mark_deleted(gone, started_at);
    if (!deleted) return store_failure(deleted.error());
    write_log(store_, "jobs", jnid, {}, *deleted, started_at);
    return {};
  }
  if (!fetched) return api_failure(fetched.error());
  const auto counts = upsert_one(store_, *fetched);
  if (!counts) return store_failure(counts.error());
  write_log(store_, "jobs", jnid, *counts, 0, started_at);
  return {};
}

WebhookOutcome WebhookProcessor::refetch_contact(const std::string& jnid) {
  const int64_t started_at = to_unix_seconds(clock_.now());
  const auto fetched = gateway_.contact(jnid);
  if (!fetched && fetched.error().kind == jobnimbus::ApiErrorKind::not_found) {
    const std::vector<std::string> gone{jnid};
    const auto deleted = store_.contacts().mark_deleted(gone, started_at);
    if (!deleted) return store_failure(deleted.error());
    write_log(store_, "contacts", jnid, {}, *deleted, started_at);
    return {};
  }
  if (!fetched) return api_failure(fetched.error());
  const auto counts = upsert_one(store_, *fetched);
  if (!counts) return store_failure(counts.error());
  write_log(store_, "contacts", jnid, *counts, 0, started_at);
  return {};
}

WebhookOutcome WebhookProcessor::refetch_files(const std::string& job_jnid) {
  // sync_job_files writes its own PULL log (entity "files").
  const auto report = sync_job_files(gateway_, store_, clock_, {job_jnid});
  if (report.failed == 0) return {};
  const std::string error =
      report.errors.empty() ? "file sync failed" : report.errors.front().error;
  // It reports API and store errors alike as text: a later attempt is worth it for either.
  return {domain::WebhookStatus::failed, error, true};
}

}  // namespace gep::sync
