#include "jobnimbus/cursor.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "jobnimbus/query.h"

namespace gep::jobnimbus {

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
  current_ = PageRequest{cursor_.since, std::nullopt, std::nullopt, "date_updated", page_size_};
  if (in_crowded_second()) {
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
  if (in_crowded_second()) {
    if (page_last_jnid_ && jnid <= *page_last_jnid_) jnid_order_broken_ = true;
    note_jnid(jnid);
    if (date_updated != cursor_.since) {
      // Outside the second asked for: the filter was not honoured. Deliver it (upserts are
      // idempotent) and say so.
      if (date_updated) out_of_order_ = true;
      return true;
    }
    // Only what the date-ordered pages delivered at this second is remembered; the jnid order
    // itself never repeats a record.
    return !cursor_.seen_at_since.contains(jnid);
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
  const bool full_page = static_cast<int>(returned) >= current_.size;
  if (!in_crowded_second()) {
    if (!full_page) {
      done_ = true;
    } else if (cursor_.since == page_start_since_) {
      // A full page inside one second: the next date-ordered page would be the same one. Page
      // through the second by jnid from its start (this page came in date_updated order, whose
      // ties may be in any order, so it says nothing about jnid positions).
      cursor_.after_jnid = "";
    }
    return;
  }
  if (jnid_order_broken_) {
    warnings.push_back(fmt::format(
        "JobNimbus ignored the jnid sort inside date_updated {}; some of its records may be missed",
        cursor_.since));
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

void CursorPager::leave_crowded_second() {
  cursor_.since += 1;
  cursor_.seen_at_since.clear();
  cursor_.after_jnid.reset();
}

}  // namespace gep::jobnimbus
