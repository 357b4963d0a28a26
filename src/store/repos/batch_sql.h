#pragma once
// Multi-row statements for the evaluation tables: evaluate-all writes 100,000 rows, so values go
// several hundred rows per INSERT (within the driver's bind limit) and ids several hundred per
// IN (...) list, in the statement shapes record_table.h keeps few (powers of two).
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/sql/connection.h"

namespace gep::store {

// INSERT INTO table (columns) VALUES (...), (...): `values` holds `rows` rows of columns.size().
Status insert_rows(sql::Connection& connection, std::string_view table,
                   std::span<const std::string_view> columns, std::span<const sql::Value> values,
                   size_t rows);

// Runs `statement(in_list, chunk_params)` for chunks of `ids`; in_list is "?, ?, ...". Answers
// the total of rows changed.
Result<int64_t> for_id_chunks(
    std::span<const int64_t> ids,
    const std::function<Result<int64_t>(const std::string& in_list, std::vector<sql::Value>)>&
        statement);

// Rows of SELECTs over chunks of `ids`, concatenated.
Result<sql::Rows> query_id_chunks(
    sql::Connection& connection, std::span<const int64_t> ids,
    const std::function<std::string(const std::string& in_list)>& sql_for);

// PostgreSQL only: a whole id list as one bigint[] parameter ("{1,2,3}"), used as
// `unnest(CAST(? AS BIGINT[])) AS b(wanted_id)` joined LATERAL (... OFFSET 0) or in UPDATE ...
// FROM: one statement per batch, one statement shape, and one index lookup per id whatever the
// planner's statistics say (an IN list of hundreds of ids plans as a table scan while a freshly
// filled table has none).
std::string postgres_bigint_array(std::span<const int64_t> ids);

// The partial-index condition of the is_latest columns ("q.is_latest = 1" / "q.is_latest"), as a
// literal so both planners match it against their partial unique index.
std::string latest_condition(sql::Dialect dialect, std::string_view alias);

// History tables keep one is_latest row per job. Clears the flag on the latest rows of `job_ids`
// in `table` (before their successors are inserted).
Status demote_latest(sql::Connection& connection, std::string_view table,
                     std::span<const int64_t> job_ids);

// `select` (a "SELECT ..." column list naming the table by `alias`) over the latest rows of
// `job_ids` in `table`, with `joins` after it, ordered by job id: one array statement on
// PostgreSQL, IN-list chunks on SQLite.
Result<sql::Rows> select_latest(sql::Connection& connection, std::string_view select,
                                std::string_view table, std::string_view alias,
                                std::string_view joins, std::span<const int64_t> job_ids);

}  // namespace gep::store
