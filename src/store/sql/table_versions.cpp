#include "store/sql/table_versions.h"

namespace gep::store::sql {

std::string TableVersions::token(std::initializer_list<std::string_view> tables) const {
  const std::scoped_lock lock(mutex_);
  std::string token = 'e' + std::to_string(epoch_) + ';';
  for (const auto table : tables) {
    const auto found = changes_.find(table);
    token.append(table).append(1, '=');
    token += std::to_string(found == changes_.end() ? 0 : found->second);
    token += ';';
  }
  return token;
}

void TableVersions::committed(std::span<const std::string> tables) {
  const std::scoped_lock lock(mutex_);
  for (const auto& table : tables) ++changes_[table];
}

void TableVersions::changed(std::string_view table) {
  const std::scoped_lock lock(mutex_);
  const auto found = changes_.find(table);
  if (found != changes_.end()) {
    ++found->second;
  } else {
    changes_.emplace(std::string(table), 1);
  }
}

void TableVersions::changed_all() {
  const std::scoped_lock lock(mutex_);
  ++epoch_;
}

bool TableVersions::live() const {
  const auto until = live_until_.load(std::memory_order_acquire);
  return until != 0 && std::chrono::steady_clock::now().time_since_epoch().count() < until;
}

void TableVersions::renew(Deadline until) {
  // Whatever was cached before the watch began, or while it lapsed, is not trusted.
  if (!live()) changed_all();
  live_until_.store(until.time_since_epoch().count(), std::memory_order_release);
}

void TableVersions::set_not_live() {
  live_until_.store(0, std::memory_order_release);
}

}  // namespace gep::store::sql
