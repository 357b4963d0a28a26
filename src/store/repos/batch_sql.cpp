#include "store/repos/batch_sql.h"

#include <algorithm>

#include "store/repos/record_table.h"

namespace gep::store {
namespace {

constexpr size_t kMaxRowsPerInsert = 512;

std::string join_columns(std::span<const std::string_view> columns) {
  std::string out;
  for (const std::string_view column : columns) {
    if (!out.empty()) out += ", ";
    out += column;
  }
  return out;
}

}  // namespace

Status insert_rows(sql::Connection& connection, std::string_view table,
                   std::span<const std::string_view> columns, std::span<const sql::Value> values,
                   size_t rows) {
  const size_t width = columns.size();
  if (width == 0 || values.size() != rows * width) {
    return fail("internal", "insert_rows: values do not fill whole rows");
  }
  const std::string head =
      "INSERT INTO " + std::string(table) + " (" + join_columns(columns) + ") VALUES ";
  const std::string row = "(" + placeholders(width) + ")";
  const size_t cap =
      std::max<size_t>(1, std::min(kMaxRowsPerInsert, connection.max_parameters() / width));
  for (size_t start = 0, count = 0; start < rows; start += count) {
    count = next_statement_rows(rows - start, cap);
    std::string sql = head;
    sql.reserve(head.size() + count * (row.size() + 2));
    for (size_t i = 0; i < count; ++i) {
      if (i > 0) sql += ", ";
      sql += row;
    }
    const auto inserted = connection.execute(sql, values.subspan(start * width, count * width));
    if (!inserted) return fail(inserted.error());
  }
  return {};
}

Result<int64_t> for_id_chunks(
    std::span<const int64_t> ids,
    const std::function<Result<int64_t>(const std::string& in_list, std::vector<sql::Value>)>&
        statement) {
  int64_t total = 0;
  for (size_t start = 0, count = 0; start < ids.size(); start += count) {
    count = next_statement_rows(ids.size() - start, kIdsPerStatement);
    std::vector<sql::Value> params;
    params.reserve(count);
    for (const int64_t id : ids.subspan(start, count)) params.emplace_back(id);
    const auto changed = statement(placeholders(count), std::move(params));
    if (!changed) return fail(changed.error());
    total += *changed;
  }
  return total;
}

Result<sql::Rows> query_id_chunks(
    sql::Connection& connection, std::span<const int64_t> ids,
    const std::function<std::string(const std::string& in_list)>& sql_for) {
  sql::Rows all;
  for (size_t start = 0, count = 0; start < ids.size(); start += count) {
    count = next_statement_rows(ids.size() - start, kIdsPerStatement);
    std::vector<sql::Value> params;
    params.reserve(count);
    for (const int64_t id : ids.subspan(start, count)) params.emplace_back(id);
    auto rows = connection.query(sql_for(placeholders(count)), params);
    if (!rows) return fail(rows.error());
    std::move(rows->begin(), rows->end(), std::back_inserter(all));
  }
  return all;
}

std::string postgres_bigint_array(std::span<const int64_t> ids) {
  std::string out = "{";
  out.reserve(ids.size() * 8 + 2);
  for (const int64_t id : ids) {
    if (out.size() > 1) out += ',';
    out += std::to_string(id);
  }
  out += '}';
  return out;
}

std::string latest_condition(sql::Dialect dialect, std::string_view alias) {
  const std::string column = alias.empty() ? "is_latest" : std::string(alias) + ".is_latest";
  return dialect == sql::Dialect::postgres ? column : column + " = 1";
}

Status demote_latest(sql::Connection& connection, std::string_view table,
                     std::span<const int64_t> job_ids) {
  const std::string name(table);
  if (connection.dialect() == sql::Dialect::postgres) {
    const auto demoted = connection.execute(
        "UPDATE " + name + " SET is_latest = FALSE FROM unnest(CAST(? AS BIGINT[])) AS " +
            "b(wanted_id) WHERE " + name + ".job_id = b.wanted_id AND " + name + ".is_latest",
        {sql::Value{postgres_bigint_array(job_ids)}});
    if (!demoted) return fail(demoted.error());
    return {};
  }
  const std::string demote = "UPDATE " + name + " SET is_latest = ? WHERE " +
                             latest_condition(connection.dialect(), "") + " AND job_id IN (";
  const auto demoted =
      for_id_chunks(job_ids, [&](const std::string& in_list, std::vector<sql::Value> params) {
        params.insert(params.begin(), sql::boolean_value(false));
        return connection.execute(demote + in_list + ")", params);
      });
  if (!demoted) return fail(demoted.error());
  return {};
}

Result<sql::Rows> select_latest(sql::Connection& connection, std::string_view select,
                                std::string_view table, std::string_view alias,
                                std::string_view joins, std::span<const int64_t> job_ids) {
  const std::string head(select);
  const std::string name(table);
  const std::string as(alias);
  const std::string then = joins.empty() ? std::string() : " " + std::string(joins);
  if (connection.dialect() == sql::Dialect::postgres) {
    // OFFSET 0 keeps the subquery apart, so each id is one index lookup.
    return connection.query(head +
                                " FROM unnest(CAST(? AS BIGINT[])) AS b(wanted_id) CROSS JOIN "
                                "LATERAL (SELECT * FROM " +
                                name + " WHERE job_id = b.wanted_id AND is_latest OFFSET 0) AS " +
                                as + then + " ORDER BY " + as + ".job_id",
                            {sql::Value{postgres_bigint_array(job_ids)}});
  }
  const std::string prefix = head + " FROM " + name + " " + as + then + " WHERE " +
                             latest_condition(connection.dialect(), as) + " AND " + as +
                             ".job_id IN (";
  return query_id_chunks(connection, job_ids, [&](const std::string& in_list) {
    return prefix + in_list + ") ORDER BY " + as + ".job_id";
  });
}

}  // namespace gep::store
