#include "store/repos/outbox_repository.h"

#include <algorithm>

#include "store/repos/record_table.h"
#include "store/repos/row_reader.h"

namespace gep::store {
namespace {

using domain::OutboxItem;
using domain::OutboxStatus;

constexpr std::string_view kOutboxColumns =
    "id, kind, job_id, job_jnid, payload_json, status, attempts, max_attempts, next_attempt_at, "
    "last_error, outcome_unknown, locked_by, locked_until, jobnimbus_result_id, source, "
    "created_by, created_at, updated_at, delivered_at";

// What makes an item due for a claim (`o` is the candidate row). An expired in_flight lease
// means its worker died. A held item (open conflict) waits for its resolution, and a job's
// status changes go out one at a time in the order they were made, so that two workers can
// never apply them out of order.
constexpr std::string_view kDueCondition =
    "((o.status = 'pending' AND o.next_attempt_at <= ?) OR "
    "(o.status = 'in_flight' AND o.locked_until < ?)) "
    "AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.outbox_id = o.id AND c.status = 'open') "
    "AND (o.kind <> 'status' OR NOT EXISTS (SELECT 1 FROM outbox e WHERE e.job_jnid = o.job_jnid "
    "AND e.kind = 'status' AND e.status IN ('pending', 'in_flight') AND e.id < o.id))";

// The claim itself. A reclaimed in_flight item may have reached JobNimbus: outcome unknown.
constexpr std::string_view kClaimSet =
    "SET status = 'in_flight', locked_by = ?, locked_until = ?, attempts = outbox.attempts + 1, "
    "outcome_unknown = CASE WHEN outbox.status = 'in_flight' THEN TRUE "
    "ELSE outbox.outcome_unknown END, updated_at = ?";

OutboxItem item_from(const sql::Row& row) {
  RowReader read(row);
  OutboxItem item;
  item.id = read.integer();
  item.kind = domain::parse_outbox_kind(read.text()).value_or(domain::OutboxKind::note);
  item.job_id = read.integer();
  item.job_jnid = read.text();
  item.payload_json = read.text();
  item.status = domain::parse_outbox_status(read.text()).value_or(OutboxStatus::dead);
  item.attempts = static_cast<int>(read.integer());
  item.max_attempts = static_cast<int>(read.integer());
  item.next_attempt_at = read.integer();
  item.last_error = read.text();
  item.outcome_unknown = read.boolean();
  item.locked_by = read.text();
  item.locked_until = read.integer();
  item.result_jnid = read.text();
  item.source = read.text();
  item.created_by = read.text();
  item.created_at = read.integer();
  item.updated_at = read.integer();
  item.delivered_at = read.optional_integer();
  return item;
}

Result<std::vector<OutboxItem>> items_from(const Result<sql::Rows>& rows) {
  if (!rows) return fail(rows.error());
  std::vector<OutboxItem> items;
  items.reserve(rows->size());
  for (const auto& row : *rows) items.push_back(item_from(row));
  return items;
}

}  // namespace

Result<OutboxItem> SqlOutboxRepository::enqueue(const OutboxItem& item) {
  const int64_t now = source_.now();
  const int64_t created_at = item.created_at != 0 ? item.created_at : now;
  const std::vector<sql::Value> params{
      sql::Value{std::string(domain::to_string(item.kind))},
      sql::zero_as_null(item.job_id),
      sql::Value{item.job_jnid},
      sql::Value{item.payload_json},
      sql::Value{int64_t{std::max(item.max_attempts, 1)}},
      sql::Value{item.next_attempt_at != 0 ? item.next_attempt_at : created_at},
      sql::Value{item.source},
      sql::Value{item.created_by},
      sql::Value{created_at},
      sql::Value{now}};
  return run_on<OutboxItem>(source_, true, [&](sql::Connection& connection) -> Result<OutboxItem> {
    auto items = items_from(connection.query(
        "INSERT INTO outbox (kind, job_id, job_jnid, payload_json, max_attempts, next_attempt_at, "
        "source, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "RETURNING " +
            std::string(kOutboxColumns),
        params));
    if (!items) return fail(items.error());
    if (items->empty()) return fail("internal", "outbox insert returned no row");
    if (const Status noted = connection.note_change("outbox"); !noted) return fail(noted.error());
    return std::move(items->front());
  });
}

Result<std::optional<OutboxItem>> SqlOutboxRepository::find(int64_t id) {
  return run_on<std::optional<OutboxItem>>(
      source_, false, [&](sql::Connection& connection) -> Result<std::optional<OutboxItem>> {
        auto items = items_from(
            connection.query("SELECT " + std::string(kOutboxColumns) + " FROM outbox WHERE id = ?",
                             {sql::Value{id}}));
        if (!items) return fail(items.error());
        if (items->empty()) return std::optional<OutboxItem>();
        return std::optional<OutboxItem>(std::move(items->front()));
      });
}

Result<domain::Page<OutboxItem>> SqlOutboxRepository::list(const domain::OutboxQuery& query) {
  std::string where = " WHERE 1 = 1";
  std::vector<sql::Value> params;
  if (query.status) {
    where += " AND status = ?";
    params.emplace_back(std::string(domain::to_string(*query.status)));
  }
  if (!query.job_jnid.empty()) {
    where += " AND job_jnid = ?";
    params.emplace_back(query.job_jnid);
  }
  return run_on<domain::Page<OutboxItem>>(
      source_, false, [&](sql::Connection& connection) -> Result<domain::Page<OutboxItem>> {
        const auto counted = connection.query("SELECT COUNT(*) FROM outbox" + where, params);
        if (!counted) return fail(counted.error());
        std::vector<sql::Value> paged = params;
        paged.emplace_back(std::clamp<int64_t>(query.limit, 1, 1000));
        paged.emplace_back(std::max<int64_t>(query.offset, 0));
        auto items =
            items_from(connection.query("SELECT " + std::string(kOutboxColumns) + " FROM outbox" +
                                            where + " ORDER BY id DESC LIMIT ? OFFSET ?",
                                        paged));
        if (!items) return fail(items.error());
        domain::Page<OutboxItem> page;
        page.total = counted->empty() ? 0 : counted->front().integer(0);
        page.items = std::move(items).value();
        return page;
      });
}

Result<std::vector<OutboxItem>> SqlOutboxRepository::claim_due(std::string_view worker, int64_t now,
                                                               int64_t lease_until, int limit) {
  const sql::Value due_limit{int64_t{std::clamp(limit, 1, 1000)}};
  const std::vector<sql::Value> set_params{sql::Value{std::string(worker)}, sql::Value{lease_until},
                                           sql::Value{now}};
  return run_on<std::vector<OutboxItem>>(
      source_, true, [&](sql::Connection& connection) -> Result<std::vector<OutboxItem>> {
        std::string statement;
        std::vector<sql::Value> params;
        if (connection.dialect() == sql::Dialect::postgres) {
          // Rows another claimer has locked are skipped, not waited for: each item goes to one.
          statement = "WITH due AS (SELECT o.id FROM outbox o WHERE " + std::string(kDueCondition) +
                      " ORDER BY o.next_attempt_at, o.id LIMIT ? FOR UPDATE OF o SKIP LOCKED) "
                      "UPDATE outbox " +
                      std::string(kClaimSet) + " FROM due WHERE outbox.id = due.id RETURNING ";
          params = {sql::Value{now}, sql::Value{now}, due_limit};
          params.insert(params.end(), set_params.begin(), set_params.end());
        } else {
          // SQLite has one writer at a time: the UPDATE's own write lock makes the claim atomic.
          statement = "UPDATE outbox " + std::string(kClaimSet) +
                      " WHERE id IN (SELECT o.id FROM outbox o WHERE " +
                      std::string(kDueCondition) +
                      " ORDER BY o.next_attempt_at, o.id LIMIT ?) RETURNING ";
          params = set_params;
          params.insert(params.end(), {sql::Value{now}, sql::Value{now}, due_limit});
        }
        std::string columns = std::string(kOutboxColumns);
        if (connection.dialect() == sql::Dialect::postgres) {
          // UPDATE ... FROM due: "id" alone would be ambiguous.
          columns = "outbox." + columns;
          for (size_t at = columns.find(", "); at != std::string::npos;
               at = columns.find(", ", at + 2)) {
            columns.insert(at + 2, "outbox.");
          }
        }
        auto items = items_from(connection.query(statement + columns, params));
        if (!items) return fail(items.error());
        if (!items->empty()) {
          if (const Status noted = connection.note_change("outbox"); !noted) {
            return fail(noted.error());
          }
        }
        // RETURNING promises no order.
        std::sort(items->begin(), items->end(), [](const OutboxItem& a, const OutboxItem& b) {
          return std::tie(a.next_attempt_at, a.id) < std::tie(b.next_attempt_at, b.id);
        });
        return items;
      });
}

Result<bool> SqlOutboxRepository::update_one(std::string_view statement,
                                             std::vector<sql::Value> params, bool listed) {
  return run_on<bool>(source_, true, [&](sql::Connection& connection) -> Result<bool> {
    const auto changed = connection.execute(statement, params);
    if (!changed) return fail(changed.error());
    if (listed && *changed > 0) {
      if (const Status noted = connection.note_change("outbox"); !noted) {
        return fail(noted.error());
      }
    }
    return *changed == 1;
  });
}

Result<bool> SqlOutboxRepository::renew_lease(int64_t id, std::string_view worker,
                                              int64_t lease_until) {
  return update_one(
      "UPDATE outbox SET locked_until = ? WHERE id = ? AND status = 'in_flight' AND locked_by = ?",
      {sql::Value{lease_until}, sql::Value{id}, sql::Value{std::string(worker)}},
      /*listed=*/false);  // the lease is not part of any answer
}

Result<bool> SqlOutboxRepository::finish(int64_t id, std::string_view worker,
                                         const domain::OutboxOutcome& outcome, int64_t now) {
  if (outcome.status == OutboxStatus::in_flight) {
    return fail("validation", "an outbox item cannot finish in flight");
  }
  const bool delivered = outcome.status == OutboxStatus::delivered;
  return update_one(
      "UPDATE outbox SET status = ?, jobnimbus_result_id = ?, next_attempt_at = ?, "
      "last_error = ?, outcome_unknown = ?, delivered_at = ?, locked_by = NULL, "
      "locked_until = NULL, updated_at = ? WHERE id = ? AND status = 'in_flight' AND locked_by = ?",
      {sql::Value{std::string(domain::to_string(outcome.status))},
       delivered ? sql::Value{outcome.result_jnid} : sql::null_value(),
       sql::Value{outcome.status == OutboxStatus::pending ? outcome.next_attempt_at : now},
       sql::Value{outcome.last_error}, sql::boolean_value(outcome.outcome_unknown),
       delivered ? sql::Value{now} : sql::null_value(), sql::Value{now}, sql::Value{id},
       sql::Value{std::string(worker)}});
}

Result<bool> SqlOutboxRepository::release(int64_t id, std::string_view worker, int64_t now) {
  return update_one(
      "UPDATE outbox SET status = 'pending', attempts = attempts - 1, locked_by = NULL, "
      "locked_until = NULL, updated_at = ? WHERE id = ? AND status = 'in_flight' AND "
      "locked_by = ? AND attempts > 0",
      {sql::Value{now}, sql::Value{id}, sql::Value{std::string(worker)}});
}

Result<bool> SqlOutboxRepository::retry_dead(int64_t id, int64_t now) {
  // The error stays for the record until the next attempt replaces it; outcome_unknown too, so a
  // replayed POST still looks in JobNimbus first.
  return update_one(
      "UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ? "
      "WHERE id = ? AND status = 'dead'",
      {sql::Value{now}, sql::Value{now}, sql::Value{id}});
}

Result<bool> SqlOutboxRepository::cancel_pending(int64_t id, std::string_view reason, int64_t now) {
  return update_one(
      "UPDATE outbox SET status = 'dead', last_error = ?, updated_at = ? "
      "WHERE id = ? AND status = 'pending'",
      {sql::Value{std::string(reason)}, sql::Value{now}, sql::Value{id}});
}

Result<std::vector<OutboxItem>> SqlOutboxRepository::pending_for_jobs(
    domain::OutboxKind kind, std::span<const std::string> jnids) {
  constexpr size_t kChunk = 500;
  std::vector<OutboxItem> all;
  for (size_t start = 0; start < jnids.size(); start += kChunk) {
    const auto chunk = jnids.subspan(start, std::min(kChunk, jnids.size() - start));
    std::vector<sql::Value> params{sql::Value{std::string(domain::to_string(kind))}};
    for (const auto& jnid : chunk) params.emplace_back(jnid);
    auto items = run_on<std::vector<OutboxItem>>(
        source_, false, [&](sql::Connection& connection) -> Result<std::vector<OutboxItem>> {
          return items_from(connection.query(
              "SELECT " + std::string(kOutboxColumns) +
                  " FROM outbox WHERE kind = ? AND status = 'pending' AND job_jnid IN (" +
                  placeholders(chunk.size()) + ") ORDER BY id",
              params));
        });
    if (!items) return fail(items.error());
    for (auto& item : *items) all.push_back(std::move(item));
  }
  return all;
}

Result<std::vector<std::string>> SqlOutboxRepository::delivered_result_ids(
    std::string_view job_jnid, domain::OutboxKind kind) {
  return run_on<std::vector<std::string>>(
      source_, false, [&](sql::Connection& connection) -> Result<std::vector<std::string>> {
        const auto rows = connection.query(
            "SELECT jobnimbus_result_id FROM outbox WHERE job_jnid = ? AND kind = ? AND "
            "status = 'delivered' AND jobnimbus_result_id IS NOT NULL",
            {sql::Value{std::string(job_jnid)}, sql::Value{std::string(domain::to_string(kind))}});
        if (!rows) return fail(rows.error());
        std::vector<std::string> ids;
        ids.reserve(rows->size());
        for (const auto& row : *rows) ids.push_back(row.text(0));
        return ids;
      });
}

}  // namespace gep::store
