#pragma once
// Builds clients for tests: a ManualClock (retries and the rate limiter never really sleep), a
// private rate limiter, short timeouts and a recognisable API key to hunt for in error texts.
#include <memory>
#include <string>

#include "core/clock.h"
#include "jobnimbus/client.h"

namespace gep::testing {

inline constexpr const char* kTestApiKey = "sk_test_S3CR3T_9f8e7d6c5b4a";

struct TestClient {
  std::shared_ptr<ManualClock> clock;
  std::unique_ptr<jobnimbus::JobNimbusClient> client;
  jobnimbus::JobNimbusClient* operator->() const { return client.get(); }
};

inline jobnimbus::ClientOptions test_options(const std::string& base_url,
                                             std::shared_ptr<ManualClock> clock) {
  jobnimbus::ClientOptions options;
  options.base_url = base_url;
  options.api_key = kTestApiKey;
  options.timeout = Duration{2000};
  options.connect_timeout = Duration{1000};
  options.clock = clock;
  options.rate_limiter = std::make_shared<jobnimbus::RateLimiter>(1000.0, 1000.0, clock);
  options.retry.max_attempts = 4;
  options.retry.initial_backoff = Duration{200};
  options.retry.max_backoff = Duration{5000};
  options.retry.max_total_wait = Duration{60'000};
  options.retry.jitter_seed = 42;
  return options;
}

inline TestClient make_test_client(jobnimbus::ClientOptions options) {
  auto clock = std::dynamic_pointer_cast<ManualClock>(options.clock);
  auto created = jobnimbus::JobNimbusClient::create(std::move(options));
  if (!created) throw std::runtime_error(created.error().describe());
  return TestClient{std::move(clock), std::move(created).value()};
}

inline TestClient make_test_client(const std::string& base_url,
                                   std::shared_ptr<jobnimbus::HttpTransport> transport = nullptr) {
  auto clock = std::make_shared<ManualClock>();
  auto options = test_options(base_url, clock);
  options.transport = std::move(transport);
  return make_test_client(std::move(options));
}

}  // namespace gep::testing
