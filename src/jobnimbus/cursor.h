#pragma once
// The position of a stream over a list endpoint, and the paging plan that moves it.
//
// JobNimbus refuses `from + size > 10,000`, so a full listing cannot just grow `from`. Instead
// every request asks for `date_updated >= since`, sorted by date_updated ascending, from 0. After
// a page, `since` becomes the last record's second and the jnids already delivered at exactly that
// second are remembered, so the next page (which starts with that second again, in any order)
// skips them: records sharing a second across a page boundary are neither lost nor repeated.
// When a whole page shares one second (more records in one second than a page holds), the plan
// pages through that second with `from` (bounded by the 10,000 window), sorted by jnid so that
// the order is stable between calls (ties on date_updated come back in any order), checks that it
// listed as many records as the API counts there (rescanning otherwise), then moves past it.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "jobnimbus/models.h"

namespace gep::jobnimbus {

// What a caller persists (with the page it covers, in one transaction) to resume later.
struct StreamCursor {
  UnixSeconds since = 0;                // lower bound on date_updated, inclusive
  std::set<std::string> seen_at_since;  // jnids already delivered whose date_updated == since

  // {"since":1700000000,"seen":["3pg","3ph"]}
  std::string to_json() const;
  static std::optional<StreamCursor> from_json(std::string_view text);
  friend bool operator==(const StreamCursor&, const StreamCursor&) = default;
};

// One request of the plan: `date_updated >= gte [and <= lte]`, sorted ascending by `sort_field`,
// `from`, `size`.
struct PageRequest {
  UnixSeconds gte = 0;
  std::optional<UnixSeconds> lte;           // set while paging inside one crowded second
  std::string sort_field = "date_updated";  // "jnid" inside a crowded second
  int from = 0;
  int size = 0;
};

class CursorPager {
 public:
  CursorPager(StreamCursor start, int page_size);

  // The next request; call finish_page() with its answer before asking again.
  PageRequest begin_page();
  // For every usable record of the answer, in order: true when it is new (deliver it).
  bool admit(const std::string& jnid, std::optional<UnixSeconds> date_updated);
  // For a record the parser could not use, so a re-scan of a crowded second counts it as listed.
  void note_unusable() { ++unusable_in_pass_; }
  // `returned`: records in the answer, usable or not; `count`: the total JobNimbus reported.
  void finish_page(size_t returned, int64_t count, std::vector<std::string>& warnings);

  bool done() const { return done_; }
  const StreamCursor& cursor() const { return cursor_; }

 private:
  void leave_crowded_second();

  StreamCursor cursor_;
  int page_size_;
  PageRequest current_;
  UnixSeconds page_start_since_ = 0;
  bool out_of_order_ = false;
  bool in_crowded_second_ = false;
  int from_ = 0;
  int pass_ = 0;
  size_t unusable_in_pass_ = 0;
  bool done_ = false;
};

}  // namespace gep::jobnimbus
