#include "store/repos/qc_check_repository.h"

#include <algorithm>
#include <array>

#include "store/repos/batch_sql.h"
#include "store/repos/keyset.h"
#include "store/repos/row_reader.h"

namespace gep::store {
namespace {

// Every column but the generated id, in append_values order.
constexpr std::array<std::string_view, 17> kQcInsertColumns{"job_id",
                                                            "status",
                                                            "status_reason",
                                                            "before_count",
                                                            "during_count",
                                                            "after_count",
                                                            "uncategorized_count",
                                                            "requirements_json",
                                                            "missing_json",
                                                            "photos_json",
                                                            "flags_json",
                                                            "result_changed",
                                                            "outbox_id",
                                                            "jobnimbus_synced_at",
                                                            "is_latest",
                                                            "checked_at",
                                                            "last_checked_at"};
constexpr size_t kInsertWidth = kQcInsertColumns.size();

constexpr std::string_view kSelectColumns =
    "id, job_id, status, status_reason, before_count, during_count, after_count, "
    "uncategorized_count, requirements_json, missing_json, photos_json, flags_json, "
    "result_changed, outbox_id, "
    // Delivered notes show as synced even before the worker stamps the check (mark_note_delivered).
    "COALESCE(jobnimbus_synced_at, (SELECT o.delivered_at FROM outbox o WHERE o.id = "
    "qc_checks.outbox_id AND o.status = 'delivered')), "
    "is_latest, checked_at, COALESCE(last_checked_at, checked_at)";

domain::QcCheck check_from(const sql::Row& row) {
  RowReader read(row);
  domain::QcCheck check;
  check.id = read.integer();
  check.job_id = read.integer();
  check.status = read.text();
  check.status_reason = read.text();
  check.before_count = static_cast<int>(read.integer());
  check.during_count = static_cast<int>(read.integer());
  check.after_count = static_cast<int>(read.integer());
  check.uncategorized_count = static_cast<int>(read.integer());
  check.requirements_json = read.text();
  check.missing_json = read.text();
  check.photos_json = read.text();
  check.flags_json = read.text();
  check.result_changed = read.boolean();
  check.outbox_id = read.optional_integer();
  check.jobnimbus_synced_at = read.optional_integer();
  check.is_latest = read.boolean();
  check.checked_at = read.integer();
  check.last_checked_at = read.integer();
  return check;
}

void append_values(const domain::QcCheck& check, int64_t now, std::vector<sql::Value>& out) {
  const int64_t checked_at = check.checked_at != 0 ? check.checked_at : now;
  out.emplace_back(check.job_id);
  out.emplace_back(check.status);
  out.emplace_back(check.status_reason);
  out.emplace_back(int64_t{check.before_count});
  out.emplace_back(int64_t{check.during_count});
  out.emplace_back(int64_t{check.after_count});
  out.emplace_back(int64_t{check.uncategorized_count});
  out.emplace_back(check.requirements_json);
  out.emplace_back(check.missing_json);
  out.emplace_back(check.photos_json);
  out.emplace_back(check.flags_json);
  out.push_back(sql::boolean_value(check.result_changed));
  out.push_back(sql::optional_value(check.outbox_id));
  out.push_back(sql::optional_value(check.jobnimbus_synced_at));
  out.push_back(sql::boolean_value(true));
  out.emplace_back(checked_at);
  out.emplace_back(check.last_checked_at != 0 ? check.last_checked_at : checked_at);
}

std::vector<domain::QcCheck> checks_of(const sql::Rows& rows) {
  std::vector<domain::QcCheck> checks;
  checks.reserve(rows.size());
  for (const auto& row : rows) checks.push_back(check_from(row));
  return checks;
}

}  // namespace

Status SqlQcCheckRepository::append(std::span<const domain::QcCheck> checks) {
  if (checks.empty()) return {};
  const int64_t now = source_.now();
  std::vector<int64_t> job_ids;
  std::vector<sql::Value> values;
  job_ids.reserve(checks.size());
  values.reserve(checks.size() * kInsertWidth);
  for (const auto& check : checks) {
    job_ids.push_back(check.job_id);
    append_values(check, now, values);
  }
  return source_.run(true, [&](sql::Connection& connection) -> Status {
    // Demote first: the partial unique index allows one latest row per job.
    if (const Status demoted = demote_latest(connection, "qc_checks", job_ids); !demoted) {
      return demoted;
    }
    if (const Status inserted =
            insert_rows(connection, "qc_checks", kQcInsertColumns, values, checks.size());
        !inserted) {
      return inserted;
    }
    return connection.note_change("qc_checks");
  });
}

Status SqlQcCheckRepository::touch(std::span<const int64_t> check_ids, int64_t checked_at) {
  if (check_ids.empty()) return {};
  return source_.run(true, [&](sql::Connection& connection) -> Status {
    if (connection.dialect() == sql::Dialect::postgres) {
      const auto touched = connection.execute(
          "UPDATE qc_checks SET last_checked_at = ? FROM unnest(CAST(? AS BIGINT[])) AS "
          "b(wanted_id) WHERE qc_checks.id = b.wanted_id",
          {sql::Value{checked_at}, sql::Value{postgres_bigint_array(check_ids)}});
      if (!touched) return fail(touched.error());
      return connection.note_change("qc_checks");  // the overview shows last_checked_at
    }
    const auto touched =
        for_id_chunks(check_ids, [&](const std::string& in_list, std::vector<sql::Value> params) {
          params.emplace(params.begin(), checked_at);
          return connection.execute(
              "UPDATE qc_checks SET last_checked_at = ? WHERE id IN (" + in_list + ")", params);
        });
    if (!touched) return fail(touched.error());
    return connection.note_change("qc_checks");
  });
}

Result<std::optional<domain::QcCheck>> SqlQcCheckRepository::latest(int64_t job_id) {
  const std::array<int64_t, 1> ids{job_id};
  auto found = latest_for_jobs(ids);
  if (!found) return fail(found.error());
  if (found->empty()) return std::optional<domain::QcCheck>();
  return std::optional<domain::QcCheck>(std::move(found->front()));
}

Result<std::vector<domain::QcCheck>> SqlQcCheckRepository::latest_for_jobs(
    std::span<const int64_t> job_ids) {
  if (job_ids.empty()) return std::vector<domain::QcCheck>{};
  return run_on<std::vector<domain::QcCheck>>(
      source_, false, [&](sql::Connection& connection) -> Result<std::vector<domain::QcCheck>> {
        const auto rows = select_latest(connection, "SELECT " + std::string(kSelectColumns),
                                        "qc_checks", "qc_checks", "", job_ids);
        if (!rows) return fail(rows.error());
        return checks_of(*rows);
      });
}

Result<std::vector<domain::QcCheck>> SqlQcCheckRepository::latest_statuses_for_jobs(
    std::span<const int64_t> job_ids) {
  if (job_ids.empty()) return std::vector<domain::QcCheck>{};
  return run_on<std::vector<domain::QcCheck>>(
      source_, false, [&](sql::Connection& connection) -> Result<std::vector<domain::QcCheck>> {
        const auto rows = select_latest(
            connection,
            "SELECT qc_checks.id, qc_checks.job_id, qc_checks.status, qc_checks.missing_json",
            "qc_checks", "qc_checks", "", job_ids);
        if (!rows) return fail(rows.error());
        std::vector<domain::QcCheck> checks;
        checks.reserve(rows->size());
        for (const auto& row : *rows) {
          RowReader read(row);
          domain::QcCheck& check = checks.emplace_back();
          check.id = read.integer();
          check.job_id = read.integer();
          check.status = read.text();
          check.missing_json = read.text();
        }
        return checks;
      });
}

Result<std::vector<domain::QcCheck>> SqlQcCheckRepository::history(int64_t job_id, int64_t limit) {
  return run_on<std::vector<domain::QcCheck>>(
      source_, false, [&](sql::Connection& connection) -> Result<std::vector<domain::QcCheck>> {
        const auto rows = connection.query(
            "SELECT " + std::string(kSelectColumns) +
                " FROM qc_checks WHERE job_id = ? ORDER BY checked_at DESC, id DESC LIMIT ?",
            {sql::Value{job_id}, sql::Value{std::clamp<int64_t>(limit, 1, 1000)}});
        if (!rows) return fail(rows.error());
        return checks_of(*rows);
      });
}

Result<domain::Page<domain::QcOverviewItem>> SqlQcCheckRepository::overview(
    const domain::QcOverviewQuery& query) {
  return run_on<domain::Page<domain::QcOverviewItem>>(
      source_, false,
      [&](sql::Connection& connection) -> Result<domain::Page<domain::QcOverviewItem>> {
        const std::string from = " FROM jobs j LEFT JOIN qc_checks q ON q.job_id = j.id AND " +
                                 latest_condition(connection.dialect(), "q");
        Filter filter;
        filter.add("j.deleted_at IS NULL");
        if (!query.status.empty()) {
          filter.add("COALESCE(q.status, 'NOT_CHECKED') = ?", sql::Value{query.status});
        }
        const auto total = source_.totals().count(connection, {"jobs", "qc_checks"},
                                                  from + filter.where(), filter.params);
        if (!total) return fail(total.error());
        static const KeysetOrder kByJob{"qc.jobId", {{"j.id"}}, false};
        const auto keyset =
            select_keyset_page(connection,
                               "SELECT j.id, j.jnid, j.name, COALESCE(q.status, 'NOT_CHECKED'), "
                               "COALESCE(q.before_count, 0), COALESCE(q.during_count, 0), "
                               "COALESCE(q.after_count, 0), COALESCE(q.uncategorized_count, 0), "
                               "COALESCE(q.last_checked_at, q.checked_at, 0)" +
                                   kByJob.select_keys() + from,
                               filter, kByJob, query.after, query.limit, query.offset, *total);
        if (!keyset) return fail(keyset.error());
        const sql::Rows& rows = keyset->rows;
        domain::Page<domain::QcOverviewItem> page;
        page.total = *total;
        page.next_cursor = keyset->next_cursor;
        page.items.reserve(rows.size());
        for (const auto& row : rows) {
          RowReader read(row);
          domain::QcOverviewItem item;
          item.job_id = read.integer();
          item.job_jnid = read.text();
          item.job_name = read.text();
          item.status = read.text();
          item.before_count = static_cast<int>(read.integer());
          item.during_count = static_cast<int>(read.integer());
          item.after_count = static_cast<int>(read.integer());
          item.uncategorized_count = static_cast<int>(read.integer());
          item.last_checked_at = read.integer();
          page.items.push_back(std::move(item));
        }
        return page;
      });
}

Result<int64_t> SqlQcCheckRepository::mark_note_delivered(int64_t outbox_id, int64_t delivered_at) {
  return run_on<int64_t>(source_, true, [&](sql::Connection& connection) -> Result<int64_t> {
    const auto stamped = connection.execute(
        "UPDATE qc_checks SET jobnimbus_synced_at = ? WHERE outbox_id = ? AND "
        "jobnimbus_synced_at IS NULL",
        {sql::Value{delivered_at}, sql::Value{outbox_id}});
    if (!stamped || *stamped == 0) return stamped;
    if (const Status noted = connection.note_change("qc_checks"); !noted) {
      return fail(noted.error());
    }
    return stamped;
  });
}

}  // namespace gep::store
