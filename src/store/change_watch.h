#pragma once
// Keeps a process's TableVersions current with what other processes commit, so that a cached
// list answer can be checked in memory instead of by a read of change_counters per request.
//
// A thread of its own holds a connection of its own:
// - On PostgreSQL it LISTENs on the change channel: every commit that noted a change notifies
//   (sql::Connection::flush_changes), so another instance's write moves the versions here within
//   the notification's delivery, about a millisecond.
// - On every store it re-reads change_counters when no notification came for an interval, and
//   moves the version of each table whose generation moved. That is how SQLite sees another process
//   (a `gep sync` beside `gep serve`), and on PostgreSQL it catches what a lost notification would
//   miss.
// While the watch has no working connection the versions are not live, and every cache check
// reads change_counters itself, as it does without a watch. Reconnecting moves every version.
#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <thread>

#include "core/result.h"
#include "store/sql/connection.h"
#include "store/sql/table_versions.h"

namespace gep::store {

class ChangeWatch {
 public:
  using Open = std::function<Result<std::unique_ptr<sql::Connection>>()>;
  struct Options {
    std::chrono::milliseconds reconcile_every{1000};  // after this long without a notification
    std::chrono::milliseconds reconnect_after{1000};
  };

  ChangeWatch(Open open, sql::TableVersions& versions, Options options);
  ~ChangeWatch();
  ChangeWatch(const ChangeWatch&) = delete;
  ChangeWatch& operator=(const ChangeWatch&) = delete;

  // Connects (the versions are live once this answers ok) and starts the thread, which
  // reconnects by itself after a failure.
  Status start();
  void stop();

  // One pass of the thread's work, without waiting: connects if needed, takes notifications and
  // re-reads the counters. Tests drive the watch with this instead of the thread.
  Status poll_once();

 private:
  void run();
  Status connect();
  Status take_notifications();
  // Moves the version of each table whose generation moved since the last read (none when
  // `baseline`: the first read after connecting).
  Status reconcile(bool baseline = false);
  void disconnect(const Error& error);
  enum class Woken { stopping, notified, timed_out };
  // Waits up to `timeout` for a notification or stop().
  Woken wait(std::chrono::milliseconds timeout);

  const Open open_;
  sql::TableVersions& versions_;
  const Options options_;
  std::unique_ptr<sql::Connection> connection_;
  std::map<std::string, int64_t, std::less<>> generations_;  // as the last reconcile read them
  int wake_fd_ = -1;  // an eventfd: stop() wakes the thread's poll at once
  std::atomic<bool> stopping_{false};
  bool warned_ = false;  // one warning per outage
  std::thread thread_;
};

}  // namespace gep::store
