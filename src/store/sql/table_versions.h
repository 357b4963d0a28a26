#pragma once
// The versions of the tables that list answers are read from, kept in memory, so that checking a
// cached answer (http/list_cache.h, store/repos/list_totals.h) costs no database round trip.
//
// A version moves when this process commits a write to its table (Connection reports commits
// here) and when a change watch (store/change_watch.h) sees another process's commit: through
// PostgreSQL's LISTEN/NOTIFY within milliseconds, and by re-reading change_counters, which is
// also how SQLite sees another process. Tokens are only trusted while a watch is live: otherwise
// callers read change_counters themselves, as they would without this class.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <mutex>
#include <span>
#include <string>
#include <string_view>

#include "store/sql/connection.h"

namespace gep::store::sql {

class TableVersions final : public CommitObserver {
 public:
  // "e3;jobs=5;risk_snapshots=2;": the epoch, then each table's count of observed changes. Two
  // tokens of the same tables are equal only if no change to any of them was observed between.
  std::string token(std::initializer_list<std::string_view> tables) const;

  void committed(std::span<const std::string> tables) override;
  void changed(std::string_view table);
  // Something may have been missed (a watch reconnected): every token moves.
  void changed_all();

  // True while a watch keeps the versions current: it renews them after every pass, and a watch
  // stuck in a query (a dead link without a reset) stops being trusted when the renewal lapses.
  bool live() const;
  using Deadline = std::chrono::steady_clock::time_point;
  // The watch made a pass: trust the versions until `until`. Renewing after a lapse moves every
  // token, as whatever happened meanwhile may have been missed.
  void renew(Deadline until);
  void set_not_live();

 private:
  mutable std::mutex mutex_;
  uint64_t epoch_ = 0;
  std::map<std::string, uint64_t, std::less<>> changes_;
  std::atomic<Deadline::rep> live_until_{0};  // steady_clock ticks; 0: not live
};

}  // namespace gep::store::sql
