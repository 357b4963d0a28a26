#include "sync/outbox_worker.h"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "core/logging.h"
#include "core/secrets.h"
#include "sync/outbox_reconcile.h"

namespace gep::sync {
namespace {

using domain::OutboxItem;
using domain::OutboxKind;
using domain::OutboxStatus;
using jobnimbus::ApiErrorKind;

// Refusals that the same request will meet again: retrying only delays the dead letter.
bool permanent(ApiErrorKind kind) {
  return kind == ApiErrorKind::validation || kind == ApiErrorKind::not_found;
}

std::string describe(const OutboxItem& item) {
  return "outbox item " + std::to_string(item.id) + " (" +
         std::string(domain::to_string(item.kind)) + " on job " + item.job_jnid + ")";
}

}  // namespace

OutboxRunReport& OutboxRunReport::operator+=(const OutboxRunReport& other) {
  claimed += other.claimed;
  delivered += other.delivered;
  reconciled += other.reconciled;
  retried += other.retried;
  dead += other.dead;
  released += other.released;
  sends += other.sends;
  return *this;
}

std::string make_worker_id() {
  std::array<char, 256> host{};
  if (::gethostname(host.data(), host.size() - 1) != 0) host[0] = '\0';
  return std::string(host.data()) + "-" + std::to_string(::getpid()) + "-" + random_hex(4);
}

OutboxWorker::OutboxWorker(JobNimbusWriter& writer, domain::DataStore& store, Clock& clock,
                           OutboxSettings settings)
    : writer_(writer),
      store_(store),
      clock_(clock),
      settings_(std::move(settings)),
      random_(settings_.jitter_seed) {}

OutboxWorker::~OutboxWorker() {
  stop();
}

Duration OutboxWorker::backoff(int attempts) {
  const int exponent = std::clamp(attempts - 1, 0, 30);
  const double ceiling = std::min(static_cast<double>(settings_.max_delay.count()),
                                  static_cast<double>(settings_.base_delay.count()) *
                                      std::pow(2.0, static_cast<double>(exponent)));
  double drawn = 0;
  {
    const std::lock_guard lock(random_mutex_);
    drawn = std::uniform_real_distribution<double>(0.0, ceiling)(random_);
  }
  return std::max(Duration{1000}, Duration{static_cast<int64_t>(drawn)});
}

OutboxRunReport OutboxWorker::run_once() {
  OutboxRunReport report;
  const int64_t started = now();
  auto claimed = store_.outbox().claim_due(settings_.worker_id, started,
                                           started + settings_.lease.count(), settings_.batch_size);
  if (!claimed) {
    log::warn("outbox: cannot claim due items: {}", claimed.error().message);
    return report;
  }
  report.claimed = static_cast<int>(claimed->size());
  for (auto& item : *claimed) {
    Step step = Step::released;
    if (stopping_) {
      // Not sent: hand it back so that a restart (or another instance) need not wait the lease.
      (void)store_.outbox().release(item.id, settings_.worker_id, now());
    } else {
      step = deliver(item, report);
    }
    switch (step) {
      case Step::delivered:
        ++report.delivered;
        break;
      case Step::reconciled:
        ++report.delivered;
        ++report.reconciled;
        break;
      case Step::retried:
        ++report.retried;
        break;
      case Step::dead:
        ++report.dead;
        break;
      case Step::released:
        ++report.released;
        break;
    }
  }
  return report;
}

OutboxRunReport OutboxWorker::drain(int max_batches) {
  OutboxRunReport total;
  for (int batch = 0; batch < max_batches && !stopping_; ++batch) {
    const OutboxRunReport report = run_once();
    total += report;
    if (report.claimed == 0) break;
  }
  return total;
}

OutboxWorker::Step OutboxWorker::deliver(OutboxItem& item, OutboxRunReport& report) {
  const auto payload = parse_payload(item.kind, item.payload_json);
  if (!payload) return record_failure(item, payload.error().message, true, false);

  // Earlier items of the batch may have used up part of the lease: renew it before each call.
  if (creates_record(item.kind) && item.outcome_unknown) {
    if (!keep_lease(item)) return Step::released;
    const auto ids = store_.outbox().delivered_result_ids(item.job_jnid, item.kind);
    if (!ids) return record_failure(item, ids.error().message, false, true);
    const auto found = find_delivered(writer_, item, *payload, *ids,
                                      {settings_.reconcile_limit, settings_.clock_skew_seconds});
    if (!found) return record_failure(item, "reconcile: " + found.error().message, false, true);
    if (found->has_value()) return record_success(item, **found, true);
    log::info("{}: not found in JobNimbus after an unknown outcome; sending it again",
              describe(item));
  }

  if (!keep_lease(item)) return Step::released;
  ++report.sends;
  const auto sent = send(item, *payload);
  if (sent) return record_success(item, *sent, false);
  const auto& error = sent.error();
  // A POST that may have been applied stays "outcome unknown" until a reconcile settles it.
  const bool unknown =
      error.kind == ApiErrorKind::outcome_unknown ||
      (item.outcome_unknown && creates_record(item.kind) && !permanent(error.kind));
  return record_failure(item, error.describe(), permanent(error.kind), unknown);
}

bool OutboxWorker::keep_lease(OutboxItem& item) {
  const int64_t at = now();
  if (item.locked_until - at >= settings_.lease.count() / 2) return true;
  const int64_t until = at + settings_.lease.count();
  const auto renewed = store_.outbox().renew_lease(item.id, settings_.worker_id, until);
  if (!renewed || !*renewed) {
    log::warn("{}: lease lost before sending; another worker has it", describe(item));
    return false;
  }
  item.locked_until = until;
  return true;
}

jobnimbus::ApiResult<std::string> OutboxWorker::send(const OutboxItem& item,
                                                     const OutboxPayload& payload) {
  switch (item.kind) {
    case OutboxKind::note:
      return writer_.create_note(item.job_jnid, payload.text);
    case OutboxKind::task:
      return writer_.create_task(item.job_jnid,
                                 {payload.title, payload.description, payload.due_date});
    case OutboxKind::status:
      return writer_.update_job_status(item.job_jnid, payload.status);
    case OutboxKind::attachment: {
      auto bytes = decode_base64(payload.content_base64);
      if (!bytes) {
        return fail(jobnimbus::ApiError{ApiErrorKind::validation, 0,
                                        "the stored attachment is not valid base64", "",
                                        std::nullopt, 0});
      }
      return writer_.upload_attachment(item.job_jnid,
                                       {payload.file_name, std::move(*bytes), payload.file_type,
                                        payload.description.value_or("")});
    }
  }
  return fail(
      jobnimbus::ApiError{ApiErrorKind::validation, 0, "unknown outbox kind", "", std::nullopt, 0});
}

OutboxWorker::Step OutboxWorker::record_success(const OutboxItem& item,
                                                const std::string& result_jnid, bool reconciled) {
  domain::OutboxOutcome outcome;
  outcome.status = OutboxStatus::delivered;
  outcome.result_jnid = result_jnid;
  bool still_ours = false;
  // The outcome and its JobSyncLog commit together: a log never claims an undelivered item.
  const Status stored = store_.in_transaction([&](domain::Repositories& repositories) -> Status {
    const auto finished =
        repositories.outbox().finish(item.id, settings_.worker_id, outcome, now());
    if (!finished) return fail(finished.error());
    still_ours = *finished;
    if (still_ours) write_log(item, true, "", repositories);
    return {};
  });
  if (!stored) {
    // Delivered but not recorded: the lease expires, the item comes back as outcome unknown and
    // the reconcile finds this record. Never a second send.
    log::error("{}: delivered as {} but not recorded: {}", describe(item), result_jnid,
               stored.error().message);
    return Step::released;
  }
  if (!still_ours) {
    log::warn("{}: delivered as {} after its lease passed to another worker", describe(item),
              result_jnid);
    return Step::released;
  }
  if (reconciled)
    log::info("{}: already in JobNimbus as {}; not sent again", describe(item), result_jnid);
  return reconciled ? Step::reconciled : Step::delivered;
}

OutboxWorker::Step OutboxWorker::record_failure(const OutboxItem& item, const std::string& error,
                                                bool is_permanent, bool outcome_unknown) {
  const bool dead = is_permanent || item.attempts >= item.max_attempts;
  domain::OutboxOutcome outcome;
  outcome.status = dead ? OutboxStatus::dead : OutboxStatus::pending;
  outcome.last_error = error;
  outcome.outcome_unknown = outcome_unknown;
  const int64_t at = now();
  if (!dead) {
    outcome.next_attempt_at = at + std::chrono::duration_cast<std::chrono::seconds>(
                                       backoff(item.attempts) + std::chrono::milliseconds{999})
                                       .count();
  }
  bool still_ours = false;
  const Status stored = store_.in_transaction([&](domain::Repositories& repositories) -> Status {
    const auto finished = repositories.outbox().finish(item.id, settings_.worker_id, outcome, at);
    if (!finished) return fail(finished.error());
    still_ours = *finished;
    if (still_ours && dead) write_log(item, false, error, repositories);
    return {};
  });
  if (!stored || !still_ours) {
    log::warn("{}: failed ({}) and the outcome could not be recorded", describe(item), error);
    return Step::released;
  }
  if (dead) {
    log::warn("{}: dead-lettered after {} attempt(s): {}", describe(item), item.attempts, error);
    return Step::dead;
  }
  log::info("{}: attempt {} of {} failed, next in {} s: {}", describe(item), item.attempts,
            item.max_attempts, outcome.next_attempt_at - at, error);
  return Step::retried;
}

void OutboxWorker::write_log(const OutboxItem& item, bool success, const std::string& error,
                             domain::Repositories& repositories) {
  domain::SyncLog entry;
  entry.job_id = item.job_id;
  entry.job_jnid = item.job_jnid;
  entry.sync_type = domain::SyncType::push;
  entry.status = success ? domain::SyncStatus::success : domain::SyncStatus::failed;
  entry.entity = std::string(domain::to_string(item.kind));
  entry.trigger = "outbox";
  entry.records_affected = success ? 1 : 0;
  entry.created = success && creates_record(item.kind) ? 1 : 0;
  entry.updated = success && !creates_record(item.kind) ? 1 : 0;
  entry.failed = success ? 0 : 1;
  entry.error_message = error;
  entry.started_at = item.updated_at;
  if (const auto appended = repositories.sync_logs().append(entry); !appended) {
    log::error("outbox: could not write the PUSH sync log: {}", appended.error().message);
  }
}

void OutboxWorker::start() {
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { loop(); });
}

void OutboxWorker::stop() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
    woken_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void OutboxWorker::wake() {
  {
    const std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
}

void OutboxWorker::loop() {
  log::info("outbox worker {} started", settings_.worker_id);
  while (!stopping_) {
    const OutboxRunReport report = drain();
    if (report.claimed > 0) {
      log::info("outbox: delivered {} ({} found already delivered), {} retried, {} dead",
                report.delivered, report.reconciled, report.retried, report.dead);
    }
    std::unique_lock lock(mutex_);
    // Real time on purpose: this only paces polling; delivery times come from the clock.
    wake_.wait_for(lock, settings_.idle_poll, [this] { return woken_ || stopping_.load(); });
    woken_ = false;
  }
  log::info("outbox worker {} stopped", settings_.worker_id);
}

}  // namespace gep::sync
