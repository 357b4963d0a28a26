#pragma once
// Exact totals of the list endpoints, cheap: a COUNT(*) over 100,000 joined rows costs tens of
// milliseconds, yet its answer changes only when the counted tables are written. Every such write
// moves its table's row in change_counters with its commit (sql::Connection::note_change), and a
// total is cached per filter together with the counters it was computed under. A request reads
// the counters first (one indexed statement) and counts again only when one moved, so a total is
// never older than the last commit it could have seen, also when another instance wrote.
// While a change watch keeps the process's TableVersions live, the counters come from memory
// instead (store/change_watch.h): no round trip, and another instance's write is seen once its
// notification arrives.
#include <initializer_list>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/result.h"
#include "store/sql/connection.h"
#include "store/sql/table_versions.h"

namespace gep::store {

// "jobs=12;risk_snapshots=40;": the change counters of `tables` (a table never written is absent).
Result<std::string> read_change_counters(sql::Connection& connection,
                                         std::initializer_list<std::string_view> tables);

class ListTotals {
 public:
  explicit ListTotals(const sql::TableVersions& versions) : versions_(versions) {}

  // The version token of `tables`: from memory while live (outside a transaction), else read.
  Result<std::string> version(sql::Connection& connection,
                              std::initializer_list<std::string_view> tables) const;

  // SELECT COUNT(*) `count_sql` with `params`; `tables` are every table the count reads.
  Result<int64_t> count(sql::Connection& connection, std::initializer_list<std::string_view> tables,
                        const std::string& count_sql, std::span<const sql::Value> params);

 private:
  struct Cached {
    std::string generations;
    int64_t total = 0;
  };
  // Bounded: free-text filters make new keys without end.
  static constexpr size_t kMaxEntries = 4096;

  const sql::TableVersions& versions_;
  std::mutex mutex_;
  std::unordered_map<std::string, Cached> cached_;
};

}  // namespace gep::store
