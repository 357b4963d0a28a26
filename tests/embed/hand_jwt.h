#pragma once
// An independent HS256 JWT implementation for tests: OpenSSL's HMAC and base64 with the URL
// alphabet done by hand. It shares no code with gep's embed module or libjwt.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace gep::test {

std::string b64url(std::string_view bytes);
std::optional<std::string> b64url_decode(std::string_view text);

// HMAC over "header.payload" with the digest the alg names (HS256, HS384, HS512); any other alg
// string is signed with HMAC-SHA256 (an algorithm-confusion attempt); "none" has no signature.
std::string hand_token(const nlohmann::json& header, const nlohmann::json& payload,
                       std::string_view secret);
// The usual {"alg":"HS256","typ":"JWT"} header.
std::string hand_hs256(const nlohmann::json& payload, std::string_view secret);

struct HandDecoded {
  nlohmann::json header;
  nlohmann::json payload;
};
// Checks the HS256 signature in constant time; nothing unless the token is HS256 and valid.
std::optional<HandDecoded> hand_verify_hs256(std::string_view token, std::string_view secret);

}  // namespace gep::test
