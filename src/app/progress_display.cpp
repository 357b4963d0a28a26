#include "app/progress_display.h"

#include <fmt/format.h>

#include <cstdio>

#include "core/logging.h"

namespace gep::app {

void ProgressDisplay::update(const sync::PullProgress& progress) {
  const auto now = std::chrono::steady_clock::now();
  if (expected_total_ < 0 || progress.entity != entity_) {
    entity_ = progress.entity;
    started_ = now;
    last_shown_ = {};
    // The first answer's count is everything from the cursor on.
    expected_total_ = progress.total;
  }
  const double seconds = std::chrono::duration<double>(now - started_).count();
  const double rate = seconds > 0 ? static_cast<double>(progress.fetched) / seconds : 0.0;
  if (terminal_) {
    std::fprintf(stderr, "\r%s\033[K", line(progress, rate).c_str());
    std::fflush(stderr);
    return;
  }
  if (now - last_shown_ < std::chrono::seconds(1)) return;
  last_shown_ = now;
  log::info("seed {}", line(progress, rate));
}

std::string ProgressDisplay::line(const sync::PullProgress& progress, double rate) const {
  const int64_t total = std::max(expected_total_, progress.fetched);
  const double share =
      total > 0 ? static_cast<double>(progress.fetched) / static_cast<double>(total) : 1.0;
  const int width = 24;
  const int filled = static_cast<int>(share * width);
  return fmt::format("{:<8} [{}{}] {:>7} / {:<7} {:>6.0f}/s  {} requests",
                     sync::to_string(progress.entity),
                     std::string(static_cast<size_t>(filled), '#'),
                     std::string(static_cast<size_t>(width - filled), '.'), progress.fetched, total,
                     rate, progress.requests);
}

void ProgressDisplay::finish(const sync::PullReport& report) {
  if (terminal_) std::fprintf(stderr, "\r\033[K");
  expected_total_ = -1;
  std::fprintf(stderr,
               "%-8s %s: %lld fetched, %lld created, %lld updated, %lld unchanged, %lld deleted, "
               "%lld failed, %d requests, %.1fs\n",
               std::string(sync::to_string(report.entity)).c_str(),
               std::string(domain::to_string(report.status)).c_str(),
               static_cast<long long>(report.fetched), static_cast<long long>(report.created),
               static_cast<long long>(report.updated), static_cast<long long>(report.unchanged),
               static_cast<long long>(report.deleted), static_cast<long long>(report.failed),
               report.requests, static_cast<double>(report.duration_ms) / 1000.0);
  for (size_t i = 0; i < report.errors.size() && i < 10; ++i) {
    std::fprintf(stderr, "         error: %s\n", report.errors[i].c_str());
  }
  if (report.errors.size() > 10)
    std::fprintf(stderr, "         (%zu more errors in the sync log)\n", report.errors.size() - 10);
}

}  // namespace gep::app
