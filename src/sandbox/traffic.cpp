#include "sandbox/traffic.h"

#include <algorithm>
#include <cmath>
#include <ctime>

namespace gep::sandbox {

std::string_view to_string(FaultKind kind) {
  switch (kind) {
    case FaultKind::none:
      return "none";
    case FaultKind::server_error:
      return "server_error";
    case FaultKind::drop:
      return "drop";
    case FaultKind::truncate:
      return "truncate";
    case FaultKind::server_error_after_write:
      return "server_error_after_write";
    case FaultKind::drop_after_write:
      return "drop_after_write";
    case FaultKind::truncate_after_write:
      return "truncate_after_write";
  }
  return "none";
}

std::optional<FaultKind> parse_fault_kind(std::string_view text) {
  for (const auto kind : {FaultKind::none, FaultKind::server_error, FaultKind::drop,
                          FaultKind::truncate, FaultKind::server_error_after_write,
                          FaultKind::drop_after_write, FaultKind::truncate_after_write}) {
    if (to_string(kind) == text) return kind;
  }
  return std::nullopt;
}

nlohmann::json to_json(const TrafficSettings& settings) {
  return {{"rate_limit", settings.rate_limit},
          {"fault_rate", settings.fault_rate},
          {"latency_ms", settings.latency_ms},
          {"retry_after", std::string(to_string(settings.retry_after))},
          {"string_ranges", std::string(to_string(settings.string_ranges))},
          {"string_sort", std::string(to_string(settings.string_sort))}};
}

std::string http_date(int64_t unix_seconds) {
  const auto seconds = static_cast<std::time_t>(unix_seconds);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char buffer[64];
  const size_t length = std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S GMT", &parts);
  return std::string(buffer, length);
}

Traffic::Traffic(Clock& clock, TrafficSettings settings, uint64_t seed)
    : clock_(clock), settings_(settings), rng_(seed ^ 0xfa17fa17ULL) {
  tokens_ = std::max(1.0, settings_.rate_limit);
  refilled_ = clock_.now();
}

TrafficSettings Traffic::settings() const {
  const std::lock_guard lock(mutex_);
  return settings_;
}

void Traffic::set_settings(TrafficSettings settings) {
  const std::lock_guard lock(mutex_);
  if (settings.rate_limit != settings_.rate_limit) {
    tokens_ = std::max(1.0, settings.rate_limit);  // a new limit starts with a full bucket
    refilled_ = clock_.now();
  }
  settings_ = settings;
}

std::optional<double> Traffic::admit() {
  const std::lock_guard lock(mutex_);
  if (settings_.rate_limit <= 0) return std::nullopt;
  // The bucket holds one second of requests: bursts up to the rate, then the steady rate.
  const double capacity = std::max(1.0, settings_.rate_limit);
  const TimePoint now = clock_.now();
  const double elapsed = std::chrono::duration<double>(now - refilled_).count();
  if (elapsed > 0) {
    tokens_ = std::min(capacity, tokens_ + elapsed * settings_.rate_limit);
    refilled_ = now;
  }
  if (tokens_ >= 1.0) {
    tokens_ -= 1.0;
    return std::nullopt;
  }
  return (1.0 - tokens_) / settings_.rate_limit;
}

std::optional<std::string> Traffic::retry_after_value(double wait_seconds) {
  const std::lock_guard lock(mutex_);
  const auto seconds = std::max<int64_t>(1, static_cast<int64_t>(std::ceil(wait_seconds)));
  switch (settings_.retry_after) {
    case RetryAfterMode::no:
      return std::nullopt;
    case RetryAfterMode::yes:
      return std::to_string(seconds);
    case RetryAfterMode::mixed:
      // Both forms of RFC 9110 in turn: delay-seconds, then an HTTP-date.
      if (retry_after_turn_++ % 2 == 0) return std::to_string(seconds);
      return http_date(to_unix_seconds(clock_.now()) + seconds + 1);
  }
  return std::nullopt;
}

FaultKind Traffic::decide(std::string_view method, std::string_view path, bool is_write) {
  const std::lock_guard lock(mutex_);
  for (auto it = forced_.begin(); it != forced_.end(); ++it) {
    if ((!it->method.empty() && it->method != method) ||
        path.substr(0, it->path_prefix.size()) != it->path_prefix) {
      continue;
    }
    const FaultKind kind = it->kind;
    if (--it->remaining <= 0) forced_.erase(it);
    return kind;
  }
  if (settings_.fault_rate <= 0 || !rng_.chance(settings_.fault_rate)) return FaultKind::none;
  const double r = rng_.real();
  if (!is_write) {
    return r < 0.4 ? FaultKind::server_error : (r < 0.7 ? FaultKind::drop : FaultKind::truncate);
  }
  if (r < 0.2) return FaultKind::server_error;
  if (r < 0.4) return FaultKind::drop;
  if (r < 0.65) return FaultKind::drop_after_write;
  if (r < 0.85) return FaultKind::server_error_after_write;
  return FaultKind::truncate_after_write;
}

void Traffic::force(FaultKind kind, std::string method, std::string path_prefix, int64_t count) {
  const std::lock_guard lock(mutex_);
  if (count > 0) forced_.push_back({kind, std::move(method), std::move(path_prefix), count});
}

void Traffic::clear_forced() {
  const std::lock_guard lock(mutex_);
  forced_.clear();
}

int Traffic::next_error_status() {
  static constexpr int kStatuses[] = {500, 502, 503, 504};
  const std::lock_guard lock(mutex_);
  return kStatuses[error_turn_++ % 4];
}

void Traffic::count_request(const std::string& endpoint) {
  const std::lock_guard lock(mutex_);
  ++requests_[endpoint];
}

void Traffic::count_status(int status) {
  const std::lock_guard lock(mutex_);
  ++statuses_[status];
}

void Traffic::count_fault(FaultKind kind) {
  const std::lock_guard lock(mutex_);
  ++faults_[std::string(to_string(kind))];
}

uint64_t Traffic::requests(const std::string& endpoint) const {
  const std::lock_guard lock(mutex_);
  const auto it = requests_.find(endpoint);
  return it == requests_.end() ? 0 : it->second;
}

nlohmann::json Traffic::stats() const {
  const std::lock_guard lock(mutex_);
  nlohmann::json statuses = nlohmann::json::object();
  for (const auto& [status, count] : statuses_) statuses[std::to_string(status)] = count;
  uint64_t total = 0;
  for (const auto& [endpoint, count] : requests_) total += count;
  return {{"total", total},
          {"requests", requests_},
          {"statuses", std::move(statuses)},
          {"faults", faults_},
          {"settings", to_json(settings_)}};
}

void Traffic::reset_stats() {
  const std::lock_guard lock(mutex_);
  requests_.clear();
  statuses_.clear();
  faults_.clear();
}

}  // namespace gep::sandbox
