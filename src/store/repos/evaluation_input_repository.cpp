#include "store/repos/evaluation_input_repository.h"

#include <algorithm>

#include "store/repos/batch_sql.h"
#include "store/repos/row_reader.h"

namespace gep::store {
namespace {

constexpr std::string_view kJobColumns =
    "j.id, j.jnid, j.number, j.name, j.customer_name, j.status_name, j.record_type_name, "
    "j.date_status_change, j.jn_date_updated, j.files_synced_at";

// Files and status changes of the jobs selected by `job_condition` (on alias j), oldest first
// per job, as the repositories' list_for_job order them.
std::string files_sql(std::string_view job_condition) {
  return "SELECT f.job_jnid, f.jnid, f.kind, f.record_type_id, f.record_type_name, f.caption, "
         "f.filename, f.md5, f.date_file_created, f.jn_date_created FROM jobs j JOIN files f ON "
         "f.job_jnid = j.jnid WHERE " +
         std::string(job_condition) +
         " AND j.deleted_at IS NULL AND f.deleted_at IS NULL ORDER BY j.id, "
         "COALESCE(f.date_file_created, f.jn_date_created, 0), COALESCE(f.jn_date_created, 0), "
         "f.id";
}

std::string changes_sql(std::string_view job_condition, sql::Dialect dialect) {
  return "SELECT a.job_jnid, a.status_name, a.jn_date_created FROM jobs j JOIN activities a ON "
         "a.job_jnid = j.jnid WHERE " +
         std::string(job_condition) + " AND j.deleted_at IS NULL AND a.deleted_at IS NULL AND " +
         (dialect == sql::Dialect::postgres ? "a.is_status_change" : "a.is_status_change = 1") +
         " ORDER BY j.id, COALESCE(a.jn_date_created, 0), a.id";
}

domain::EvaluationJob job_from(const sql::Row& row) {
  RowReader read(row);
  domain::EvaluationJob job;
  job.id = read.integer();
  job.jnid = read.text();
  job.number = read.text();
  job.name = read.text();
  job.customer_name = read.text();
  job.status_name = read.text();
  job.record_type_name = read.text();
  job.date_status_change = read.integer();
  job.jn_date_updated = read.integer();
  job.files_synced_at = read.integer();
  return job;
}

domain::EvaluationFile file_from(const sql::Row& row) {
  RowReader read(row);
  domain::EvaluationFile file;
  file.job_jnid = read.text();
  file.jnid = read.text();
  file.kind = domain::parse_file_kind(read.text()).value_or(domain::FileKind::other);
  file.record_type_id = read.integer();
  file.record_type_name = read.text();
  file.caption = read.text();
  file.filename = read.text();
  file.md5 = read.text();
  file.date_file_created = read.integer();
  file.jn_date_created = read.integer();
  return file;
}

domain::EvaluationStatusChange change_from(const sql::Row& row) {
  RowReader read(row);
  domain::EvaluationStatusChange change;
  change.job_jnid = read.text();
  change.status_name = read.text();
  change.at = read.integer();
  return change;
}

// The batch's job jnids as one PostgreSQL text[] literal: {"j1","j2"}.
std::string jnid_array(const std::vector<domain::EvaluationJob>& jobs) {
  std::string out = "{";
  for (const auto& job : jobs) {
    if (out.size() > 1) out += ',';
    out += '"';
    for (const char c : job.jnid) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  out += '}';
  return out;
}

// PostgreSQL: the batch's jobs drive one index lookup each (LATERAL ... OFFSET 0 is never
// flattened into a join). A range join on jobs lets the planner pick a scan of the whole files
// table per batch when the tables have no statistics yet, right after a bulk import: 100 such
// scans made evaluate-all of 100,000 jobs 5x slower before autovacuum's ANALYZE caught up.
constexpr std::string_view kPostgresFilesSql =
    "SELECT b.jnid, f.jnid, f.kind, f.record_type_id, f.record_type_name, f.caption, "
    "f.filename, f.md5, f.date_file_created, f.jn_date_created FROM unnest(CAST(? AS TEXT[])) "
    "WITH ORDINALITY AS b(jnid, n) CROSS JOIN LATERAL (SELECT * FROM files WHERE files.job_jnid "
    "= b.jnid AND files.deleted_at IS NULL OFFSET 0) f ORDER BY b.n, "
    "COALESCE(f.date_file_created, f.jn_date_created, 0), COALESCE(f.jn_date_created, 0), f.id";
constexpr std::string_view kPostgresChangesSql =
    "SELECT b.jnid, a.status_name, a.jn_date_created FROM unnest(CAST(? AS TEXT[])) WITH "
    "ORDINALITY AS b(jnid, n) CROSS JOIN LATERAL (SELECT * FROM activities WHERE "
    "activities.job_jnid = b.jnid AND activities.deleted_at IS NULL AND "
    "activities.is_status_change OFFSET 0) a ORDER BY b.n, COALESCE(a.jn_date_created, 0), a.id";

// Files and status changes of the batch's jobs, which are all the active jobs with ids in
// [first, last].
Status fill_related(sql::Connection& connection, domain::EvaluationBatch& batch) {
  const bool postgres = connection.dialect() == sql::Dialect::postgres;
  const std::vector<sql::Value> params =
      postgres ? std::vector<sql::Value>{sql::Value{jnid_array(batch.jobs)}}
               : std::vector<sql::Value>{sql::Value{batch.jobs.front().id},
                                         sql::Value{batch.jobs.back().id}};
  const auto files = connection.query(
      postgres ? std::string(kPostgresFilesSql) : files_sql("j.id BETWEEN ? AND ?"), params);
  if (!files) return fail(files.error());
  batch.files.reserve(files->size());
  for (const auto& row : *files) batch.files.push_back(file_from(row));
  const auto changes =
      connection.query(postgres ? std::string(kPostgresChangesSql)
                                : changes_sql("j.id BETWEEN ? AND ?", connection.dialect()),
                       params);
  if (!changes) return fail(changes.error());
  batch.status_changes.reserve(changes->size());
  for (const auto& row : *changes) batch.status_changes.push_back(change_from(row));
  return {};
}

}  // namespace

Result<domain::EvaluationBatch> SqlEvaluationInputRepository::next_batch(int64_t after_job_id,
                                                                         int64_t limit) {
  return run_on<domain::EvaluationBatch>(
      source_, false, [&](sql::Connection& connection) -> Result<domain::EvaluationBatch> {
        const auto jobs = connection.query(
            "SELECT " + std::string(kJobColumns) +
                " FROM jobs j WHERE j.id > ? AND j.deleted_at IS NULL ORDER BY j.id LIMIT ?",
            {sql::Value{after_job_id}, sql::Value{std::clamp<int64_t>(limit, 1, 10000)}});
        if (!jobs) return fail(jobs.error());
        domain::EvaluationBatch batch;
        if (jobs->empty()) return batch;
        batch.jobs.reserve(jobs->size());
        for (const auto& row : *jobs) batch.jobs.push_back(job_from(row));
        const Status filled = fill_related(connection, batch);
        if (!filled) return fail(filled.error());
        return batch;
      });
}

Result<domain::EvaluationBatch> SqlEvaluationInputRepository::for_jobs(
    std::span<const int64_t> job_ids) {
  return run_on<domain::EvaluationBatch>(
      source_, false, [&](sql::Connection& connection) -> Result<domain::EvaluationBatch> {
        domain::EvaluationBatch batch;
        const auto jobs = query_id_chunks(connection, job_ids, [](const std::string& in_list) {
          return "SELECT " + std::string(kJobColumns) + " FROM jobs j WHERE j.id IN (" + in_list +
                 ") AND j.deleted_at IS NULL ORDER BY j.id";
        });
        if (!jobs) return fail(jobs.error());
        for (const auto& row : *jobs) batch.jobs.push_back(job_from(row));
        std::sort(batch.jobs.begin(), batch.jobs.end(),
                  [](const auto& a, const auto& b) { return a.id < b.id; });
        std::vector<int64_t> ids;
        ids.reserve(batch.jobs.size());
        for (const auto& job : batch.jobs) ids.push_back(job.id);
        const auto files = query_id_chunks(connection, ids, [](const std::string& in_list) {
          return files_sql("j.id IN (" + in_list + ")");
        });
        if (!files) return fail(files.error());
        for (const auto& row : *files) batch.files.push_back(file_from(row));
        const auto changes =
            query_id_chunks(connection, ids, [&connection](const std::string& in_list) {
              return changes_sql("j.id IN (" + in_list + ")", connection.dialect());
            });
        if (!changes) return fail(changes.error());
        for (const auto& row : *changes) batch.status_changes.push_back(change_from(row));
        return batch;
      });
}

Result<std::vector<int64_t>> SqlEvaluationInputRepository::changed_job_ids(int64_t since) {
  return run_on<std::vector<int64_t>>(
      source_, false, [&](sql::Connection& connection) -> Result<std::vector<int64_t>> {
        const auto rows = connection.query(
            "SELECT id FROM jobs WHERE deleted_at IS NULL AND updated_at >= ? "
            "UNION SELECT j.id FROM files f JOIN jobs j ON j.jnid = f.job_jnid "
            "WHERE j.deleted_at IS NULL AND f.updated_at >= ? "
            "UNION SELECT j.id FROM activities a JOIN jobs j ON j.jnid = a.job_jnid "
            "WHERE j.deleted_at IS NULL AND a.updated_at >= ? ORDER BY 1",
            {sql::Value{since}, sql::Value{since}, sql::Value{since}});
        if (!rows) return fail(rows.error());
        std::vector<int64_t> ids;
        ids.reserve(rows->size());
        for (const auto& row : *rows) ids.push_back(row.integer(0));
        return ids;
      });
}

Result<int64_t> SqlEvaluationInputRepository::count_active_jobs() {
  return run_on<int64_t>(source_, false, [&](sql::Connection& connection) -> Result<int64_t> {
    const auto rows = connection.query("SELECT COUNT(*) FROM jobs WHERE deleted_at IS NULL");
    if (!rows) return fail(rows.error());
    return rows->empty() ? int64_t{0} : rows->front().integer(0);
  });
}

}  // namespace gep::store
