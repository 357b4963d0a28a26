#include "store/repos/record_table.h"

#include "store/repos/keyset.h"
#include "store/repos/record_search.h"

#include <algorithm>
#include <bit>

namespace gep::store {
namespace {

// Several hundred rows per statement is where the per-statement cost stops mattering: 100 to
// 1000 rows measured the same (tests/store/upsert_rate); bigger statements only cost memory.
constexpr size_t kMaxRowsPerStatement = 512;

std::string join(const std::vector<std::string_view>& parts, std::string_view separator) {
  std::string out;
  for (const auto part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

std::vector<sql::Value> as_values(std::span<const std::string> texts) {
  return std::vector<sql::Value>(texts.begin(), texts.end());
}

// Runs `statement(ids_chunk)` over `jnids` in chunks; answers the summed row counts.
template <class Statement>
Result<int64_t> for_each_chunk(std::span<const std::string> jnids, Statement&& statement) {
  int64_t changed = 0;
  for (size_t start = 0; start < jnids.size();) {
    const auto chunk =
        jnids.subspan(start, next_statement_rows(jnids.size() - start, kIdsPerStatement));
    const auto done = statement(chunk);
    if (!done) return fail(done.error());
    changed += *done;
    start += chunk.size();
  }
  return changed;
}

}  // namespace

size_t next_statement_rows(size_t remaining, size_t cap) {
  const size_t limit = std::min(remaining, cap);
  return limit == 0 ? 0 : std::bit_floor(limit);
}

std::string placeholders(size_t count) {
  std::string out;
  out.reserve(count * 3);
  for (size_t i = 0; i < count; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

std::string Filter::where() const {
  if (conditions.empty()) return {};
  std::string out = " WHERE ";
  for (size_t i = 0; i < conditions.size(); ++i) {
    if (i > 0) out += " AND ";
    out += conditions[i];
  }
  return out;
}

RecordTable::RecordTable(std::string_view name, std::vector<std::string_view> content,
                         bool has_search_text, std::vector<std::string_view> extra)
    : name_(name), content_(std::move(content)), has_search_text_(has_search_text) {
  select_list_ = "id, " + join(content_, ", ") + ", deleted_at, created_at, updated_at";
  if (!extra.empty()) select_list_ += ", " + join(extra, ", ");

  std::vector<std::string_view> inserted = content_;
  if (has_search_text_) inserted.emplace_back("search_text");
  for (const std::string_view bookkeeping : {"deleted_at", "created_at", "updated_at"}) {
    inserted.push_back(bookkeeping);
  }
  insert_columns_ = join(inserted, ", ");

  for (size_t i = 1; i < content_.size(); ++i) {  // content_[0] is the conflict key, jnid
    update_clause_ += std::string(content_[i]) + " = excluded." + std::string(content_[i]) + ", ";
  }
  if (has_search_text_) update_clause_ += "search_text = excluded.search_text, ";
  // An upsert undeletes a record that reappears; an inactive one keeps its first deleted_at.
  update_clause_ += "deleted_at = CASE WHEN excluded.deleted_at IS NULL THEN NULL ELSE COALESCE(" +
                    name_ +
                    ".deleted_at, excluded.deleted_at) END, updated_at = excluded.updated_at, " +
                    "revision = " + name_ + ".revision + 1";
}

std::string RecordTable::upsert_sql(size_t rows, sql::Dialect dialect) const {
  const std::string row = "(" + placeholders(row_width()) + ")";
  std::string sql = "INSERT INTO " + name_ + " (" + insert_columns_ + ") VALUES ";
  sql.reserve(sql.size() + rows * (row.size() + 2) + 2048);
  for (size_t i = 0; i < rows; ++i) {
    if (i > 0) sql += ", ";
    sql += row;
  }
  sql += " ON CONFLICT (jnid) DO UPDATE SET " + update_clause_ + " WHERE ";
  // Older never overwrites newer: a page fetched before a webhook's re-fetch but stored after it
  // leaves the re-fetched row (a copy with no date is taken as it comes).
  const std::string stored_date = name_ + ".jn_date_updated";
  sql += "(" + stored_date + " IS NULL OR excluded.jn_date_updated IS NULL OR " + stored_date +
         " <= excluded.jn_date_updated) AND (";
  // Only rows whose content or deleted state differ are written (and returned).
  const std::string_view distinct =
      dialect == sql::Dialect::postgres ? " IS DISTINCT FROM " : " IS NOT ";
  for (size_t i = 1; i < content_.size(); ++i) {
    sql += name_ + "." + std::string(content_[i]) + std::string(distinct) + "excluded." +
           std::string(content_[i]) + " OR ";
  }
  sql += "(" + name_ +
         ".deleted_at IS NULL) <> (excluded.deleted_at IS NULL)) RETURNING revision, jnid";
  return sql;
}

Result<domain::UpsertCounts> upsert_rows(sql::Connection& connection, const RecordTable& table,
                                         std::span<const sql::Value> values, size_t row_count) {
  const size_t width = table.row_width();
  if (values.size() != row_count * width) {
    return fail("internal", "upsert into " + std::string(table.name()) + ": " +
                                std::to_string(values.size()) + " values for " +
                                std::to_string(row_count) + " rows of " + std::to_string(width));
  }
  const size_t cap =
      std::max<size_t>(1, std::min(kMaxRowsPerStatement, connection.max_parameters() / width));
  domain::UpsertCounts counts;
  for (size_t start = 0, rows = 0; start < row_count; start += rows) {
    rows = next_statement_rows(row_count - start, cap);
    const auto written = connection.query(table.upsert_sql(rows, connection.dialect()),
                                          values.subspan(start * width, rows * width));
    if (!written) return fail(written.error());
    for (const auto& row : *written) {
      if (row.integer(0) == 1) {
        ++counts.created;
        counts.created_jnids.push_back(row.text(1));
      } else {
        ++counts.updated;
        counts.updated_jnids.push_back(row.text(1));
      }
    }
    counts.unchanged += static_cast<int64_t>(rows - written->size());
  }
  if (counts.created + counts.updated > 0) {
    if (const Status noted = connection.note_change(table.name()); !noted) {
      return fail(noted.error());
    }
  }
  return counts;
}

namespace {

// The rows a statement changed, with the table's change noted when there were any.
Result<int64_t> noting_change(sql::Connection& connection, const RecordTable& table,
                              Result<int64_t> changed) {
  if (!changed || *changed == 0) return changed;
  if (const Status noted = connection.note_change(table.name()); !noted) {
    return fail(noted.error());
  }
  return changed;
}

}  // namespace

Result<int64_t> mark_deleted(sql::Connection& connection, const RecordTable& table,
                             std::span<const std::string> jnids, int64_t deleted_at, int64_t now) {
  return noting_change(connection, table,
                       for_each_chunk(jnids, [&](std::span<const std::string> chunk) {
                         std::vector<sql::Value> params{sql::Value{deleted_at}, sql::Value{now}};
                         for (const auto& jnid : chunk) params.emplace_back(jnid);
                         return connection.execute(
                             "UPDATE " + std::string(table.name()) +
                                 " SET deleted_at = ?, updated_at = ? WHERE deleted_at IS NULL "
                                 "AND jnid IN (" +
                                 placeholders(chunk.size()) + ")",
                             params);
                       }));
}

Result<int64_t> undelete(sql::Connection& connection, const RecordTable& table,
                         std::span<const std::string> jnids, int64_t now) {
  return noting_change(connection, table,
                       for_each_chunk(jnids, [&](std::span<const std::string> chunk) {
                         std::vector<sql::Value> params{sql::Value{now}};
                         for (const auto& jnid : chunk) params.emplace_back(jnid);
                         return connection.execute(
                             "UPDATE " + std::string(table.name()) +
                                 " SET deleted_at = NULL, updated_at = ? WHERE deleted_at IS NOT "
                                 "NULL AND jnid IN (" +
                                 placeholders(chunk.size()) + ")",
                             params);
                       }));
}

namespace {

// Per connection (temporary tables are), created once and emptied before and after each use.
constexpr std::string_view kPresentIds = "gep_present_ids";

Status stage_present_ids(sql::Connection& connection, std::span<const std::string> jnids) {
  const auto done = for_each_chunk(jnids, [&](std::span<const std::string> chunk) {
    std::string sql = "INSERT INTO " + std::string(kPresentIds) + " (jnid) VALUES ";
    for (size_t i = 0; i < chunk.size(); ++i) sql += i == 0 ? "(?)" : ", (?)";
    sql += " ON CONFLICT (jnid) DO NOTHING";
    return connection.execute(sql, as_values(chunk));
  });
  if (!done) return fail(done.error());
  return {};
}

Result<domain::PresenceChanges> apply_presence(sql::Connection& connection,
                                               const RecordTable& table, int64_t deleted_at,
                                               int64_t now) {
  const std::string name(table.name());
  const std::string present(kPresentIds);
  domain::PresenceChanges changes;
  // `deleted_at` is also when the id listing began: a row written since (a webhook's re-fetch)
  // may be newer than the listing, so it is left for the next run to judge.
  const auto missing = connection.query(
      "SELECT p.jnid FROM " + present + " p LEFT JOIN " + name + " t ON t.jnid = p.jnid " +
          "WHERE t.jnid IS NULL OR (t.deleted_at IS NOT NULL AND t.updated_at < ?)",
      {sql::Value{deleted_at}});
  if (!missing) return fail(missing.error());
  changes.missing.reserve(missing->size());
  for (const auto& row : *missing) changes.missing.push_back(row.text(0));
  std::sort(changes.missing.begin(), changes.missing.end());
  const auto undeleted = connection.execute(
      "UPDATE " + name +
          " SET deleted_at = NULL, updated_at = ? WHERE deleted_at IS NOT NULL AND updated_at < ? "
          "AND jnid IN (SELECT jnid FROM " +
          present + ")",
      {sql::Value{now}, sql::Value{deleted_at}});
  if (!undeleted) return fail(undeleted.error());
  changes.undeleted = *undeleted;
  const auto deleted = connection.execute(
      "UPDATE " + name + " SET deleted_at = ?, updated_at = ? WHERE deleted_at IS NULL AND " +
          "updated_at < ? AND NOT EXISTS (SELECT 1 FROM " + present + " WHERE " + present +
          ".jnid = " + name + ".jnid)",
      {sql::Value{deleted_at}, sql::Value{now}, sql::Value{deleted_at}});
  if (!deleted) return fail(deleted.error());
  changes.deleted = *deleted;
  if (changes.deleted + changes.undeleted > 0) {
    if (const Status noted = connection.note_change(name); !noted) return fail(noted.error());
  }
  return changes;
}

Result<domain::PresenceChanges> diff_present_ids(sql::Connection& connection,
                                                 const RecordTable& table,
                                                 const domain::IdChunkSource& next_chunk,
                                                 int64_t deleted_at, int64_t now) {
  while (true) {
    auto chunk = next_chunk();
    if (!chunk) return fail(chunk.error());  // an incomplete listing changes nothing
    if (!chunk->has_value()) break;
    if (const Status staged = stage_present_ids(connection, **chunk); !staged)
      return fail(staged.error());
  }
  if (connection.dialect() == sql::Dialect::postgres) {
    // Temporary tables get no statistics otherwise, and the anti-join plan depends on its size.
    if (auto analyzed = connection.execute("ANALYZE " + std::string(kPresentIds)); !analyzed)
      return fail(analyzed.error());
  }
  if (connection.in_transaction()) return apply_presence(connection, table, deleted_at, now);
  auto transaction = sql::Transaction::begin(connection);
  if (!transaction) return fail(transaction.error());
  auto changes = apply_presence(connection, table, deleted_at, now);
  if (!changes) return changes;
  if (const Status committed = transaction->commit(); !committed) return fail(committed.error());
  return changes;
}

}  // namespace

Result<domain::PresenceChanges> reconcile_presence(sql::Connection& connection,
                                                   const RecordTable& table,
                                                   const domain::IdChunkSource& next_chunk,
                                                   int64_t deleted_at, int64_t now) {
  const std::string empty = "DELETE FROM " + std::string(kPresentIds);
  const auto created = connection.execute("CREATE TEMPORARY TABLE IF NOT EXISTS " +
                                          std::string(kPresentIds) + " (jnid TEXT PRIMARY KEY)");
  if (!created) return fail(created.error());
  if (auto emptied = connection.execute(empty); !emptied) return fail(emptied.error());
  auto changes = diff_present_ids(connection, table, next_chunk, deleted_at, now);
  if (!connection.in_transaction() || changes) (void)connection.execute(empty);
  return changes;
}

Result<int64_t> count_records(sql::Connection& connection, const RecordTable& table,
                              domain::Presence presence) {
  std::string sql = "SELECT count(*) FROM " + std::string(table.name());
  if (presence == domain::Presence::active) sql += " WHERE deleted_at IS NULL";
  if (presence == domain::Presence::deleted) sql += " WHERE deleted_at IS NOT NULL";
  const auto rows = connection.query(sql);
  if (!rows) return fail(rows.error());
  return rows->empty() ? 0 : rows->front().integer(0);
}

Result<std::vector<std::string>> list_jnids(sql::Connection& connection, const RecordTable& table,
                                            domain::Presence presence) {
  std::string sql = "SELECT jnid FROM " + std::string(table.name());
  if (presence == domain::Presence::active) sql += " WHERE deleted_at IS NULL";
  if (presence == domain::Presence::deleted) sql += " WHERE deleted_at IS NOT NULL";
  const auto rows = connection.query(sql);
  if (!rows) return fail(rows.error());
  std::vector<std::string> jnids;
  jnids.reserve(rows->size());
  for (const auto& row : *rows) jnids.push_back(row.text(0));
  std::sort(jnids.begin(), jnids.end());
  return jnids;
}

Result<sql::Rows> select_by_jnids(sql::Connection& connection, const RecordTable& table,
                                  std::span<const std::string> jnids) {
  sql::Rows all;
  for (size_t start = 0, count = 0; start < jnids.size(); start += count) {
    count = next_statement_rows(jnids.size() - start, kIdsPerStatement);
    const auto chunk = jnids.subspan(start, count);
    auto found =
        connection.query("SELECT " + table.select_list() + " FROM " + std::string(table.name()) +
                             " WHERE jnid IN (" + placeholders(chunk.size()) + ")",
                         as_values(chunk));
    if (!found) return fail(found.error());
    all.insert(all.end(), std::make_move_iterator(found->begin()),
               std::make_move_iterator(found->end()));
  }
  return all;
}

const KeysetOrder& listing_order(const RecordTable& table) {
  // Tags per table, so a jobs cursor is refused by the contacts list.
  static const KeysetOrder kJobs{"jobs.updated-", {{"jn_date_updated"}, {"id"}}, true, true};
  static const KeysetOrder kContacts{
      "contacts.updated-", {{"jn_date_updated"}, {"id"}}, true, true};
  return table.name() == "contacts" ? kContacts : kJobs;
}

Result<RowPage> select_page(sql::Connection& connection, ListTotals& totals,
                            const RecordTable& table, const Filter& filter,
                            const domain::ListQuery& query) {
  const KeysetOrder& order = listing_order(table);
  if (!query.q.empty() && searches_by_index(connection.dialect(), query)) {
    return select_indexed_search_page(connection, totals, table, filter, order, query);
  }
  Filter matching = filter;
  if (!query.q.empty()) add_search_condition(matching, connection.dialect(), query.q);
  const std::string from = " FROM " + std::string(table.name());
  const auto total =
      totals.count(connection, {table.name()}, from + matching.where(), matching.params);
  if (!total) return fail(total.error());
  auto page =
      select_keyset_page(connection, "SELECT " + table.select_list() + order.select_keys() + from,
                         matching, order, query.after, query.limit, query.offset, *total);
  if (!page) return fail(page.error());
  return RowPage{std::move(page->rows), *total, std::move(page->next_cursor)};
}

}  // namespace gep::store
