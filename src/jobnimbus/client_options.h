#pragma once
// Everything a JobNimbusClient is built from. Tests replace the transport, the clock and the rate
// limiter; production takes them from Config (from_config).
#include <memory>
#include <string>

#include "core/clock.h"
#include "core/config.h"
#include "jobnimbus/http_transport.h"
#include "jobnimbus/rate_limiter.h"
#include "jobnimbus/retry_policy.h"

namespace gep::jobnimbus {

struct ClientOptions {
  std::string base_url = "https://app.jobnimbus.com/api1";
  std::string api_key;  // sent only as "Authorization: Bearer <key>"
  Duration connect_timeout{10'000};
  Duration timeout{30'000};
  double max_rps = 5.0;
  RetryPolicy retry;
  std::shared_ptr<Clock> clock;               // default: the system clock
  std::shared_ptr<RateLimiter> rate_limiter;  // default: process_rate_limiter(max_rps)
  std::shared_ptr<HttpTransport> transport;   // default: a CurlTransport built from the above

  // JOBNIMBUS_BASE_URL, JOBNIMBUS_API_KEY, JOBNIMBUS_TIMEOUT_MS, JOBNIMBUS_CONNECT_TIMEOUT_MS,
  // JOBNIMBUS_MAX_RPS.
  static ClientOptions from_config(const Config& config);
};

}  // namespace gep::jobnimbus
