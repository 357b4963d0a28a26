#include "jobnimbus/cursor.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "jobnimbus/query.h"

namespace gep::jobnimbus {
namespace {
// Passes of a scan before it gives up on an order that keeps changing: each reads up to the
// 10,000 window, so this bounds one crowded second at 240 requests.
constexpr int kMaxScanPasses = 24;
}  // namespace

std::string StreamCursor::to_json() const {
  nlohmann::json json;
  json["since"] = since;
  json["seen"] = seen_at_since;
  if (after_jnid) json["after"] = *after_jnid;
  return json.dump();
}

std::optional<StreamCursor> StreamCursor::from_json(std::string_view text) {
  const auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) return std::nullopt;
  const auto since = json.find("since");
  if (since == json.end() || !since->is_number_integer()) return std::nullopt;
  StreamCursor cursor;
  cursor.since = since->get<int64_t>();
  if (const auto seen = json.find("seen"); seen != json.end()) {
    if (!seen->is_array()) return std::nullopt;
    for (const auto& jnid : *seen) {
      if (!jnid.is_string()) return std::nullopt;
      cursor.seen_at_since.insert(jnid.get<std::string>());
    }
  }
  if (const auto after = json.find("after"); after != json.end()) {
    if (!after->is_string()) return std::nullopt;
    cursor.after_jnid = after->get<std::string>();
  }
  return cursor;
}

CursorPager::CursorPager(StreamCursor start, int page_size)
    : cursor_(std::move(start)), page_size_(std::clamp(page_size, 1, kMaxPageSize)) {}

PageRequest CursorPager::begin_page() {
  page_start_since_ = cursor_.since;
  out_of_order_ = false;
  page_last_jnid_.reset();
  jnid_order_broken_ = false;
  page_count_ = -1;
  current_ = PageRequest{cursor_.since, std::nullopt, std::nullopt, "date_updated", page_size_};
  if (scan_) {
    current_.lte = cursor_.since;
    current_.sort_field = "date_created";  // numeric: honoured where the jnid sort is not
    current_.from = scan_->from;
    current_.descending = scan_->descending;
  } else if (in_crowded_second()) {
    current_.lte = cursor_.since;
    if (!cursor_.after_jnid->empty()) current_.jnid_after = cursor_.after_jnid;
    current_.sort_field = "jnid";  // unique: a stable order to move through with `jnid >`
  }
  return current_;
}

void CursorPager::note_jnid(const std::string& jnid) {
  if (!page_last_jnid_ || *page_last_jnid_ < jnid) page_last_jnid_ = jnid;
}

bool CursorPager::admit(const std::string& jnid, std::optional<UnixSeconds> date_updated) {
  if (scan_) {
    if (date_updated != cursor_.since) return true;  // outside the second: deliver, idempotent
    if (!scan_->delivered.insert(jnid).second) return false;
    ++scan_->added_this_pass;
    return true;
  }
  if (in_crowded_second()) {
    if (page_last_jnid_ && jnid <= *page_last_jnid_) jnid_order_broken_ = true;
    note_jnid(jnid);
    if (date_updated != cursor_.since) {
      // Outside the second asked for: the filter was not honoured. Deliver it (upserts are
      // idempotent) and say so.
      if (date_updated) out_of_order_ = true;
      return true;
    }
    // What the date-ordered pages delivered at this second is remembered in the cursor; the
    // jnid order itself never repeats a record. The jnid pages' records are kept (in memory
    // only) for a scan that may have to take over.
    const bool inserted = listed_by_jnid_.insert(jnid).second;
    return inserted && !cursor_.seen_at_since.contains(jnid);
  }
  if (!date_updated) return true;  // cannot be placed: deliver, the cursor does not move
  const UnixSeconds second = *date_updated;
  if (second == cursor_.since) return cursor_.seen_at_since.insert(jnid).second;
  if (second > cursor_.since) {
    cursor_.since = second;
    cursor_.seen_at_since.clear();
    cursor_.seen_at_since.insert(jnid);
    return true;
  }
  // Older than the cursor: the answer was not sorted as asked. Deliver it (upserts are
  // idempotent) and say so; the cursor stays where it is.
  out_of_order_ = true;
  return true;
}

void CursorPager::note_unusable(const std::string& jnid) {
  if (in_crowded_second() && !jnid.empty()) note_jnid(jnid);
}

