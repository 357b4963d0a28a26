#pragma once
// The structure of a compact JWS read without any library: three base64url parts, a JSON object
// header and a JSON object payload. Verification reads the header's `alg` from here first, so
// that a token in another algorithm is refused by us, whatever the library would accept.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace gep::embed {

struct JwtParts {
  nlohmann::json header;   // an object
  nlohmann::json payload;  // an object
};

// Fails with code "malformed" and a message that never quotes the token.
Result<JwtParts> split_jwt(std::string_view token);

// RFC 4648 section 5 without padding, as JWS uses it.
std::string base64url_encode(std::string_view bytes);
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace gep::embed
