#include "core/webhook_signature.h"

#include <charconv>

#include "core/digest.h"
#include "core/secrets.h"

namespace gep {
namespace {

constexpr std::string_view kSecretPrefix = "whsec_";
constexpr std::string_view kVersionPrefix = "v1,";

std::string signed_content(std::string_view id, std::string_view timestamp, std::string_view body) {
  std::string content;
  content.reserve(id.size() + timestamp.size() + body.size() + 2);
  content.append(id).append(".").append(timestamp).append(".").append(body);
  return content;
}

bool any_signature_matches(std::string_view header, std::string_view expected) {
  bool matched = false;
  while (!header.empty()) {
    const size_t space = header.find(' ');
    const std::string_view candidate = header.substr(0, space);
    header = space == std::string_view::npos ? std::string_view{} : header.substr(space + 1);
    if (candidate.substr(0, kVersionPrefix.size()) != kVersionPrefix) continue;  // other schemes
    // No early exit: the time taken does not tell which candidate matched.
    matched = constant_time_equals(candidate.substr(kVersionPrefix.size()), expected) || matched;
  }
  return matched;
}

}  // namespace

Result<std::string> decode_webhook_signing_secret(std::string_view secret) {
  if (secret.substr(0, kSecretPrefix.size()) == kSecretPrefix)
    secret.remove_prefix(kSecretPrefix.size());
  auto key = base64_decode(secret);
  if (!key || key->empty()) {
    return fail("configuration", "expected base64 key bytes, optionally prefixed whsec_");
  }
  return std::move(*key);
}

Status verify_webhook_signature(std::string_view key, const SignedDelivery& delivery, TimePoint now,
                                std::chrono::seconds tolerance) {
  if (delivery.id.empty() || delivery.timestamp.empty() || delivery.signature.empty()) {
    return fail("unauthorized",
                "missing webhook-id, webhook-timestamp or webhook-signature header");
  }
  int64_t timestamp = 0;
  const auto* end = delivery.timestamp.data() + delivery.timestamp.size();
  const auto [ptr, ec] = std::from_chars(delivery.timestamp.data(), end, timestamp);
  if (ec != std::errc{} || ptr != end) {
    return fail("unauthorized", "webhook-timestamp is not unix seconds");
  }
  // Compared as a window, not a difference: a hostile timestamp must not overflow.
  const int64_t current = to_unix_seconds(now);
  if (timestamp < current - tolerance.count() || timestamp > current + tolerance.count()) {
    return fail("unauthorized", "webhook-timestamp is outside the " +
                                    std::to_string(tolerance.count()) + "-second tolerance");
  }
  const std::string expected = base64_encode(
      hmac_sha256(key, signed_content(delivery.id, delivery.timestamp, delivery.body)));
  if (!any_signature_matches(delivery.signature, expected)) {
    return fail("unauthorized", "no webhook-signature matches");
  }
  return {};
}

std::string sign_webhook(std::string_view key, std::string_view id, int64_t timestamp,
                         std::string_view body) {
  const std::string stamp = std::to_string(timestamp);
  return std::string(kVersionPrefix) +
         base64_encode(hmac_sha256(key, signed_content(id, stamp, body)));
}

}  // namespace gep
