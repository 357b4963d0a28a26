#include "store/repos/record_search.h"

#include <algorithm>
#include <optional>

#include "store/repos/search_text.h"

namespace gep::store {
namespace {

constexpr int64_t kIdBits = 4294967295;  // the low 32 bits of an index rowid: the row's id

size_t utf8_characters(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// An FTS5 phrase: the text in double quotes, its own quotes doubled; every other character is
// literal, so % and _ mean themselves.
std::string phrase_of(std::string_view q) {
  std::string phrase = "\"";
  for (const char c : q) phrase += c == '"' ? std::string("\"\"") : std::string(1, c);
  return phrase + "\"";
}

// The index rowid of a listing cursor's key: (date_updated or 0) << 32 | id.
int64_t index_rowid_of(const std::vector<sql::Value>& key) {
  const auto* date = std::get_if<int64_t>(&key[0]);
  return ((date != nullptr ? *date : 0) << 32) | std::get<int64_t>(key[1]);
}

// "id IN (the index's matches [below a rowid], newest (or oldest) first, `limit` from `offset`)".
std::string matches_condition(std::string_view index, bool bounded, bool limited,
                              bool oldest_first = false) {
  const std::string name(index);
  return "id IN (SELECT rowid & " + std::to_string(kIdBits) + " FROM " + name + " WHERE " + name +
         " MATCH ?" + (bounded ? " AND rowid < ?" : "") +
         (limited ? std::string(oldest_first ? " ORDER BY rowid ASC" : " ORDER BY rowid DESC") +
                        " LIMIT ? OFFSET ?"
                  : "") +
         ")";
}

struct IndexWindow {
  std::string phrase;
  std::optional<int64_t> below;  // rowid bound, exclusive
  int64_t rows = 0;
  int64_t offset = 0;
  bool oldest_first = false;  // counted from the far end (an offset past the middle)
};

Filter with_window(Filter filter, std::string_view index, const IndexWindow& window) {
  filter.add(matches_condition(index, window.below.has_value(), true, window.oldest_first),
             sql::Value{window.phrase});
  if (window.below) filter.params.emplace_back(*window.below);
  filter.params.emplace_back(window.rows);
  filter.params.emplace_back(window.offset);
  return filter;
}

// The lowest rowid of a window (where the next window starts), or nullopt when it is empty.
Result<std::optional<int64_t>> window_floor(sql::Connection& connection, std::string_view index,
                                            const IndexWindow& window) {
  const std::string name(index);
  std::vector<sql::Value> params{sql::Value{window.phrase}};
  if (window.below) params.emplace_back(*window.below);
  params.emplace_back(window.rows);
  params.emplace_back(window.offset);
  const auto rows =
      connection.query("SELECT MIN(rowid), COUNT(*) FROM (SELECT rowid FROM " + name + " WHERE " +
                           name + " MATCH ?" + (window.below ? " AND rowid < ?" : "") +
                           " ORDER BY rowid DESC LIMIT ? OFFSET ?)",
                       params);
  if (!rows) return fail(rows.error());
  if (rows->empty() || rows->front().integer(1) == 0) return std::optional<int64_t>();
  return std::optional<int64_t>(rows->front().integer(0));
}

Result<int64_t> total_of(sql::Connection& connection, ListTotals& totals, const RecordTable& table,
                         const Filter& filter, std::string_view index, const std::string& phrase,
                         bool only_active) {
  const std::string name(index);
  if (only_active) {  // the index holds exactly the active rows
    const std::vector<sql::Value> params{sql::Value{phrase}};
    return totals.count(connection, {table.name()}, "FROM " + name + " WHERE " + name + " MATCH ?",
                        params);
  }
  Filter counted = filter;
  counted.add(matches_condition(index, false, false), sql::Value{phrase});
  return totals.count(connection, {table.name()},
                      " FROM " + std::string(table.name()) + counted.where(), counted.params);
}

}  // namespace

bool searches_by_index(sql::Dialect dialect, const domain::ListQuery& query) {
  return dialect == sql::Dialect::sqlite && !query.include_deleted && utf8_characters(query.q) >= 3;
}

void add_search_condition(Filter& filter, sql::Dialect dialect, std::string_view q) {
  if (dialect == sql::Dialect::postgres) {
    filter.add("search_text ILIKE ?", sql::Value{like_pattern(q)});  // backslash escapes
  } else {
    filter.add(std::string(kSearchCondition), sql::Value{like_pattern(q)});
  }
}

Result<RowPage> select_indexed_search_page(sql::Connection& connection, ListTotals& totals,
                                           const RecordTable& table, const Filter& filter,
                                           const KeysetOrder& order,
                                           const domain::ListQuery& query) {
  const std::string index = std::string(table.name()) + "_search";
  const bool only_active = query.status.empty();  // the filter is "deleted_at IS NULL" alone
  IndexWindow window{phrase_of(query.q), std::nullopt, 0, 0};
  const auto total = total_of(connection, totals, table, filter, index, window.phrase, only_active);
  if (!total) return fail(total.error());
  if (!query.after.empty()) {
    const auto key = decode_cursor(order, query.after);
    if (!key) return fail(key.error());
    window.below = index_rowid_of(*key);
  }
  if (!only_active && query.offset > 0) {  // an offset into filtered matches: count them out
    Filter matching = filter;
    matching.add(matches_condition(index, false, false), sql::Value{window.phrase});
    auto page = select_keyset_page(connection,
                                   "SELECT " + table.select_list() + order.select_keys() +
                                       " FROM " + std::string(table.name()),
                                   matching, order, "", query.limit, query.offset, *total);
    if (!page) return fail(page.error());
    return RowPage{std::move(page->rows), *total, std::move(page->next_cursor)};
  }
  const int64_t wanted = std::clamp<int64_t>(query.limit, 1, 1000) + 1;
  const std::string select =
      "SELECT " + table.select_list() + order.select_keys() + " FROM " + std::string(table.name());
  const std::string order_by = " ORDER BY " + order.order_by();
  sql::Rows rows;
  // Every match of the index passes an only-active filter: one window is the page. Other
  // filters (status) may drop matches, so windows follow each other until the page is full.
  window.rows = only_active ? wanted : std::max<int64_t>(wanted * 4, 256);
  window.offset = std::max<int64_t>(query.offset, 0);
  if (only_active && window.offset > *total / 2) {  // the index walks as fast from its far end
    const int64_t end = std::min(window.offset + wanted, *total);
    window.oldest_first = true;
    window.rows = std::max<int64_t>(end - window.offset, 0);
    window.offset = *total - end;
  }
  for (;;) {
    const Filter windowed = with_window(filter, index, window);
    auto found = connection.query(select + windowed.where() + order_by, windowed.params);
    if (!found) return fail(found.error());
    rows.insert(rows.end(), std::make_move_iterator(found->begin()),
                std::make_move_iterator(found->end()));
    if (only_active || static_cast<int64_t>(rows.size()) >= wanted) break;
    const auto floor = window_floor(connection, index, window);
    if (!floor) return fail(floor.error());
    if (!floor->has_value()) break;
    window.below = **floor;
    window.offset = 0;
    window.rows *= 4;  // a rare filter: fewer, larger windows
  }
  if (static_cast<int64_t>(rows.size()) > wanted) rows.erase(rows.begin() + wanted, rows.end());
  auto page = keyset_page_of(std::move(rows), order, wanted - 1);
  return RowPage{std::move(page.rows), *total, std::move(page.next_cursor)};
}

}  // namespace gep::store
