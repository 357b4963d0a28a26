#pragma once
// The codecs the file endpoints need (md5, base64, signed download URLs) and the placeholder
// bytes of seeded files no picture or PDF is drawn for (seeded_files.h draws the others).
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
