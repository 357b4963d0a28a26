#include "store/change_watch.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <stdexcept>

#include "core/logging.h"

namespace gep::store {

ChangeWatch::ChangeWatch(Open open, sql::TableVersions& versions, Options options)
    : open_(std::move(open)),
      versions_(versions),
      options_(options),
      wake_fd_(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
  if (wake_fd_ < 0) throw std::runtime_error("change watch: eventfd failed");
}

ChangeWatch::~ChangeWatch() {
  stop();
  close(wake_fd_);
}

Status ChangeWatch::start() {
  if (thread_.joinable()) return {};
  if (stopping_.load()) return fail("internal", "change watch: started after stop");
  if (const Status connected = connect(); !connected) return connected;
  thread_ = std::thread([this] { run(); });
  return {};
}

void ChangeWatch::stop() {
  stopping_.store(true);
  const uint64_t one = 1;
  (void)!write(wake_fd_, &one, sizeof one);
  if (thread_.joinable()) thread_.join();
  versions_.set_not_live();
}

Status ChangeWatch::poll_once() {
  if (connection_ == nullptr) return connect();
  if (const Status taken = take_notifications(); !taken) {
    disconnect(taken.error());
    return taken;
  }
  if (const Status read = reconcile(); !read) {
    disconnect(read.error());
    return read;
  }
  return {};
}

void ChangeWatch::run() {
  while (true) {
    if (connection_ == nullptr) {
      if (wait(options_.reconnect_after) == Woken::stopping) return;
      (void)connect();
      continue;
    }
    const Woken woken = wait(options_.reconcile_every);
    if (woken == Woken::stopping) return;
    // A live listener is sent every notification, so the counters need reading only when none
    // came for a while (and always on SQLite, which has none).
    const Status done = woken == Woken::notified ? take_notifications() : reconcile();
    if (!done) disconnect(done.error());
  }
}

Status ChangeWatch::connect() {
  auto opened = open_();
  if (!opened) {
    disconnect(opened.error());
    return fail(opened.error());
  }
  connection_ = std::move(opened).value();
  if (const Status listening = connection_->listen(sql::kChangeChannel); !listening) {
    disconnect(listening.error());
    return listening;
  }
  generations_.clear();
  if (const Status read = reconcile(/*baseline=*/true); !read) {
    disconnect(read.error());
    return read;
  }
  // After LISTEN and the first read: whatever was committed before is in the counters, anything
  // later arrives as a notification or moves a counter the next reconcile reads. (reconcile
  // renewed the versions, moving every token.)
  if (warned_) log::info("change watch: watching again");
  warned_ = false;
  return {};
}

Status ChangeWatch::take_notifications() {
  const auto payloads = connection_->take_notifications();
  if (!payloads) return fail(payloads.error());
  for (const auto& table : *payloads) versions_.changed(table);
  // A pass succeeded: trusted for three intervals (at least 2 s, so a busy machine that runs the
  // thread late does not drop every cached answer), so a watch stuck in a query stops counting.
  const auto trusted =
      std::max<std::chrono::milliseconds>(3 * options_.reconcile_every, std::chrono::seconds(2));
  versions_.renew(std::chrono::steady_clock::now() + trusted);
  return {};
}

Status ChangeWatch::reconcile(bool baseline) {
  const auto rows = connection_->query("SELECT table_name, generation FROM change_counters");
  if (!rows) return fail(rows.error());
  for (const auto& row : *rows) {
    const std::string table = row.text(0);
    const int64_t generation = row.integer(1);
    auto [seen, inserted] = generations_.try_emplace(table, generation);
    if (!inserted && seen->second == generation) continue;
    seen->second = generation;
    if (!baseline) versions_.changed(table);
  }
  // libpq queues a notification that arrives during a query without poll() seeing it again.
  return take_notifications();
}

void ChangeWatch::disconnect(const Error& error) {
  versions_.set_not_live();
  connection_.reset();
  if (!warned_) {
    log::warn("change watch: {}; list caches read the database until it reconnects", error.message);
  }
  warned_ = true;
}

ChangeWatch::Woken ChangeWatch::wait(std::chrono::milliseconds timeout) {
  std::array<pollfd, 2> fds{};
  fds[0] = {.fd = wake_fd_, .events = POLLIN, .revents = 0};
  const int socket = connection_ != nullptr ? connection_->notification_socket() : -1;
  fds[1] = {.fd = socket, .events = POLLIN, .revents = 0};  // poll ignores a negative fd
  const int ready = poll(fds.data(), fds.size(), static_cast<int>(timeout.count()));
  if (stopping_.load()) return Woken::stopping;
  // EINTR counts as a notification: taking none is harmless.
  return ready == 0 ? Woken::timed_out : Woken::notified;
}

}  // namespace gep::store
