#include "store/repos/keyset.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/digest.h"
#include "core/json_input.h"

namespace gep::store {
namespace {

Error bad_cursor() {
  return Error{"validation", "after is not a cursor of this list and order"};
}

// "(a, b) < (?, ?)" over the columns from `first` on.
std::string seek_condition(const KeysetOrder& order, size_t first) {
  std::string columns;
  std::string marks;
  for (size_t i = first; i < order.columns.size(); ++i) {
    columns += (columns.empty() ? "" : ", ") + std::string(order.columns[i].expression);
    marks += marks.empty() ? "?" : ", ?";
  }
  const char* comparison = order.descending ? " < " : " > ";
  if (order.columns.size() - first == 1) return columns + comparison + marks;
  return "(" + columns + ")" + comparison + "(" + marks + ")";
}

std::vector<sql::Value> key_of(const sql::Row& row, const KeysetOrder& order) {
  std::vector<sql::Value> key;
  const size_t first = row.size() - order.columns.size();
  for (size_t i = 0; i < order.columns.size(); ++i) {
    const size_t column = first + i;
    if (row.is_null(column)) {
      key.emplace_back();
    } else if (order.columns[i].is_text) {
      key.emplace_back(row.text(column));
    } else {
      key.emplace_back(row.integer(column));
    }
  }
  return key;
}

Result<sql::Rows> run_page(sql::Connection& connection, std::string_view select, Filter filter,
                           const std::string& order_by, int64_t rows, int64_t offset) {
  filter.params.emplace_back(rows);
  filter.params.emplace_back(offset);
  return connection.query(
      std::string(select) + filter.where() + " ORDER BY " + order_by + " LIMIT ? OFFSET ?",
      filter.params);
}

// The rows after `key`: with a nullable first column whose cursor value is not NULL, the rows
// past it with a value come first, then those without (NULLs last), each seek on the index.
Result<sql::Rows> rows_after(sql::Connection& connection, std::string_view select,
                             const Filter& filter, const KeysetOrder& order,
                             const std::vector<sql::Value>& key, int64_t rows) {
  const bool null_phase = order.first_nullable && std::holds_alternative<std::monostate>(key[0]);
  Filter seek = filter;
  if (null_phase) {
    seek.add(std::string(order.columns[0].expression) + " IS NULL");
    seek.add(seek_condition(order, 1));
    seek.params.insert(seek.params.end(), key.begin() + 1, key.end());
    return run_page(connection, select, std::move(seek), order.order_by(), rows, 0);
  }
  seek.add(seek_condition(order, 0));
  seek.params.insert(seek.params.end(), key.begin(), key.end());
  auto found = run_page(connection, select, std::move(seek), order.order_by(), rows, 0);
  if (!found || !order.first_nullable || static_cast<int64_t>(found->size()) >= rows) {
    return found;
  }
  Filter nulls = filter;
  nulls.add(std::string(order.columns[0].expression) + " IS NULL");
  auto tail = run_page(connection, select, std::move(nulls), order.order_by(),
                       rows - static_cast<int64_t>(found->size()), 0);
  if (!tail) return fail(tail.error());
  found->insert(found->end(), std::make_move_iterator(tail->begin()),
                std::make_move_iterator(tail->end()));
  return found;
}

}  // namespace

std::string KeysetOrder::order_by(bool reversed) const {
  const bool down = descending != reversed;
  std::string out;
  for (size_t i = 0; i < columns.size(); ++i) {
    out += (i == 0 ? "" : ", ") + std::string(columns[i].expression) + (down ? " DESC" : " ASC");
    // NULLs stay after the dated rows in the order, so reading it backwards meets them first.
    if (i == 0 && first_nullable) out += reversed ? " NULLS FIRST" : " NULLS LAST";
  }
  return out;
}

std::string KeysetOrder::select_keys() const {
  std::string out;
  for (const auto& column : columns) out += ", " + std::string(column.expression);
  return out;
}

namespace {

// Rows [offset, offset + rows) of the order, read from its far end when that is nearer: an
// index walks as fast backwards, so the last page of an OFFSET listing costs what the first does.
Result<sql::Rows> rows_from_nearer_end(sql::Connection& connection, std::string_view select,
                                       const Filter& filter, const KeysetOrder& order, int64_t rows,
                                       int64_t offset, int64_t total) {
  if (offset <= total / 2)
    return run_page(connection, select, filter, order.order_by(), rows, offset);
  const int64_t end = std::min(offset + rows, total);  // one past the last row wanted
  if (end <= offset) return sql::Rows{};
  auto found =
      run_page(connection, select, filter, order.order_by(true), end - offset, total - end);
  if (found) std::reverse(found->begin(), found->end());
  return found;
}

}  // namespace

Result<KeysetPage> select_keyset_page(sql::Connection& connection, std::string_view select,
                                      const Filter& filter, const KeysetOrder& order,
                                      std::string_view after, int64_t limit, int64_t offset,
                                      std::optional<int64_t> total) {
  const int64_t wanted = std::clamp<int64_t>(limit, 1, 1000);
  Result<sql::Rows> rows = sql::Rows{};
  if (after.empty() && total) {
    rows = rows_from_nearer_end(connection, select, filter, order, wanted + 1,
                                std::max<int64_t>(offset, 0), *total);
  } else if (after.empty()) {
    rows = run_page(connection, select, filter, order.order_by(), wanted + 1,
                    std::max<int64_t>(offset, 0));
  } else {
    const auto key = decode_cursor(order, after);
    if (!key) return fail(key.error());
    rows = rows_after(connection, select, filter, order, *key, wanted + 1);
  }
  if (!rows) return fail(rows.error());
  return keyset_page_of(std::move(rows).value(), order, wanted);
}

KeysetPage keyset_page_of(sql::Rows rows, const KeysetOrder& order, int64_t limit) {
  KeysetPage page;
  page.rows = std::move(rows);
  if (static_cast<int64_t>(page.rows.size()) > limit) {
    page.rows.erase(page.rows.begin() + limit, page.rows.end());
    page.next_cursor = encode_cursor(order, key_of(page.rows.back(), order));
  }
  return page;
}

std::string encode_cursor(const KeysetOrder& order, std::span<const sql::Value> key) {
  nlohmann::json array = nlohmann::json::array({std::string(order.tag)});
  for (const auto& value : key) {
    if (const auto* integer = std::get_if<int64_t>(&value)) {
      array.push_back(*integer);
    } else if (const auto* text = std::get_if<std::string>(&value)) {
      array.push_back(*text);
    } else {
      array.push_back(nullptr);
    }
  }
  return base64url_encode(array.dump());
}

Result<std::vector<sql::Value>> decode_cursor(const KeysetOrder& order, std::string_view cursor) {
  const auto bytes = base64url_decode(cursor);
  if (!bytes) return fail(bad_cursor());
  const auto array = parse_json_input(*bytes);
  if (!array || !array->is_array() || array->size() != order.columns.size() + 1 ||
      !(*array)[0].is_string() || (*array)[0].get<std::string>() != order.tag) {
    return fail(bad_cursor());
  }
  std::vector<sql::Value> key;
  for (size_t i = 0; i < order.columns.size(); ++i) {
    const nlohmann::json& value = (*array)[i + 1];
    const bool may_be_null = i == 0 && order.first_nullable;
    if (value.is_null() && may_be_null) {
      key.emplace_back();
    } else if (order.columns[i].is_text && value.is_string()) {
      key.emplace_back(value.get<std::string>());
    } else if (!order.columns[i].is_text && value.is_number_integer()) {
      key.emplace_back(value.get<int64_t>());
    } else {
      return fail(bad_cursor());
    }
  }
  return key;
}

}  // namespace gep::store
