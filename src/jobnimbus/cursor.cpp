#include "jobnimbus/cursor.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "jobnimbus/query.h"

namespace gep::jobnimbus {
namespace {

// Order inside one second is not stable between calls, so `from` paging there can miss records;
// when the listed total falls short of the reported count, the second is scanned again.
constexpr int kMaxPassesPerSecond = 3;

}  // namespace

std::string StreamCursor::to_json() const {
  nlohmann::json json;
  json["since"] = since;
  json["seen"] = seen_at_since;
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
  return cursor;
}

CursorPager::CursorPager(StreamCursor start, int page_size)
    : cursor_(std::move(start)), page_size_(std::clamp(page_size, 1, kMaxPageSize)) {}

PageRequest CursorPager::begin_page() {
  page_start_since_ = cursor_.since;
  out_of_order_ = false;
  current_ = PageRequest{cursor_.since, std::nullopt, "date_updated", 0, page_size_};
  if (!in_crowded_second_) unusable_in_pass_ = 0;  // this page may become pass 1 of a second
  if (in_crowded_second_) {
    current_.lte = cursor_.since;
    current_.sort_field = "jnid";  // unique: a stable order to page through with `from`
    current_.from = from_;
    current_.size = std::min(page_size_, kResultWindow - from_);
  }
  return current_;
}

bool CursorPager::admit(const std::string& jnid, std::optional<UnixSeconds> date_updated) {
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

void CursorPager::finish_page(size_t returned, int64_t count, std::vector<std::string>& warnings) {
  if (out_of_order_) {
    warnings.push_back("JobNimbus returned records out of date_updated order; some may be missed");
  }
  const auto returned_count = static_cast<int>(returned);
  if (!in_crowded_second_) {
    if (returned_count < current_.size) {
      done_ = true;
      return;
    }
    if (cursor_.since == page_start_since_) {
      // A full page inside one second: the next from-0 page would be the same one. Page through
      // the second in jnid order from its start (this page came in date_updated order, whose
      // ties may be in any order, so it says nothing about jnid positions).
      in_crowded_second_ = true;
      from_ = 0;
      pass_ = 1;
      unusable_in_pass_ = 0;
    }
    return;
  }
  from_ += returned_count;
  const bool window_exhausted = from_ >= kResultWindow;
  if (returned_count == current_.size && !window_exhausted) return;  // more in this second

  const size_t listed = cursor_.seen_at_since.size() + unusable_in_pass_;
  if (count > 0 && listed < static_cast<size_t>(count)) {
    if (window_exhausted && count > kResultWindow) {
      warnings.push_back(fmt::format(
          "{} records share date_updated {}; the API lists at most {} of them, {} were listed",
          count, cursor_.since, kResultWindow, listed));
    } else if (pass_ < kMaxPassesPerSecond) {
      ++pass_;
      from_ = 0;
      unusable_in_pass_ = 0;
      return;
    } else {
      warnings.push_back(fmt::format(
          "listed {} of {} records sharing date_updated {} after {} passes (unstable order)",
          listed, count, cursor_.since, pass_));
    }
  }
  leave_crowded_second();
}

void CursorPager::leave_crowded_second() {
  cursor_.since += 1;
  cursor_.seen_at_since.clear();
  in_crowded_second_ = false;
  from_ = 0;
  pass_ = 0;
  unusable_in_pass_ = 0;
}

}  // namespace gep::jobnimbus
