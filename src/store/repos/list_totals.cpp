#include "store/repos/list_totals.h"

#include "store/repos/record_table.h"

namespace gep::store {
namespace {

void append_value(std::string& key, const sql::Value& value) {
  key += '\x1f';
  if (const auto* integer = std::get_if<int64_t>(&value)) {
    key += 'i' + std::to_string(*integer);
  } else if (const auto* real = std::get_if<double>(&value)) {
    key += 'd' + std::to_string(*real);
  } else if (const auto* text = std::get_if<std::string>(&value)) {
    key += 's' + *text;
  } else {
    key += 'n';
  }
}

}  // namespace

Result<std::string> read_change_counters(sql::Connection& connection,
                                         std::initializer_list<std::string_view> tables) {
  std::vector<sql::Value> names;
  for (const auto table : tables) names.emplace_back(std::string(table));
  const auto rows =
      connection.query("SELECT table_name, generation FROM change_counters WHERE table_name IN (" +
                           placeholders(names.size()) + ") ORDER BY table_name",
                       names);
  if (!rows) return fail(rows.error());
  std::string generations;
  for (const auto& row : *rows) {
    generations += row.text(0) + '=' + std::to_string(row.integer(1)) + ';';
  }
  return generations;
}

Result<std::string> ListTotals::version(sql::Connection& connection,
                                        std::initializer_list<std::string_view> tables) const {
  // Inside a transaction the counts see its own uncommitted writes, which memory knows nothing
  // of; the counters read there are those the transaction started from, as before.
  if (versions_.live() && !connection.in_transaction()) return versions_.token(tables);
  return read_change_counters(connection, tables);
}

Result<int64_t> ListTotals::count(sql::Connection& connection,
                                  std::initializer_list<std::string_view> tables,
                                  const std::string& count_sql,
                                  std::span<const sql::Value> params) {
  // Read before counting: a commit in between leaves a count newer than its counters, which
  // the next request replaces; never the other way round.
  const auto generations = version(connection, tables);
  if (!generations) return fail(generations.error());
  std::string key = count_sql;
  for (const auto& value : params) append_value(key, value);
  {
    const std::scoped_lock lock(mutex_);
    if (const auto found = cached_.find(key);
        found != cached_.end() && found->second.generations == *generations) {
      return found->second.total;
    }
  }
  const auto counted = connection.query("SELECT COUNT(*) " + count_sql, params);
  if (!counted) return fail(counted.error());
  const int64_t total = counted->empty() ? 0 : counted->front().integer(0);
  const std::scoped_lock lock(mutex_);
  if (cached_.size() >= kMaxEntries) cached_.clear();
  cached_[key] = Cached{*generations, total};
  return total;
}

}  // namespace gep::store
