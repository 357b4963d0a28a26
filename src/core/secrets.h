#pragma once
// Secrets (API keys, signing secrets, passwords) must never reach a log line, an error or a page.
#include <string>
#include <string_view>

namespace gep {

// Compares in time that depends only on the lengths, never on where the inputs differ.
bool constant_time_equals(std::string_view a, std::string_view b);

// Cryptographically random bytes, hex-encoded (2 characters per byte).
std::string random_hex(size_t bytes);

// A process-wide list of secret values; the logger scrubs them from every line it writes,
// as a last line of defence behind "never format a secret into a message".
class SecretRegistry {
 public:
  static void add(std::string_view secret);
  static std::string scrub(std::string text);
  static void clear_for_tests();
};

// "postgres://user:pw@host/db" -> "postgres://user:***@host/db"; other strings unchanged.
std::string redact_url_password(std::string_view url);

}  // namespace gep
