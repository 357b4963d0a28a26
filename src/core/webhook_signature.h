#pragma once
// Standard Webhooks signatures (https://www.standardwebhooks.com), for deployments where a relay
// re-signs JobNimbus deliveries: headers `webhook-id`, `webhook-timestamp` (unix seconds) and
// `webhook-signature: v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`, several signatures
// separated by spaces during a key rotation. The secret is `whsec_` + base64 of the key bytes.
#include <chrono>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"

namespace gep {

// Replays and clock skew beyond this are refused, either way in time.
inline constexpr std::chrono::seconds kWebhookSignatureTolerance{300};

// The key bytes of a configured signing secret: base64, optionally prefixed `whsec_`. The error
// message never echoes the secret.
Result<std::string> decode_webhook_signing_secret(std::string_view secret);

struct SignedDelivery {
  std::string_view id;         // webhook-id
  std::string_view timestamp;  // webhook-timestamp
  std::string_view signature;  // webhook-signature
  std::string_view body;
};

// ok when one v1 signature matches (compared in constant time) and the timestamp is within
// `tolerance` of `now`; otherwise an "unauthorized" error that says what was wrong.
Status verify_webhook_signature(std::string_view key, const SignedDelivery& delivery, TimePoint now,
                                std::chrono::seconds tolerance = kWebhookSignatureTolerance);

// "v1,<base64>": what a relay sends (tests and tools sign with it).
std::string sign_webhook(std::string_view key, std::string_view id, int64_t timestamp,
                         std::string_view body);

}  // namespace gep
