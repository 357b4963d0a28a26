#pragma once
// The part of every record repository that does not depend on the record type, written once:
// Traits supplies the table, how a record becomes values and how a row becomes a record.
//   struct Traits {
//     using Record = ...;
//     static const RecordTable& table();
//     static void append_content(const Record&, std::vector<sql::Value>&);  // content columns
//     static std::string search_text(const Record&);  // when the table has one
//     static Record from_row(const sql::Row&);  // in RecordTable::select_list() order
//   };
#include <string>
#include <unordered_map>

#include "domain/repositories.h"
#include "store/repos/connection_source.h"
#include "store/repos/record_table.h"

namespace gep::store {

template <class Interface, class Traits>
class SqlRecordRepository : public Interface {
 public:
  using Record = typename Traits::Record;

  explicit SqlRecordRepository(ConnectionSource& source) : source_(source) {}

  Result<domain::UpsertCounts> upsert_batch(std::span<const Record> records) override {
    if (records.empty()) return domain::UpsertCounts{};
    // Later duplicates win; PostgreSQL refuses to touch one row twice in a statement anyway.
    std::unordered_map<std::string_view, size_t> last;
    last.reserve(records.size());
    for (size_t i = 0; i < records.size(); ++i) {
      if (records[i].jnid.empty()) {
        return fail("validation",
                    std::string(table().name()) + ": record " + std::to_string(i) + " has no jnid");
      }
      last[records[i].jnid] = i;
    }
    const int64_t now = source_.now();
    std::vector<sql::Value> values;
    values.reserve(last.size() * table().row_width());
    for (size_t i = 0; i < records.size(); ++i) {
      const Record& record = records[i];
      if (last[record.jnid] != i) continue;
      Traits::append_content(record, values);
      if (table().has_search_text()) values.emplace_back(Traits::search_text(record));
      values.push_back(record.is_active ? sql::null_value() : sql::Value{now});
      values.emplace_back(now);
      values.emplace_back(now);
    }
    const size_t rows = last.size();
    auto counts = run_on<domain::UpsertCounts>(source_, true, [&](sql::Connection& connection) {
      return upsert_rows(connection, table(), values, rows);
    });
    if (counts) counts->unchanged += static_cast<int64_t>(records.size() - rows);
    return counts;
  }

  Result<std::optional<Record>> find_by_id(int64_t id) override {
    return find_one("id = ?", sql::Value{id});
  }

  Result<std::optional<Record>> find_by_jnid(std::string_view jnid) override {
    return find_one("jnid = ?", sql::Value{std::string(jnid)});
  }

  Result<std::vector<Record>> find_by_jnids(std::span<const std::string> jnids) override {
    return run_on<std::vector<Record>>(source_, false, [&](sql::Connection& connection) {
      return to_records(select_by_jnids(connection, table(), jnids));
    });
  }

  Result<std::vector<std::string>> list_jnids(domain::Presence presence) override {
    return run_on<std::vector<std::string>>(source_, false, [&](sql::Connection& connection) {
      return store::list_jnids(connection, table(), presence);
    });
  }

  Result<int64_t> count(domain::Presence presence) override {
    return run_on<int64_t>(source_, false, [&](sql::Connection& connection) {
      return store::count_records(connection, table(), presence);
    });
  }

  Result<int64_t> mark_deleted(std::span<const std::string> jnids, int64_t deleted_at) override {
    return run_on<int64_t>(source_, true, [&](sql::Connection& connection) {
      return store::mark_deleted(connection, table(), jnids, deleted_at, source_.now());
    });
  }

  Result<int64_t> undelete(std::span<const std::string> jnids) override {
    return run_on<int64_t>(source_, true, [&](sql::Connection& connection) {
      return store::undelete(connection, table(), jnids, source_.now());
    });
  }

  Result<domain::PresenceChanges> reconcile_presence(const domain::IdChunkSource& next_chunk,
                                                     int64_t deleted_at) override {
    // Not atomic as a whole: the listing may take minutes and must not hold a write
    // transaction; the final diff runs in one of its own.
    return run_on<domain::PresenceChanges>(source_, false, [&](sql::Connection& connection) {
      return store::reconcile_presence(connection, table(), next_chunk, deleted_at, source_.now());
    });
  }

 protected:
  static const RecordTable& table() { return Traits::table(); }

  static std::vector<Record> records_of(const sql::Rows& rows) {
    std::vector<Record> records;
    records.reserve(rows.size());
    for (const auto& row : rows) records.push_back(Traits::from_row(row));
    return records;
  }

  static Result<std::vector<Record>> to_records(const Result<sql::Rows>& rows) {
    if (!rows) return fail(rows.error());
    return records_of(*rows);
  }

  Result<std::optional<Record>> find_one(std::string_view condition, sql::Value value) {
    const std::string sql = "SELECT " + table().select_list() + " FROM " +
                            std::string(table().name()) + " WHERE " + std::string(condition);
    return run_on<std::optional<Record>>(
        source_, false, [&](sql::Connection& connection) -> Result<std::optional<Record>> {
          const auto rows = connection.query(sql, {value});
          if (!rows) return fail(rows.error());
          if (rows->empty()) return std::optional<Record>();
          return std::optional<Record>(Traits::from_row(rows->front()));
        });
  }

  // Records matching `filter`, in `order_by` order, without paging.
  Result<std::vector<Record>> find_all(const Filter& filter, std::string_view order_by) {
    const std::string sql = "SELECT " + table().select_list() + " FROM " +
                            std::string(table().name()) + filter.where() + " ORDER BY " +
                            std::string(order_by);
    return run_on<std::vector<Record>>(source_, false, [&](sql::Connection& connection) {
      return to_records(connection.query(sql, filter.params));
    });
  }

  Result<domain::Page<Record>> find_page(const Filter& filter, const domain::ListQuery& query) {
    return run_on<domain::Page<Record>>(
        source_, false, [&](sql::Connection& connection) -> Result<domain::Page<Record>> {
          const auto page = select_page(connection, source_.totals(), table(), filter, query);
          if (!page) return fail(page.error());
          return domain::Page<Record>{records_of(page->rows), page->total, page->next_cursor};
        });
  }

  ConnectionSource& source_;
};

}  // namespace gep::store
