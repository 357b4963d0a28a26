#pragma once
// Runs a list query against one collection and writes the page in the API's wrapper.
//
// Order, as the real API: with sort_field the order is by that field, but records that tie keep
// no promised order — ties are shuffled per request — so a client must move a proper cursor.
// Without sort_field the order is roughly newest-created first but reshuffled within each hour on
// every request: paging with a growing `from` and no sort is unreliable, as it is for real.
#include <cstdint>
#include <string>
#include <vector>

#include "sandbox/collection.h"
#include "sandbox/query.h"
#include "sandbox/sandbox_options.h"

namespace gep::sandbox {

struct Page {
  int64_t total = 0;  // every matching record, not only this page
  std::vector<const Record*> records;
};

// How this request treats string ranges and string sorts (see StringBehaviour).
struct StringPolicy {
  StringBehaviour ranges = StringBehaviour::honour;
  StringBehaviour sort = StringBehaviour::honour;
};

// `shuffle_seed` decides the order of ties for this request. Fails (code "validation", a 400)
// when the policy rejects a string range or a string sort the query asks for.
Result<Page> run_query(const Collection& collection, const ListQuery& query, uint64_t shuffle_seed,
                       StringPolicy policy = {});

// {"count":N,"results":[...]} (or "activity"/"files" for those kinds), projected to `fields`.
void write_page(std::string& out, Kind kind, const Page& page,
                const std::vector<std::string>& fields);
// One record projected to `fields` (all of it when empty).
void write_projected(std::string& out, const Record& record,
                     const std::vector<std::string>& fields);

}  // namespace gep::sandbox
