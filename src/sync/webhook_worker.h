#pragma once
// The thread that drains webhook events: woken by the endpoint after each stored event, and by a
// poll (events stored by another instance, retries). Events left "processing" by a stopped
// process are put back at start, so nothing received is lost across a restart; processing twice
// is harmless (a re-fetch is an idempotent upsert).
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "sync/webhook_processor.h"

namespace gep::sync {

struct WebhookWorkerOptions {
  std::chrono::milliseconds poll_interval{std::chrono::seconds(30)};
  // After a pass that left retryable failures: JobNimbus is likely down or limiting us.
  std::chrono::milliseconds retry_delay{std::chrono::seconds(30)};
};

class WebhookWorker {
 public:
  WebhookWorker(WebhookProcessor& processor, domain::WebhookEventRepository& events,
                WebhookWorkerOptions options = {});
  ~WebhookWorker();
  WebhookWorker(const WebhookWorker&) = delete;
  WebhookWorker& operator=(const WebhookWorker&) = delete;

  void start();
  // A new event was stored: drain now instead of at the next poll.
  void notify();
  // Waits for the event in progress to finish.
  void stop();

 private:
  void loop();

  WebhookProcessor& processor_;
  domain::WebhookEventRepository& events_;
  const WebhookWorkerOptions options_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool notified_ = false;
  std::thread thread_;
};

}  // namespace gep::sync
