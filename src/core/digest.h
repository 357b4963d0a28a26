#pragma once
// Hashes, HMAC and base64 over OpenSSL, for webhook signatures and de-duplication keys.
#include <optional>
#include <string>
#include <string_view>

namespace gep {

// SHA-256 of `data`, lower-case hex (64 characters).
std::string sha256_hex(std::string_view data);
// HMAC-SHA256 of `data` under `key`: the 32 raw bytes.
std::string hmac_sha256(std::string_view key, std::string_view data);

// Standard base64 (RFC 4648 alphabet, with padding).
std::string base64_encode(std::string_view bytes);
// Nothing for text that is not canonical padded base64 (whitespace included).
std::optional<std::string> base64_decode(std::string_view text);
// The URL- and filename-safe alphabet ('-' and '_'), without padding: tokens that travel in a
// query string without escaping.
std::string base64url_encode(std::string_view bytes);
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace gep
