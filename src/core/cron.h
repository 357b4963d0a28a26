#pragma once
// Standard five-field cron expressions (minute hour day-of-month month day-of-week), evaluated in
// UTC: lists "1,5", ranges "1-5", steps "*/15" and "10-40/5", names "jan".."dec" and
// "sun".."sat", 7 as Sunday, and the macros @hourly, @daily, @weekly, @monthly, @yearly.
#include <bitset>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"

namespace gep {

class CronSchedule {
 public:
  static Result<CronSchedule> parse(std::string_view expression);

  // The first minute strictly after `after` that matches, or nullopt if none within 5 years.
  std::optional<TimePoint> next_after(TimePoint after) const;
  const std::string& expression() const { return expression_; }

 private:
  std::string expression_;
  std::bitset<60> minutes_;
  std::bitset<24> hours_;
  std::bitset<32> days_of_month_;
  std::bitset<13> months_;
  std::bitset<7> days_of_week_;
  bool day_of_month_restricted_ = false;
  bool day_of_week_restricted_ = false;

  bool day_matches(int day_of_month, int day_of_week) const;
};

}  // namespace gep
