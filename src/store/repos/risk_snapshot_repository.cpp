#include "store/repos/risk_snapshot_repository.h"

#include <algorithm>
#include <array>

#include "store/repos/batch_sql.h"
#include "store/repos/keyset.h"
#include "store/repos/record_search.h"
#include "store/repos/record_table.h"
#include "store/repos/risk_reason_index.h"
#include "store/repos/row_reader.h"

namespace gep::store {
namespace {

constexpr std::array<std::string_view, 11> kSnapshotInsertColumns{
    "job_id",       "risk_level",           "reasons_json",
    "actions_json", "reason_codes",         "status_name",
    "is_latest",    "evaluated_at",         "last_evaluated_at",
    "level_order",  "level_order_ascending"};

// The stored sort keys of migration 5: a level's rank in the high 32 bits, the evaluation time
// (or its complement, for the ascending order) in the low ones.
constexpr int64_t kLevelStride = int64_t{1} << 32;
constexpr int64_t kLowBits = kLevelStride - 1;

int64_t level_rank(std::string_view level) {
  if (level == "HIGH") return 2;
  if (level == "MEDIUM") return 1;
  return 0;
}

// Snapshot columns, then the job's: the join keeps names and numbers current.
constexpr std::string_view kSnapshotColumns =
    "SELECT r.id, r.job_id, r.risk_level, r.reasons_json, r.actions_json, r.reason_codes, "
    "r.status_name, r.is_latest, r.evaluated_at, r.last_evaluated_at, "
    "j.jnid, j.number, j.name, j.customer_name, j.date_status_change";

std::string select_sql() {
  return std::string(kSnapshotColumns) + " FROM risk_snapshots r JOIN jobs j ON j.id = r.job_id";
}

// ",STALE_JOB,STUCK_IN_STATUS,": a LIKE '%,CODE,%' matches whole codes only.
std::string encode_codes(const std::vector<std::string>& codes) {
  if (codes.empty()) return "";
  std::string out = ",";
  for (const auto& code : codes) out += code + ",";
  return out;
}

std::vector<std::string> decode_codes(std::string_view text) {
  std::vector<std::string> codes;
  while (!text.empty()) {
    const size_t comma = text.find(',');
    const std::string_view code = text.substr(0, comma);
    if (!code.empty()) codes.emplace_back(code);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return codes;
}

domain::RiskSnapshotRecord snapshot_from(const sql::Row& row) {
  RowReader read(row);
  domain::RiskSnapshotRecord snapshot;
  snapshot.id = read.integer();
  snapshot.job_id = read.integer();
  snapshot.risk_level = read.text();
  snapshot.reasons_json = read.text();
  snapshot.actions_json = read.text();
  snapshot.reason_codes = decode_codes(read.text());
  snapshot.status_name = read.text();
  snapshot.is_latest = read.boolean();
  snapshot.evaluated_at = read.integer();
  snapshot.last_evaluated_at = read.integer();
  snapshot.job_jnid = read.text();
  snapshot.job_number = read.text();
  snapshot.job_name = read.text();
  snapshot.customer_name = read.text();
  snapshot.job_status_changed_at = read.optional_integer();
  return snapshot;
}

std::vector<domain::RiskSnapshotRecord> snapshots_of(const sql::Rows& rows) {
  std::vector<domain::RiskSnapshotRecord> snapshots;
  snapshots.reserve(rows.size());
  for (const auto& row : rows) snapshots.push_back(snapshot_from(row));
  return snapshots;
}

Result<std::vector<domain::RiskSnapshotRecord>> snapshots_of(const Result<sql::Rows>& rows) {
  if (!rows) return fail(rows.error());
  return snapshots_of(*rows);
}

// True when the reason filter seeks risk_snapshot_reasons (alias x): in the orders whose keys it
// carries. The job name and number orders walk the jobs index and test the codes.
bool seeks_reason_index(const domain::RiskListQuery& query) {
  return !query.reason.empty() && (query.sort == domain::RiskSort::risk_level ||
                                   query.sort == domain::RiskSort::evaluated_at);
}

// Every offered order, each served by an index (migration 5); ties fall to the job id. The
// reason index carries the same keys, so a cursor reads the same in both.
const KeysetOrder& order_of(const domain::RiskListQuery& query) {
  static const KeysetOrder kOrders[] = {
      {"risk.riskLevel", {{"r.level_order_ascending"}, {"r.job_id"}}, false},
      {"risk.riskLevel-", {{"r.level_order"}, {"r.job_id"}}, true},
      {"risk.evaluatedAt", {{"r.last_evaluated_at"}, {"r.job_id"}}, false},
      {"risk.evaluatedAt-", {{"r.last_evaluated_at"}, {"r.job_id"}}, true},
      {"risk.jobName", {{"j.name", true}, {"j.id"}}, false},
      {"risk.jobName-", {{"j.name", true}, {"j.id"}}, true},
      {"risk.jobNumber", {{"j.number", true}, {"j.id"}}, false},
      {"risk.jobNumber-", {{"j.number", true}, {"j.id"}}, true},
      {"risk.customer", {{"j.customer_name", true}, {"j.id"}}, false},
      {"risk.customer-", {{"j.customer_name", true}, {"j.id"}}, true},
      {"risk.status", {{"j.status_name", true}, {"j.id"}}, false},
      {"risk.status-", {{"j.status_name", true}, {"j.id"}}, true},
      // Most days first is the oldest status change first.
      {"risk.daysInStatus", {{"j.date_status_change"}, {"j.id"}}, true, true},
      {"risk.daysInStatus-", {{"j.date_status_change"}, {"j.id"}}, false, true},
  };
  static const KeysetOrder kReasonOrders[] = {
      {"risk.riskLevel", {{"x.level_order_ascending"}, {"x.job_id"}}, false},
      {"risk.riskLevel-", {{"x.level_order"}, {"x.job_id"}}, true},
      {"risk.evaluatedAt", {{"x.last_evaluated_at"}, {"x.job_id"}}, false},
      {"risk.evaluatedAt-", {{"x.last_evaluated_at"}, {"x.job_id"}}, true},
  };
  const size_t index = static_cast<size_t>(query.sort) * 2 + (query.descending ? 1 : 0);
  return seeks_reason_index(query) ? kReasonOrders[index] : kOrders[index];
}

// A level is a range of either level key; the one the order walks serves the filter too. Past a
// cursor of the level order only the range's far end is given: the cursor is the near one, and
// SQLite seeks the index by the cursor only when no other near bound competes with it.
void add_level_filter(Filter& filter, const domain::RiskListQuery& query, bool counting,
                      const std::string& alias) {
  if (query.level.empty()) return;
  const bool level_order = query.sort == domain::RiskSort::risk_level;
  const bool ascending_key = level_order && !query.descending;
  const std::string key = alias + (ascending_key ? ".level_order_ascending" : ".level_order");
  const int64_t low = level_rank(query.level) * kLevelStride;
  if (!counting && level_order && !query.after.empty()) {
    if (ascending_key) {
      filter.add(key + " <= ?", sql::Value{low + kLowBits});
    } else {
      filter.add(key + " >= ?", sql::Value{low});
    }
    return;
  }
  filter.add(key + " BETWEEN ? AND ?", sql::Value{low});
  filter.params.emplace_back(low + kLowBits);
}

// The list's conditions; `counting` for its total (see add_level_filter). The job's own (status,
// text) are tested on the joined job row in every plan.
Filter risk_filter(sql::Dialect dialect, const domain::RiskListQuery& query, bool counting) {
  Filter filter;
  filter.add("j.deleted_at IS NULL");
  if (!query.status.empty()) filter.add("j.status_name = ?", sql::Value{query.status});
  if (!query.q.empty()) add_search_condition(filter, dialect, query.q);
  if (seeks_reason_index(query)) {  // its rows are the latest snapshots' only
    filter.add("x.reason_code = ?", sql::Value{query.reason});
    add_level_filter(filter, query, counting, "x");
    return filter;
  }
  filter.add(latest_condition(dialect, "r"));
  add_level_filter(filter, query, counting, "r");
  if (!query.reason.empty()) {
    filter.add("r.reason_codes LIKE ?", sql::Value{"%," + query.reason + ",%"});
  }
  return filter;
}

// FROM, with its join conditions added to `filter`: the table whose index gives the order drives
// (CROSS JOIN fixes SQLite's join order, which it otherwise picks wrongly for the job sorts
// without statistics; PostgreSQL plans it as an inner join).
std::string page_source(const domain::RiskListQuery& query, Filter& filter) {
  if (seeks_reason_index(query)) {
    filter.add("r.id = x.snapshot_id");
    filter.add("j.id = x.job_id");
    return " FROM risk_snapshot_reasons x CROSS JOIN risk_snapshots r CROSS JOIN jobs j";
  }
  filter.add("r.job_id = j.id");
  const bool by_job =
      query.sort != domain::RiskSort::risk_level && query.sort != domain::RiskSort::evaluated_at;
  return by_job ? " FROM jobs j CROSS JOIN risk_snapshots r"
                : " FROM risk_snapshots r CROSS JOIN jobs j";
}

}  // namespace

Status SqlRiskSnapshotRepository::append(std::span<const domain::RiskSnapshotRecord> snapshots) {
  if (snapshots.empty()) return {};
  const int64_t now = source_.now();
  std::vector<int64_t> job_ids;
  std::vector<sql::Value> values;
  std::vector<std::string> codes;
  job_ids.reserve(snapshots.size());
  values.reserve(snapshots.size() * kSnapshotInsertColumns.size());
  for (const auto& snapshot : snapshots) {
    for (const auto& code : snapshot.reason_codes) {
      if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
    }
    const int64_t evaluated_at = snapshot.evaluated_at != 0 ? snapshot.evaluated_at : now;
    job_ids.push_back(snapshot.job_id);
    values.emplace_back(snapshot.job_id);
    values.emplace_back(snapshot.risk_level);
    values.emplace_back(snapshot.reasons_json);
    values.emplace_back(snapshot.actions_json);
    values.emplace_back(encode_codes(snapshot.reason_codes));
    values.emplace_back(snapshot.status_name);
    values.push_back(sql::boolean_value(true));
    values.emplace_back(evaluated_at);
    const int64_t last_evaluated_at =
        snapshot.last_evaluated_at != 0 ? snapshot.last_evaluated_at : evaluated_at;
    const int64_t rank = level_rank(snapshot.risk_level) * kLevelStride;
    values.emplace_back(last_evaluated_at);
    values.emplace_back(rank + last_evaluated_at);
    values.emplace_back(rank + (kLowBits - last_evaluated_at));
  }
  return source_.run(true, [&](sql::Connection& connection) -> Status {
    // Demote first: the partial unique index allows one latest row per job.
    if (const Status demoted = demote_latest(connection, "risk_snapshots", job_ids); !demoted) {
      return demoted;
    }
    if (const Status inserted = insert_rows(connection, "risk_snapshots", kSnapshotInsertColumns,
                                            values, snapshots.size());
        !inserted) {
      return inserted;
    }
    if (const Status indexed = index_latest_reasons(connection, job_ids, codes); !indexed) {
      return indexed;
    }
    return connection.note_change("risk_snapshots");
  });
}

Status SqlRiskSnapshotRepository::refresh(std::span<const domain::RiskRefresh> refreshes,
                                          int64_t evaluated_at) {
  if (refreshes.empty()) return {};
  // One UPDATE ... FROM (VALUES ...) per chunk: both backends name VALUES columns column1..N.
  constexpr size_t kWidth = 4;
  constexpr size_t kRowsPerStatement = 1024;  // an evaluate-all batch in one statement
  return source_.run(true, [&](sql::Connection& connection) -> Status {
    for (size_t start = 0, count = 0; start < refreshes.size(); start += count) {
      count = next_statement_rows(refreshes.size() - start, kRowsPerStatement);
      std::vector<sql::Value> params{sql::Value{evaluated_at}, sql::Value{evaluated_at},
                                     sql::Value{kLowBits - evaluated_at}};
      params.reserve(3 + count * kWidth);
      std::string rows;
      for (const auto& refresh : refreshes.subspan(start, count)) {
        rows += rows.empty() ? "(CAST(? AS BIGINT), ?, ?, ?)" : ", (CAST(? AS BIGINT), ?, ?, ?)";
        params.emplace_back(refresh.snapshot_id);
        params.emplace_back(refresh.reasons_json);
        params.emplace_back(refresh.actions_json);
        params.emplace_back(refresh.status_name);
      }
      const auto updated = connection.execute(
          "UPDATE risk_snapshots SET last_evaluated_at = ?, "
          "level_order = level_order - level_order % 4294967296 + ?, "
          "level_order_ascending = level_order_ascending - level_order_ascending % 4294967296 + ?, "
          "reasons_json = v.column2, "
          "actions_json = v.column3, status_name = v.column4 FROM (VALUES " +
              rows + ") AS v WHERE risk_snapshots.id = v.column1",
          params);
      if (!updated) return fail(updated.error());
      std::vector<int64_t> snapshot_ids;
      for (const auto& refresh : refreshes.subspan(start, count)) {
        snapshot_ids.push_back(refresh.snapshot_id);
      }
      if (const Status keyed = refresh_reason_keys(connection, snapshot_ids); !keyed) return keyed;
    }
    return connection.note_change("risk_snapshots");
  });
}

Result<std::optional<domain::RiskSnapshotRecord>> SqlRiskSnapshotRepository::latest(
    int64_t job_id) {
  const std::array<int64_t, 1> ids{job_id};
  auto found = latest_for_jobs(ids);
  if (!found) return fail(found.error());
  if (found->empty()) return std::optional<domain::RiskSnapshotRecord>();
  return std::optional<domain::RiskSnapshotRecord>(std::move(found->front()));
}

Result<std::vector<domain::RiskSnapshotRecord>> SqlRiskSnapshotRepository::latest_for_jobs(
    std::span<const int64_t> job_ids) {
  if (job_ids.empty()) return std::vector<domain::RiskSnapshotRecord>{};
  return run_on<std::vector<domain::RiskSnapshotRecord>>(
      source_, false, [&](sql::Connection& connection) {
        return snapshots_of(select_latest(connection, kSnapshotColumns, "risk_snapshots", "r",
                                          "JOIN jobs j ON j.id = r.job_id", job_ids));
      });
}

Result<std::vector<domain::RiskSnapshotRecord>> SqlRiskSnapshotRepository::latest_levels_for_jobs(
    std::span<const int64_t> job_ids) {
  if (job_ids.empty()) return std::vector<domain::RiskSnapshotRecord>{};
  return run_on<std::vector<domain::RiskSnapshotRecord>>(
      source_, false,
      [&](sql::Connection& connection) -> Result<std::vector<domain::RiskSnapshotRecord>> {
        constexpr std::string_view kLevelColumns =
            "SELECT r.id, r.job_id, r.risk_level, r.reason_codes";
        const auto rows =
            select_latest(connection, kLevelColumns, "risk_snapshots", "r", "", job_ids);
        if (!rows) return fail(rows.error());
        std::vector<domain::RiskSnapshotRecord> snapshots;
        snapshots.reserve(rows->size());
        for (const auto& row : *rows) {
          RowReader read(row);
          domain::RiskSnapshotRecord& snapshot = snapshots.emplace_back();
          snapshot.id = read.integer();
          snapshot.job_id = read.integer();
          snapshot.risk_level = read.text();
          snapshot.reason_codes = decode_codes(read.text());
        }
        return snapshots;
      });
}

Result<std::vector<domain::RiskSnapshotRecord>> SqlRiskSnapshotRepository::history(int64_t job_id,
                                                                                   int64_t limit) {
  return run_on<std::vector<domain::RiskSnapshotRecord>>(
      source_, false, [&](sql::Connection& connection) {
        return snapshots_of(connection.query(
            select_sql() + " WHERE r.job_id = ? ORDER BY r.evaluated_at DESC, r.id DESC LIMIT ?",
            {sql::Value{job_id}, sql::Value{std::clamp<int64_t>(limit, 1, 1000)}}));
      });
}

Result<domain::Page<domain::RiskSnapshotRecord>> SqlRiskSnapshotRepository::list_latest(
    const domain::RiskListQuery& query) {
  return run_on<domain::Page<domain::RiskSnapshotRecord>>(
      source_, false,
      [&](sql::Connection& connection) -> Result<domain::Page<domain::RiskSnapshotRecord>> {
        const Filter counted = risk_filter(connection.dialect(), query, true);
        const auto total = source_.totals().count(
            connection, {"jobs", "risk_snapshots"},
            std::string(seeks_reason_index(query)
                            ? "FROM risk_snapshot_reasons x JOIN jobs j ON j.id = x.job_id"
                            : "FROM risk_snapshots r JOIN jobs j ON j.id = r.job_id") +
                counted.where(),
            counted.params);
        if (!total) return fail(total.error());
        const KeysetOrder& order = order_of(query);
        Filter paged = risk_filter(connection.dialect(), query, false);
        const std::string source = page_source(query, paged);
        const auto page = select_keyset_page(
            connection, std::string(kSnapshotColumns) + order.select_keys() + source, paged, order,
            query.after, query.limit, query.offset, *total);
        if (!page) return fail(page.error());
        return domain::Page<domain::RiskSnapshotRecord>{snapshots_of(page->rows), *total,
                                                        page->next_cursor};
      });
}

}  // namespace gep::store
