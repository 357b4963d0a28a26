#include "sync/webhook_worker.h"

#include "core/logging.h"

namespace gep::sync {

WebhookWorker::WebhookWorker(WebhookProcessor& processor, domain::WebhookEventRepository& events,
                             WebhookWorkerOptions options)
    : processor_(processor), events_(events), options_(options) {}

WebhookWorker::~WebhookWorker() {
  stop();
}

void WebhookWorker::start() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = false;
  }
  thread_ = std::thread([this] { loop(); });
}

void WebhookWorker::notify() {
  {
    const std::lock_guard lock(mutex_);
    notified_ = true;
  }
  wake_.notify_one();
}

void WebhookWorker::stop() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void WebhookWorker::loop() {
  if (const auto requeued = events_.requeue_interrupted(); !requeued) {
    log::warn("webhook: cannot requeue interrupted events: {}", requeued.error().message);
  } else if (*requeued > 0) {
    log::info("webhook: {} interrupted event(s) queued again", *requeued);
  }
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    notified_ = false;
    lock.unlock();
    const DrainReport report = processor_.drain();
    lock.lock();
    if (stopping_) return;
    // A full batch means more are waiting; otherwise sleep until notified or the poll is due.
    if (report.claimed >= processor_.batch_size() && report.retrying == 0) continue;
    const auto wait = report.retrying > 0 ? options_.retry_delay : options_.poll_interval;
    // Real time on purpose: this thread only runs in production (tests call drain()).
    wake_.wait_for(lock, wait, [this] { return stopping_ || notified_; });
  }
}

}  // namespace gep::sync
