#include "store/repos/job_repository.h"

#include "store/repos/row_reader.h"
#include "store/repos/search_text.h"

namespace gep::store {

const RecordTable& JobTraits::table() {
  static const RecordTable jobs("jobs",
                                {"jnid",
                                 "number",
                                 "name",
                                 "display_name",
                                 "customer_name",
                                 "address_line1",
                                 "address_line2",
                                 "city",
                                 "state",
                                 "zip",
                                 "status_id",
                                 "status_name",
                                 "date_status_change",
                                 "jn_date_created",
                                 "jn_date_updated",
                                 "sales_rep_id",
                                 "sales_rep_name",
                                 "record_type_id",
                                 "record_type_name",
                                 "is_active",
                                 "raw_json"},
                                true, {"files_synced_at"});
  return jobs;
}

void JobTraits::append_content(const Record& job, std::vector<sql::Value>& out) {
  out.emplace_back(job.jnid);
  out.emplace_back(job.number);
  out.emplace_back(job.name);
  out.emplace_back(job.display_name);
  out.emplace_back(job.customer_name);
  out.emplace_back(job.address_line1);
  out.emplace_back(job.address_line2);
  out.emplace_back(job.city);
  out.emplace_back(job.state);
  out.emplace_back(job.zip);
  out.push_back(sql::zero_as_null(job.status_id));
  out.emplace_back(job.status_name);
  out.push_back(sql::zero_as_null(job.date_status_change));
  out.push_back(sql::zero_as_null(job.jn_date_created));
  out.push_back(sql::zero_as_null(job.jn_date_updated));
  out.emplace_back(job.sales_rep_id);
  out.emplace_back(job.sales_rep_name);
  out.push_back(sql::zero_as_null(job.record_type_id));
  out.emplace_back(job.record_type_name);
  out.push_back(sql::boolean_value(job.is_active));
  out.emplace_back(job.raw_json);
}

std::string JobTraits::search_text(const Record& job) {
  return search_text_of({job.name, job.number, job.display_name, job.customer_name,
                         job.address_line1, job.address_line2, job.city, job.state, job.zip});
}

domain::Job JobTraits::from_row(const sql::Row& row) {
  RowReader read(row);
  domain::Job job;
  job.id = read.integer();
  job.jnid = read.text();
  job.number = read.text();
  job.name = read.text();
  job.display_name = read.text();
  job.customer_name = read.text();
  job.address_line1 = read.text();
  job.address_line2 = read.text();
  job.city = read.text();
  job.state = read.text();
  job.zip = read.text();
  job.status_id = read.integer();
  job.status_name = read.text();
  job.date_status_change = read.integer();
  job.jn_date_created = read.integer();
  job.jn_date_updated = read.integer();
  job.sales_rep_id = read.text();
  job.sales_rep_name = read.text();
  job.record_type_id = read.integer();
  job.record_type_name = read.text();
  job.is_active = read.boolean();
  job.raw_json = read.text();
  read.bookkeeping(job);
  job.files_synced_at = read.integer();
  return job;
}

Result<domain::Page<domain::Job>> SqlJobRepository::list(const domain::ListQuery& query) {
  Filter filter;
  if (!query.include_deleted) filter.add("deleted_at IS NULL");
  if (!query.status.empty()) filter.add("status_name = ?", sql::Value{query.status});
  return find_page(filter, query);
}

Status SqlJobRepository::mark_files_synced(std::span<const std::string> job_jnids,
                                           int64_t synced_at) {
  return source_.run(true, [&](sql::Connection& connection) -> Status {
    for (size_t start = 0, rows = 0; start < job_jnids.size(); start += rows) {
      rows = next_statement_rows(job_jnids.size() - start, kIdsPerStatement);
      const auto chunk = job_jnids.subspan(start, rows);
      std::vector<sql::Value> params{sql::Value{synced_at}};
      params.insert(params.end(), chunk.begin(), chunk.end());
      const auto updated = connection.execute(
          "UPDATE jobs SET files_synced_at = ? WHERE jnid IN (" + placeholders(chunk.size()) + ")",
          params);
      if (!updated) return fail(updated.error());
    }
    return connection.note_change("jobs");  // job answers show filesSyncedAt
  });
}

Status SqlJobRepository::mark_all_files_synced(int64_t synced_at) {
  return source_.run(true, [&](sql::Connection& connection) -> Status {
    const auto updated = connection.execute(
        "UPDATE jobs SET files_synced_at = ? WHERE deleted_at IS NULL", {sql::Value{synced_at}});
    if (!updated) return fail(updated.error());
    return connection.note_change("jobs");
  });
}

}  // namespace gep::store
