#include "store/repos/webhook_event_repository.h"

#include <algorithm>

#include "store/database.h"
#include "store/repos/row_reader.h"

namespace gep::store {
namespace {

constexpr std::string_view kWebhookEventColumns =
    "id, dedup_key, entity_type, jnid, payload_json, status, attempts, last_error, received_at, "
    "processed_at";

domain::WebhookEvent event_from(const sql::Row& row) {
  RowReader read(row);
  domain::WebhookEvent event;
  event.id = read.integer();
  event.dedup_key = read.text();
  event.entity_type = read.text();
  event.jnid = read.text();
  event.payload_json = read.text();
  event.status = domain::parse_webhook_status(read.text()).value_or(domain::WebhookStatus::failed);
  event.attempts = read.integer();
  event.last_error = read.text();
  event.received_at = read.integer();
  event.processed_at = read.optional_integer();
  return event;
}

}  // namespace

Result<domain::RecordedWebhook> SqlWebhookEventRepository::record(
    const domain::WebhookEvent& event) {
  const int64_t received_at = event.received_at != 0 ? event.received_at : source_.now();
  return run_on<domain::RecordedWebhook>(
      source_, true, [&](sql::Connection& connection) -> Result<domain::RecordedWebhook> {
        // ON CONFLICT DO NOTHING: two concurrent deliveries of one event store one row.
        const auto inserted = connection.query(
            "INSERT INTO webhook_events (dedup_key, entity_type, jnid, payload_json, status, "
            "received_at) VALUES (?, ?, ?, ?, 'received', ?) ON CONFLICT (dedup_key) DO NOTHING "
            "RETURNING id",
            {sql::Value{event.dedup_key}, sql::Value{event.entity_type}, sql::Value{event.jnid},
             sql::Value{event.payload_json}, sql::Value{received_at}});
        if (!inserted) return fail(inserted.error());
        if (!inserted->empty()) return domain::RecordedWebhook{inserted->front().integer(0), false};
        const auto existing = connection.query("SELECT id FROM webhook_events WHERE dedup_key = ?",
                                               {sql::Value{event.dedup_key}});
        if (!existing) return fail(existing.error());
        if (existing->empty()) return fail("internal", "webhook event vanished after a conflict");
        return domain::RecordedWebhook{existing->front().integer(0), true};
      });
}

Result<std::vector<domain::WebhookEvent>> SqlWebhookEventRepository::pending(int64_t limit) {
  return run_on<std::vector<domain::WebhookEvent>>(
      source_, false,
      [&](sql::Connection& connection) -> Result<std::vector<domain::WebhookEvent>> {
        const auto rows = connection.query(
            "SELECT " + std::string(kWebhookEventColumns) +
                " FROM webhook_events WHERE status = 'received' ORDER BY received_at, id LIMIT ?",
            {sql::Value{std::clamp<int64_t>(limit, 1, 10000)}});
        if (!rows) return fail(rows.error());
        std::vector<domain::WebhookEvent> events;
        events.reserve(rows->size());
        for (const auto& row : *rows) events.push_back(event_from(row));
        return events;
      });
}

Result<bool> SqlWebhookEventRepository::claim(int64_t id) {
  return run_on<bool>(source_, false, [&](sql::Connection& connection) -> Result<bool> {
    // Compare-and-set on the status: of several instances racing, exactly one changes the row.
    const auto changed = connection.execute(
        "UPDATE webhook_events SET status = 'processing', attempts = attempts + 1 "
        "WHERE id = ? AND status = 'received'",
        {sql::Value{id}});
    if (!changed) return fail(changed.error());
    return *changed == 1;
  });
}

Status SqlWebhookEventRepository::finish(int64_t id, domain::WebhookStatus status,
                                         std::string_view error) {
  const bool retry = status == domain::WebhookStatus::received;
  const sql::Value processed_at = retry ? sql::null_value() : sql::Value{source_.now()};
  return source_.run(false, [&](sql::Connection& connection) -> Status {
    const auto changed = connection.execute(
        "UPDATE webhook_events SET status = ?, last_error = ?, processed_at = ? WHERE id = ?",
        {sql::Value{std::string(domain::to_string(status))}, sql::Value{std::string(error)},
         processed_at, sql::Value{id}});
    if (!changed) return fail(changed.error());
    if (*changed == 0) return fail("not_found", "no webhook event " + std::to_string(id));
    return {};
  });
}

Result<int64_t> SqlWebhookEventRepository::requeue_interrupted() {
  return run_on<int64_t>(source_, false, [](sql::Connection& connection) -> Result<int64_t> {
    return connection.execute(
        "UPDATE webhook_events SET status = 'received' WHERE status = 'processing'");
  });
}

Result<std::optional<domain::WebhookEvent>> SqlWebhookEventRepository::find(int64_t id) {
  return run_on<std::optional<domain::WebhookEvent>>(
      source_, false,
      [&](sql::Connection& connection) -> Result<std::optional<domain::WebhookEvent>> {
        const auto rows = connection.query(
            "SELECT " + std::string(kWebhookEventColumns) + " FROM webhook_events WHERE id = ?",
            {sql::Value{id}});
        if (!rows) return fail(rows.error());
        if (rows->empty()) return std::optional<domain::WebhookEvent>();
        return std::optional<domain::WebhookEvent>(event_from(rows->front()));
      });
}

std::unique_ptr<domain::WebhookEventRepository> make_webhook_event_repository(Database& database) {
  return std::make_unique<SqlWebhookEventRepository>(
      std::make_unique<PooledSource>(database.pool(), database.clock(), database.table_versions()));
}

}  // namespace gep::store
