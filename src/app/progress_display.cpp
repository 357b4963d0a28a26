#include "app/progress_display.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>

#include "core/logging.h"

namespace gep::app {

void MovingRate::add(TimePoint at, int64_t count) {
  if (samples_.empty()) samples_.emplace_back(at, count);
  samples_.emplace_back(at, count);
  // Keep one sample older than the window, so the rate always spans at least the window.
  while (samples_.size() > 2 && at - samples_[1].first >= window_) samples_.pop_front();
}

std::optional<double> MovingRate::per_second() const {
  if (samples_.size() < 2) return std::nullopt;
  const auto& [since, count_then] = samples_.front();
  const auto& [until, count_now] = samples_.back();
  const double seconds = std::chrono::duration<double>(until - since).count();
  if (seconds <= 0) return std::nullopt;
  return static_cast<double>(count_now - count_then) / seconds;
}

void ProgressDisplay::start(sync::PullEntity entity) {
  entity_ = entity;
  last_shown_ = {};
  rate_.restart(std::chrono::steady_clock::now());
  expected_total_ = 0;
}

void ProgressDisplay::update(const sync::PullProgress& progress) {
  const auto now = std::chrono::steady_clock::now();
  if (expected_total_ < 0 || progress.entity != entity_) start(progress.entity);
  // The engine's estimate only grows, and a listing can deliver more than it (records created
  // while it runs).
  expected_total_ = std::max({expected_total_, progress.total, progress.fetched});
  rate_.add(now, progress.fetched);
  const auto rate = rate_.per_second();
  if (terminal_) {
    std::fprintf(stderr, "\r%s\033[K", line(progress, rate).c_str());
    std::fflush(stderr);
    return;
  }
  if (now - last_shown_ < std::chrono::seconds(1)) return;
  last_shown_ = now;
  log::info("seed {}", line(progress, rate));
}

std::string ProgressDisplay::line(const sync::PullProgress& progress,
                                  std::optional<double> rate) const {
  const int64_t total = expected_total_;
  const double share =
      total > 0 ? static_cast<double>(progress.fetched) / static_cast<double>(total) : 1.0;
  const int width = 24;
  const int filled = static_cast<int>(share * width);
  const std::string per_second = rate ? fmt::format("{:>6.0f}/s", *rate) : std::string("     -/s");
  return fmt::format("{:<8} [{}{}] {:>7} / {:<7} {}  {} requests", sync::to_string(progress.entity),
                     std::string(static_cast<size_t>(filled), '#'),
                     std::string(static_cast<size_t>(width - filled), '.'), progress.fetched, total,
                     per_second, progress.requests);
}

void ProgressDisplay::finish(const sync::PullReport& report) {
  if (terminal_) std::fprintf(stderr, "\r\033[K");
  expected_total_ = -1;
  std::fprintf(stderr,
               "%-8s %s: %lld fetched, %lld created, %lld updated, %lld unchanged, %lld deleted, "
               "%lld repaired, %lld failed, %d requests, %.1fs\n",
               std::string(sync::to_string(report.entity)).c_str(),
               std::string(domain::to_string(report.status)).c_str(),
               static_cast<long long>(report.fetched), static_cast<long long>(report.created),
               static_cast<long long>(report.updated), static_cast<long long>(report.unchanged),
               static_cast<long long>(report.deleted), static_cast<long long>(report.repaired),
               static_cast<long long>(report.failed), report.requests,
               static_cast<double>(report.duration_ms) / 1000.0);
  for (size_t i = 0; i < report.errors.size() && i < 10; ++i) {
    std::fprintf(stderr, "         error: %s\n", report.errors[i].c_str());
  }
  if (report.errors.size() > 10)
    std::fprintf(stderr, "         (%zu more errors in the sync log)\n", report.errors.size() - 10);
}

}  // namespace gep::app
