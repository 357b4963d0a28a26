#pragma once
// Keyset paging (`after=` a cursor): a page starts right after the last row of the previous one,
// found by seeking the index of the list's order instead of stepping over OFFSET rows, so the last
// page of a million rows costs what the first does. A row that did not change keeps its place
// however the rows around it change, so paging through never repeats or skips it.
//
// An order is a list of key columns sorted the same way, the last one unique (stored sort keys
// make one direction possible: see migration 5). The first may be nullable with its NULLs last
// (the record listings' JobNimbus date_updated). The cursor is opaque to clients: base64url of a
// JSON array [order tag, key values...], refused when used with another order.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/repos/record_table.h"
#include "store/sql/connection.h"

namespace gep::store {

struct KeyColumn {
  std::string_view expression;  // "r.level_order"
  bool is_text = false;         // else an integer
};

struct KeysetOrder {
  std::string_view tag;  // names the list and its order inside the cursor: "risk.riskLevel-"
  std::vector<KeyColumn> columns;
  bool descending = false;
  bool first_nullable = false;  // NULLs of the first column sort last (both directions)

  // "r.level_order DESC, r.job_id DESC"; `reversed`: the same rows read from the other end.
  std::string order_by(bool reversed = false) const;
  std::string select_keys() const;  // ", r.level_order, r.job_id": appended to a select list
};

struct KeysetPage {
  sql::Rows rows;           // at most `limit`; the key columns are the last selected ones
  std::string next_cursor;  // "" on the last page
};

// `select` is "SELECT <columns><order.select_keys()> FROM ..." without WHERE. With `after` the
// page continues after that cursor (offset must then be 0); without, it starts at `offset`,
// walking from the far end when `total` (the filter's row count) says it is nearer. Either way
// it answers the cursor of the page after it.
Result<KeysetPage> select_keyset_page(sql::Connection& connection, std::string_view select,
                                      const Filter& filter, const KeysetOrder& order,
                                      std::string_view after, int64_t limit, int64_t offset,
                                      std::optional<int64_t> total = std::nullopt);

// `rows` fetched in the order, one more than `limit` when there is a next page: the page, and
// the cursor of its last row when that extra row came.
KeysetPage keyset_page_of(sql::Rows rows, const KeysetOrder& order, int64_t limit);

std::string encode_cursor(const KeysetOrder& order, std::span<const sql::Value> key);
// The key values, or a validation error for a cursor that is not one of this order's.
Result<std::vector<sql::Value>> decode_cursor(const KeysetOrder& order, std::string_view cursor);

}  // namespace gep::store
