#include "portal/tokens.h"

#include "core/digest.h"
#include "core/secrets.h"

namespace gep::portal {
namespace {

constexpr size_t kTokenBytes = 32;
constexpr size_t kTokenLength = 43;  // ceil(32 * 4 / 3) without padding

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  return c - 'a' + 10;
}

}  // namespace

std::string new_token() {
  const std::string hex = random_hex(kTokenBytes);
  std::string bytes;
  bytes.reserve(kTokenBytes);
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes.push_back(static_cast<char>(hex_value(hex[i]) * 16 + hex_value(hex[i + 1])));
  }
  return base64url_encode(bytes);
}

std::string token_hash(std::string_view token) {
  return sha256_hex(token);
}

bool looks_like_token(std::string_view text) {
  if (text.size() != kTokenLength) return false;
  for (const char c : text) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace gep::portal
