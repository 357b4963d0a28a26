#include "sandbox/sandbox_options.h"

#include <string>

namespace gep::sandbox {

std::string_view to_string(RetryAfterMode mode) {
  switch (mode) {
    case RetryAfterMode::yes:
      return "yes";
    case RetryAfterMode::no:
      return "no";
    case RetryAfterMode::mixed:
      return "mixed";
  }
  return "yes";
}

Result<RetryAfterMode> parse_retry_after_mode(std::string_view text) {
  if (text == "yes") return RetryAfterMode::yes;
  if (text == "no") return RetryAfterMode::no;
  if (text == "mixed") return RetryAfterMode::mixed;
  return fail("validation",
              "--retry-after must be yes, no or mixed (got '" + std::string(text) + "')");
}

std::string_view to_string(StringBehaviour behaviour) {
  switch (behaviour) {
    case StringBehaviour::honour:
      return "honour";
    case StringBehaviour::ignore:
      return "ignore";
    case StringBehaviour::reject:
      return "reject";
  }
  return "honour";
}

Result<StringBehaviour> parse_string_behaviour(std::string_view text, std::string_view flag) {
  if (text == "honour") return StringBehaviour::honour;
  if (text == "ignore") return StringBehaviour::ignore;
  if (text == "reject") return StringBehaviour::reject;
  return fail("validation", std::string(flag) + " must be honour, ignore or reject (got '" +
                                std::string(text) + "')");
}

Status validate(const SandboxOptions& options) {
  if (options.host.empty()) return fail("validation", "--host must not be empty");
  if (options.api_key.empty()) return fail("validation", "--api-key must not be empty");
  if (options.jobs < 0 || options.jobs > 2'000'000) {
    return fail("validation", "--jobs must be between 0 and 2000000");
  }
  if (options.contacts > 2'000'000) {
    return fail("validation", "--contacts must be at most 2000000");
  }
  if (!(options.photos_per_job >= 0.0 && options.photos_per_job <= 100.0)) {
    return fail("validation", "--photos-per-job must be between 0 and 100");
  }
  if (!(options.docs_per_job >= 0.0 && options.docs_per_job <= 50.0)) {
    return fail("validation", "--docs-per-job must be between 0 and 50");
  }
  if (!(options.rate_limit >= 0.0 && options.rate_limit <= 1e7)) {
    return fail("validation", "--rate-limit must be a number of requests per second >= 0");
  }
  if (!(options.fault_rate >= 0.0 && options.fault_rate <= 1.0)) {
    return fail("validation", "--fault-rate must be a fraction between 0 and 1");
  }
  if (options.latency_ms < 0 || options.latency_ms > 60'000) {
    return fail("validation", "--latency-ms must be between 0 and 60000");
  }
  for (const int64_t crowd : options.crowded_seconds) {
    if (crowd < 1 || crowd > 2'000'000) {
      return fail("validation", "--crowded-seconds sizes must be between 1 and 2000000");
    }
  }
  if (options.anchor_time < 0) return fail("validation", "--anchor must be unix seconds >= 0");
  if (options.threads < 1 || options.threads > 1024) {
    return fail("validation", "threads must be between 1 and 1024");
  }
  if (options.signed_url_ttl_seconds < 1) {
    return fail("validation", "the signed URL lifetime must be at least one second");
  }
  return {};
}

}  // namespace gep::sandbox
