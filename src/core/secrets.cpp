#include "core/secrets.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <mutex>
#include <shared_mutex>
#include <stdexcept>
#include <vector>

namespace gep {
namespace {

std::shared_mutex registry_mutex;
std::vector<std::string>& registered_secrets() {
  static std::vector<std::string> secrets;
  return secrets;
}

}  // namespace

bool constant_time_equals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string random_hex(size_t bytes) {
  std::vector<unsigned char> buffer(bytes);
  if (RAND_bytes(buffer.data(), static_cast<int>(buffer.size())) != 1) {
    throw std::runtime_error("the system random number generator failed");
  }
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes * 2);
  for (const unsigned char byte : buffer) {
    out.push_back(kDigits[byte >> 4]);
    out.push_back(kDigits[byte & 0x0f]);
  }
  return out;
}

void SecretRegistry::add(std::string_view secret) {
  // Very short values would scrub ordinary words out of log lines; they are weak secrets anyway.
  if (secret.size() < 6) return;
  const std::unique_lock lock(registry_mutex);
  registered_secrets().emplace_back(secret);
}

std::string SecretRegistry::scrub(std::string text) {
  const std::shared_lock lock(registry_mutex);
  for (const auto& secret : registered_secrets()) {
    for (size_t pos = text.find(secret); pos != std::string::npos;
         pos = text.find(secret, pos + 10)) {
      text.replace(pos, secret.size(), "[REDACTED]");
    }
  }
  return text;
}

void SecretRegistry::clear_for_tests() {
  const std::unique_lock lock(registry_mutex);
  registered_secrets().clear();
}

std::string redact_url_password(std::string_view url) {
  const size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::string(url);
  const size_t authority_start = scheme_end + 3;
  const size_t authority_end = url.find_first_of("/?#", authority_start);
  const std::string_view authority = url.substr(
      authority_start, authority_end == std::string_view::npos ? std::string_view::npos
                                                               : authority_end - authority_start);
  const size_t at = authority.rfind('@');
  if (at == std::string_view::npos) return std::string(url);
  const size_t colon = authority.find(':');
  if (colon == std::string_view::npos || colon > at) return std::string(url);
  std::string out(url.substr(0, authority_start + colon + 1));
  out += "***";
  out += url.substr(authority_start + at);
  return out;
}

}  // namespace gep
