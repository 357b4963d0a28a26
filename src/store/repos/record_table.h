#pragma once
// SQL shared by every mirrored record table (jobs, contacts, files, activities): batched upsert
// by jnid, soft delete, id listings and lookups. Tables share one layout:
//   id, <content columns: jnid first, raw_json among them>, [search_text], deleted_at,
//   created_at, updated_at, revision, <extra read-only columns>
// Content columns are what the sync writes and what "unchanged" compares.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/paging.h"
#include "domain/repositories.h"
#include "store/repos/list_totals.h"
#include "store/sql/connection.h"

namespace gep::store {

class RecordTable {
 public:
  RecordTable(std::string_view name, std::vector<std::string_view> content, bool has_search_text,
              std::vector<std::string_view> extra = {});

  std::string_view name() const { return name_; }
  size_t content_width() const { return content_.size(); }
  // Values per row of upsert_rows: content, [search_text], deleted_at, created_at, updated_at.
  size_t row_width() const { return content_.size() + (has_search_text_ ? 1 : 0) + 3; }
  bool has_search_text() const { return has_search_text_; }
  // id, content, deleted_at, created_at, updated_at, extra: the order records are read in.
  const std::string& select_list() const { return select_list_; }

  std::string upsert_sql(size_t rows, sql::Dialect dialect) const;

 private:
  std::string name_;
  std::vector<std::string_view> content_;
  bool has_search_text_;
  std::string select_list_;
  std::string insert_columns_;
  std::string update_clause_;
};

// Upserts `row_count` rows laid out as row_width() values each, several hundred per statement
// (within the driver's bind-parameter limit). Run it inside a transaction.
Result<domain::UpsertCounts> upsert_rows(sql::Connection& connection, const RecordTable& table,
                                         std::span<const sql::Value> values, size_t row_count);

Result<int64_t> mark_deleted(sql::Connection& connection, const RecordTable& table,
                             std::span<const std::string> jnids, int64_t deleted_at, int64_t now);
Result<int64_t> undelete(sql::Connection& connection, const RecordTable& table,
                         std::span<const std::string> jnids, int64_t now);
// RecordRepository::reconcile_presence: the listed ids go into a temporary table a chunk at a
// time, then one SELECT (the ids the table lacks) and two UPDATEs diff it against the table in one
// transaction.
Result<domain::PresenceChanges> reconcile_presence(sql::Connection& connection,
                                                   const RecordTable& table,
                                                   const domain::IdChunkSource& next_chunk,
                                                   int64_t deleted_at, int64_t now);
// Sorted bytewise (not by the server's collation), the same on both backends.
Result<int64_t> count_records(sql::Connection& connection, const RecordTable& table,
                              domain::Presence presence);
Result<std::vector<std::string>> list_jnids(sql::Connection& connection, const RecordTable& table,
                                            domain::Presence presence);
Result<sql::Rows> select_by_jnids(sql::Connection& connection, const RecordTable& table,
                                  std::span<const std::string> jnids);

// A WHERE clause under construction: conditions joined by AND, values bound in order.
struct Filter {
  std::vector<std::string> conditions;
  std::vector<sql::Value> params;

  void add(std::string condition) { conditions.push_back(std::move(condition)); }
  void add(std::string condition, sql::Value value) {
    conditions.push_back(std::move(condition));
    params.push_back(std::move(value));
  }
  std::string where() const;  // "" or " WHERE a AND b"
};

struct RowPage {
  sql::Rows rows;
  int64_t total = 0;
  std::string next_cursor;
};

// A page of a record table in its listing order (JobNimbus date_updated, newest first, ties by
// id), with the filter's total (cached: store/repos/list_totals.h) and the next page's cursor.
// `filter` holds the query's conditions but q, which is matched here (store/repos/record_search.h).
Result<RowPage> select_page(sql::Connection& connection, ListTotals& totals,
                            const RecordTable& table, const Filter& filter,
                            const domain::ListQuery& query);

// Most ids bound in one IN (...) list.
inline constexpr size_t kIdsPerStatement = 512;

// Rows (or ids) for the next statement: the largest power of two within both `remaining` and
// `cap`. Every connection caches its prepared statements, and a several-hundred-row upsert is a
// large one: powers of two keep the shapes per table to about ten instead of one per remainder.
size_t next_statement_rows(size_t remaining, size_t cap);
// "?, ?, ?" with `count` placeholders.
std::string placeholders(size_t count);

}  // namespace gep::store
