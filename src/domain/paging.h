#pragma once
// Listing and batch-write shapes shared by every repository.
#include <cstdint>
#include <string>
#include <vector>

namespace gep::domain {

// What one batch upsert did. A re-read record whose raw JSON and mapped fields are the same as
// stored is "unchanged" and not written, so overlapping incremental reads are harmless.
struct UpsertCounts {
  int64_t created = 0;
  int64_t updated = 0;
  int64_t unchanged = 0;
  // The jnids written, so what hangs off a record (a job's contact links) is rewritten only when
  // the record itself changed.
  std::vector<std::string> created_jnids;
  std::vector<std::string> updated_jnids;

  int64_t total() const { return created + updated + unchanged; }
  UpsertCounts& operator+=(const UpsertCounts& other) {
    created += other.created;
    updated += other.updated;
    unchanged += other.unchanged;
    created_jnids.insert(created_jnids.end(), other.created_jnids.begin(),
                         other.created_jnids.end());
    updated_jnids.insert(updated_jnids.end(), other.updated_jnids.begin(),
                         other.updated_jnids.end());
    return *this;
  }
};

// Filters of the job and contact listings. `q` is a case-insensitive (ASCII) substring search
// over the human-facing fields; `status` matches the status name exactly.
struct ListQuery {
  int64_t limit = 50;
  int64_t offset = 0;
  std::string status;
  std::string q;
  bool include_deleted = false;
  std::string after;  // a Page::next_cursor of the same list: continue there (offset is then 0)
};

template <class T>
struct Page {
  std::vector<T> items;
  int64_t total = 0;  // rows matching the filter, ignoring limit and offset
  // Where the next page starts (a query's `after`); "" on the last page. Opaque to clients.
  std::string next_cursor;
};

// Which rows an id listing covers.
enum class Presence { active, deleted, all };

}  // namespace gep::domain
