#pragma once
// The q= search of the job and contact listings, on what each store is made for (migration 6):
// SQLite's FTS5 trigram index, whose rowid is the listing order, and PostgreSQL's pg_trgm GIN
// index under ILIKE. Both find the rows whose search_text contains q; SQLite falls back to a
// LIKE scan for what its index cannot answer (fewer than three characters, deleted rows).
#include <string_view>

#include "core/result.h"
#include "domain/paging.h"
#include "store/repos/keyset.h"
#include "store/repos/list_totals.h"
#include "store/repos/record_table.h"

namespace gep::store {

// True when `query`'s search runs through the SQLite FTS5 index of the table.
bool searches_by_index(sql::Dialect dialect, const domain::ListQuery& query);
// The condition matching q without the FTS5 index: LIKE (SQLite) or ILIKE (PostgreSQL).
void add_search_condition(Filter& filter, sql::Dialect dialect, std::string_view q);

// A page of the rows of `table` matching `filter` whose text contains `query.q`, found through
// the FTS5 index in listing order, with their total and the next page's cursor.
Result<RowPage> select_indexed_search_page(sql::Connection& connection, ListTotals& totals,
                                           const RecordTable& table, const Filter& filter,
                                           const KeysetOrder& order,
                                           const domain::ListQuery& query);

}  // namespace gep::store