void CursorPager::finish_page(size_t returned, std::vector<std::string>& warnings) {
  if (out_of_order_) {
    warnings.push_back("JobNimbus returned records out of date_updated order; some may be missed");
  }
  if (scan_) {
    finish_scan_page(returned, warnings);
    return;
  }
  const bool full_page = static_cast<int>(returned) >= current_.size;
  if (!in_crowded_second()) {
    if (!full_page) {
      done_ = true;
    } else if (cursor_.since == page_start_since_) {
      // A full page inside one second: the next date-ordered page would be the same one. Page
      // through the second by jnid from its start (this page came in date_updated order, whose
      // ties may be in any order, so it says nothing about jnid positions).
      if (jnid_plan_unusable_) {
        start_scan();
      } else {
        cursor_.after_jnid = "";
        expected_remaining_.reset();
      }
    }
    return;
  }
  finish_jnid_page(returned, warnings);
}

bool CursorPager::refuse_request() {
  if (!in_crowded_second() || scan_) return false;
  start_scan();
  return true;
}

void CursorPager::finish_jnid_page(size_t returned, std::vector<std::string>& warnings) {
  const bool full_page = static_cast<int>(returned) >= current_.size;
  // The count must be what is left of the second: more means the jnid range was not applied,
  // none (with records left) means it matched nothing. Fewer is fine: records left the second.
  const bool count_wrong =
      page_count_ >= 0 && expected_remaining_ &&
      (page_count_ > *expected_remaining_ || (page_count_ == 0 && *expected_remaining_ > 0));
  if (jnid_order_broken_ || count_wrong) {
    start_scan();
    return;
  }
  if (page_count_ >= 0) {
    expected_remaining_ = std::max<int64_t>(0, page_count_ - static_cast<int64_t>(returned));
  }
  if (!full_page) {
    leave_crowded_second();
    return;
  }
  if (!page_last_jnid_) {
    warnings.push_back(fmt::format(
        "a full page without one readable jnid inside date_updated {}; moved past that second",
        cursor_.since));
    leave_crowded_second();
    return;
  }
  cursor_.after_jnid = *page_last_jnid_;
  // Remembered jnids at or before `after` can no longer come back: forget them, so the cursor
  // (persisted with every page) shrinks as the second is read.
  auto& seen = cursor_.seen_at_since;
  seen.erase(seen.begin(), seen.upper_bound(*cursor_.after_jnid));
}

void CursorPager::start_scan() {
  // Remembered for the run: every later crowded second is scanned straight away.
  jnid_plan_unusable_ = true;
  Scan scan;
  // What the date-ordered and the jnid pages already delivered at this second counts.
  scan.delivered = cursor_.seen_at_since;
  scan.delivered.merge(listed_by_jnid_);
  listed_by_jnid_.clear();
  scan_ = std::move(scan);
  // Persisted meanwhile: "restart this second", since a scan cannot be resumed part-way.
  cursor_.after_jnid.reset();
  cursor_.seen_at_since.clear();
  expected_remaining_.reset();
}

void CursorPager::finish_scan_page(size_t returned, std::vector<std::string>& warnings) {
  Scan& scan = *scan_;
  const int64_t count = page_count_ >= 0 ? page_count_ : 0;
  const auto delivered = static_cast<int64_t>(scan.delivered.size());
  if (delivered >= count) {
    leave_crowded_second();
    return;
  }
  scan.from += current_.size;
  const bool pass_over =
      returned == 0 || scan.from >= count || scan.from + current_.size > kResultWindow;
  if (!pass_over) return;
  ++scan.passes;
  // Two passes (one from each end) list up to twice the window in any fixed order. A third
  // pass that still finds records shows an order that changes between requests: it is then
  // sampled until the count is met (or the budget ends), since one empty pass proves nothing.
  if (scan.passes >= 3 && scan.added_this_pass > 0) scan.order_changes = true;
  const bool stalled = scan.added_this_pass == 0 && scan.passes >= 2 && !scan.order_changes;
  if (stalled || scan.passes >= kMaxScanPasses) {
    warnings.push_back(fmt::format(
        "date_updated {} holds {} records; {} could not be listed (more than one page in one "
        "second, JobNimbus honours no jnid range and sort, and `from` offsets reach only {} "
        "records in its order)",
        cursor_.since, count, count - delivered, kResultWindow));
    leave_crowded_second();
    return;
  }
  scan.from = 0;
  scan.descending = !scan.descending;
  scan.added_this_pass = 0;
}

void CursorPager::leave_crowded_second() {
  scan_.reset();
  listed_by_jnid_.clear();
  expected_remaining_.reset();
  cursor_.since += 1;
  cursor_.seen_at_since.clear();
  cursor_.after_jnid.reset();
}

}  // namespace gep::jobnimbus
