#pragma once
// An in-memory HttpTransport: answers (or transport failures) are scripted in order and every
// request is recorded, so retry and classification logic runs without sockets or real time.
#include <deque>
#include <mutex>
#include <vector>

#include "jobnimbus/http_transport.h"

namespace gep::testing {

class ScriptedTransport final : public jobnimbus::HttpTransport {
 public:
  using Outcome = Result<jobnimbus::HttpResponse, jobnimbus::TransportFailure>;

  void respond(int status, std::string body, std::vector<jobnimbus::HttpHeader> headers = {}) {
    push(jobnimbus::HttpResponse{status, std::move(headers), std::move(body)});
  }
  void fail_with(jobnimbus::TransportFailureKind kind, bool may_have_been_sent,
                 std::string message = "scripted") {
    push(fail(jobnimbus::TransportFailure{kind, may_have_been_sent, std::move(message)}));
  }
  Outcome send(const jobnimbus::HttpRequest& request) override {
    const std::lock_guard lock(mutex_);
    requests_.push_back(request);
    if (outcomes_.empty()) return jobnimbus::HttpResponse{599, {}, "unscripted"};
    Outcome outcome = std::move(outcomes_.front());
    outcomes_.pop_front();
    return outcome;
  }
  std::vector<jobnimbus::HttpRequest> requests() const {
    const std::lock_guard lock(mutex_);
    return requests_;
  }
  size_t remaining() const {
    const std::lock_guard lock(mutex_);
    return outcomes_.size();
  }

 private:
  void push(Outcome outcome) {
    const std::lock_guard lock(mutex_);
    outcomes_.push_back(std::move(outcome));
  }
  mutable std::mutex mutex_;
  std::deque<Outcome> outcomes_;
  std::vector<jobnimbus::HttpRequest> requests_;
};

}  // namespace gep::testing
