#include "store/repos/job_contact_repository.h"

#include <algorithm>
#include <map>

#include "store/repos/record_table.h"

namespace gep::store {
namespace {

constexpr size_t kLinkColumns = 3;

}  // namespace

Status SqlJobContactRepository::replace_for_jobs(std::span<const std::string> job_jnids,
                                                 std::span<const domain::JobContact> links) {
  // One link per (job, contact): a repeated pair would violate the primary key. Inserted in key
  // order, consecutive rows land on the same b-tree pages.
  std::map<std::pair<std::string_view, std::string_view>, bool> unique;
  for (const auto& link : links) {
    unique.emplace(std::pair<std::string_view, std::string_view>(link.job_jnid, link.contact_jnid),
                   link.is_primary);
  }
  std::vector<sql::Value> values;
  values.reserve(unique.size() * kLinkColumns);
  for (const auto& [key, is_primary] : unique) {
    values.emplace_back(std::string(key.first));
    values.emplace_back(std::string(key.second));
    values.push_back(sql::boolean_value(is_primary));
  }
  return source_.run(true, [&](sql::Connection& connection) -> Status {
    for (size_t start = 0, rows = 0; start < job_jnids.size(); start += rows) {
      rows = next_statement_rows(job_jnids.size() - start, kIdsPerStatement);
      const auto chunk = job_jnids.subspan(start, rows);
      const std::vector<sql::Value> params(chunk.begin(), chunk.end());
      const auto removed = connection.execute(
          "DELETE FROM job_contacts WHERE job_jnid IN (" + placeholders(chunk.size()) + ")",
          params);
      if (!removed) return fail(removed.error());
    }
    const size_t rows = values.size() / kLinkColumns;
    for (size_t start = 0, count = 0; start < rows; start += count) {
      count = next_statement_rows(rows - start, kIdsPerStatement);
      std::string sql = "INSERT INTO job_contacts (job_jnid, contact_jnid, is_primary) VALUES ";
      for (size_t i = 0; i < count; ++i) sql += i == 0 ? "(?, ?, ?)" : ", (?, ?, ?)";
      // A job's links are only cleared when asked (a new job has none), so a link left over
      // from elsewhere is overwritten rather than failing the whole page.
      sql += " ON CONFLICT (job_jnid, contact_jnid) DO UPDATE SET is_primary = excluded.is_primary";
      const auto inserted = connection.execute(
          sql,
          std::span<const sql::Value>(values).subspan(start * kLinkColumns, count * kLinkColumns));
      if (!inserted) return fail(inserted.error());
    }
    return connection.note_change("job_contacts");
  });
}

Result<std::vector<domain::JobContact>> SqlJobContactRepository::list_where(std::string_view column,
                                                                            std::string_view jnid) {
  const std::string sql = "SELECT job_jnid, contact_jnid, is_primary FROM job_contacts WHERE " +
                          std::string(column) +
                          " = ? ORDER BY is_primary DESC, job_jnid, contact_jnid";
  return run_on<std::vector<domain::JobContact>>(
      source_, false, [&](sql::Connection& connection) -> Result<std::vector<domain::JobContact>> {
        const auto rows = connection.query(sql, {sql::Value{std::string(jnid)}});
        if (!rows) return fail(rows.error());
        std::vector<domain::JobContact> links;
        for (const auto& row : *rows) links.push_back({row.text(0), row.text(1), row.boolean(2)});
        return links;
      });
}

Result<std::vector<domain::JobContact>> SqlJobContactRepository::list_for_job(
    std::string_view job_jnid) {
  return list_where("job_jnid", job_jnid);
}

Result<std::vector<domain::JobContact>> SqlJobContactRepository::list_for_contact(
    std::string_view contact_jnid) {
  return list_where("contact_jnid", contact_jnid);
}

}  // namespace gep::store
