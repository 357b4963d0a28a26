#pragma once
// The position of a stream over a list endpoint, and the paging plan that moves it.
//
// JobNimbus refuses `from + size > 10,000`, so a full listing cannot just grow `from`. Instead
// every request asks for `date_updated >= since`, sorted by date_updated ascending, from 0. After
// a page, `since` becomes the last record's second and the jnids already delivered at exactly that
// second are remembered, so the next page (which starts with that second again, in any order)
// skips them: records sharing a second across a page boundary are neither lost nor repeated.
// When a whole page shares one second (more records in one second than a page holds), the plan
// pages through that second by jnid instead: `date_updated == since` and `jnid > after`, sorted by
// jnid ascending, from 0, moving `after` to the last jnid of each page. jnids are unique, so the
// order is stable and any number of records in one second is listed, never limited by the
// 10,000-result window. A page shorter than a full one ends the second: the plan moves past it.
//
// Nothing promises that JobNimbus honours a `range` on a string field or a sort by jnid, so the
// jnid plan checks itself: each answer's `count` must equal what is left of the second, and the
// page must come in jnid order. An answer that fails (or a 400) makes the plan scan the second
// instead, for the rest of the run: `from` offsets under date_created, ascending then descending
// (together they reach 20,000 records past the 10,000 window), repeated while they still find
// records (an order that changes between requests is sampled until every record came), and
// checked against the second's `count`. A second that no method lists completely ends with a
// warning naming it and how many records are missing, so the run cannot end SUCCESS.
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
  // Set while paging through the crowded second `since` by jnid: every record of that second
  // whose jnid sorts at or before it was delivered ("" when none yet).
  std::optional<std::string> after_jnid;

  // {"since":1700000000,"seen":["3pg","3ph"]}, plus "after":"3pz" inside a crowded second
  std::string to_json() const;
  static std::optional<StreamCursor> from_json(std::string_view text);
  friend bool operator==(const StreamCursor&, const StreamCursor&) = default;
};

// One request of the plan: `date_updated >= gte [and <= lte] [and jnid > jnid_after]`, sorted
// ascending by `sort_field`, from 0, `size` records.
struct PageRequest {
  UnixSeconds gte = 0;
  std::optional<UnixSeconds> lte;           // set while paging inside one crowded second
  std::optional<std::string> jnid_after;    // likewise, once a page of that second was read
  std::string sort_field = "date_updated";  // "jnid" inside a crowded second
  int size = 0;
  int from = 0;             // grows only while scanning a crowded second
  bool descending = false;  // likewise: the scan's second pass reads from the other end
};

class CursorPager {
 public:
  CursorPager(StreamCursor start, int page_size);

  // The next request; call finish_page() with its answer before asking again.
  PageRequest begin_page();
  // For every usable record of the answer, in order: true when it is new (deliver it).
  bool admit(const std::string& jnid, std::optional<UnixSeconds> date_updated);
  // For a record the parser could not use ("" when even its jnid is unreadable): inside a
  // crowded second its jnid still moves the plan past it.
  void note_unusable(const std::string& jnid);
  // JobNimbus's `count` for the current request; call before finish_page().
  void note_count(int64_t count) { page_count_ = count; }
  // The current request was refused (400). Inside a crowded second listed by jnid, the plan
  // switches to scanning it and returns true: ask begin_page() again. Otherwise false.
  bool refuse_request();
  // `returned`: records in the answer, usable or not.
  void finish_page(size_t returned, std::vector<std::string>& warnings);

  bool done() const { return done_; }
  const StreamCursor& cursor() const { return cursor_; }

 private:
  // A scan of one crowded second by `from` offsets (see the top of this file).
  struct Scan {
    std::set<std::string> delivered;  // every jnid of the second delivered so far
    int from = 0;
    bool descending = false;
    int passes = 0;
    size_t added_this_pass = 0;
    bool order_changes = false;  // a pass after the first two still found records
  };

  bool in_crowded_second() const { return cursor_.after_jnid.has_value() || scan_.has_value(); }
  void note_jnid(const std::string& jnid);
  void leave_crowded_second();
  void start_scan();
  void finish_scan_page(size_t returned, std::vector<std::string>& warnings);
  void finish_jnid_page(size_t returned, std::vector<std::string>& warnings);

  StreamCursor cursor_;
  int page_size_;
  PageRequest current_;
  UnixSeconds page_start_since_ = 0;
  bool out_of_order_ = false;
  std::optional<std::string> page_last_jnid_;  // the greatest jnid of a crowded-second page
  bool jnid_order_broken_ = false;             // that page was not sorted by jnid as asked
  bool done_ = false;
  int64_t page_count_ = -1;                    // the answer's `count`; -1 when not told
  std::optional<int64_t> expected_remaining_;  // records of the second not yet listed by jnid
  bool jnid_plan_unusable_ = false;            // remembered for the rest of the run
  std::optional<Scan> scan_;
  std::set<std::string> listed_by_jnid_;  // this stream's jnid pages of the crowded second
};

}  // namespace gep::jobnimbus
