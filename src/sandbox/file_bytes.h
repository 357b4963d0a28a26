#pragma once
// File contents: seeded files are not stored but regenerated from a seed on download (700,000
// files must not cost gigabytes), so they are small placeholders whose size and md5 are exact.
// Plus the codecs the file endpoints need: md5, base64, signed download URLs.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gep::sandbox {

// Deterministic bytes that start like a real file of that type (JPEG, PNG, HEIC or PDF header).
std::string placeholder_bytes(uint64_t content_seed, std::string_view content_type);

std::string md5_hex(std::string_view bytes);
std::string base64_encode(std::string_view bytes);
// Accepts standard and URL-safe alphabets, padding optional, whitespace ignored, and a
// "data:...;base64," prefix; nullopt on any other character.
std::optional<std::string> base64_decode(std::string_view text);

// "image/jpeg" for "IMG_1.JPG", "application/pdf" for ".pdf", ... octet-stream otherwise.
std::string content_type_for(std::string_view filename);

// Hex HMAC-SHA256 of `message` under `key`: the signature of a download URL.
std::string hmac_sha256_hex(std::string_view key, std::string_view message);

}  // namespace gep::sandbox
