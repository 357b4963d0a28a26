#include "embed/hand_jwt.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <vector>

namespace gep::test {
namespace {

const unsigned char* bytes_of(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

std::string hmac(const EVP_MD* digest, std::string_view key, std::string_view data) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  HMAC(digest, key.data(), static_cast<int>(key.size()), bytes_of(data), data.size(), mac, &size);
  return std::string(reinterpret_cast<const char*>(mac), size);
}

}  // namespace

std::string b64url(std::string_view bytes) {
  std::vector<unsigned char> out(4 * ((bytes.size() + 2) / 3) + 1);
  const int written = EVP_EncodeBlock(out.data(), bytes_of(bytes), static_cast<int>(bytes.size()));
  std::string text(reinterpret_cast<const char*>(out.data()), static_cast<size_t>(written));
  while (!text.empty() && text.back() == '=') text.pop_back();
  for (char& c : text) {
    if (c == '+') c = '-';
    if (c == '/') c = '_';
  }
  return text;
}

std::optional<std::string> b64url_decode(std::string_view text) {
  std::string standard(text);
  for (char& c : standard) {
    if (c == '-') c = '+';
    if (c == '_') c = '/';
  }
  size_t padding = 0;
  while (standard.size() % 4 != 0) {
    standard.push_back('=');
    ++padding;
  }
  std::vector<unsigned char> out(standard.size() / 4 * 3 + 1);
  const int written =
      EVP_DecodeBlock(out.data(), bytes_of(standard), static_cast<int>(standard.size()));
  if (written < 0) return std::nullopt;
  return std::string(reinterpret_cast<const char*>(out.data()),
                     static_cast<size_t>(written) - padding);
}

std::string hand_token(const nlohmann::json& header, const nlohmann::json& payload,
                       std::string_view secret) {
  const std::string signing_input = b64url(header.dump()) + "." + b64url(payload.dump());
  const std::string alg = header.value("alg", "");
  if (alg == "none") return signing_input + ".";
  const EVP_MD* digest = alg == "HS512"   ? EVP_sha512()
                         : alg == "HS384" ? EVP_sha384()
                                          : EVP_sha256();
  return signing_input + "." + b64url(hmac(digest, secret, signing_input));
}

std::string hand_hs256(const nlohmann::json& payload, std::string_view secret) {
  return hand_token({{"alg", "HS256"}, {"typ", "JWT"}}, payload, secret);
}

std::optional<HandDecoded> hand_verify_hs256(std::string_view token, std::string_view secret) {
  const size_t first = token.find('.');
  const size_t second = token.rfind('.');
  if (first == std::string_view::npos || first == second) return std::nullopt;
  const auto header_bytes = b64url_decode(token.substr(0, first));
  const auto payload_bytes = b64url_decode(token.substr(first + 1, second - first - 1));
  const auto signature = b64url_decode(token.substr(second + 1));
  if (!header_bytes || !payload_bytes || !signature) return std::nullopt;
  HandDecoded decoded{nlohmann::json::parse(*header_bytes, nullptr, false),
                      nlohmann::json::parse(*payload_bytes, nullptr, false)};
  if (!decoded.header.is_object() || decoded.header.value("alg", "") != "HS256") {
    return std::nullopt;
  }
  const std::string expected = hmac(EVP_sha256(), secret, token.substr(0, second));
  if (signature->size() != expected.size() ||
      CRYPTO_memcmp(signature->data(), expected.data(), expected.size()) != 0) {
    return std::nullopt;
  }
  return decoded;
}

}  // namespace gep::test
