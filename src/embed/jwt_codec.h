#pragma once
// The JWT library behind one small interface: sign and check HS256 compact tokens. The token
// service reads claims itself (jwt_parts.h) and only trusts them once verify_hs256 succeeded.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"

namespace gep::embed {

struct JwtClaims {
  std::string subject;     // sub
  std::string panel;       // panel
  std::string issuer;      // iss
  std::string audience;    // aud
  std::string id;          // jti
  int64_t issued_at = 0;   // iat, unix seconds
  int64_t expires_at = 0;  // exp, unix seconds
};

class JwtCodec {
 public:
  virtual ~JwtCodec() = default;
  // A compact JWS with header {"alg":"HS256","typ":"JWT"}.
  virtual Result<std::string> sign_hs256(const JwtClaims& claims,
                                         std::string_view secret) const = 0;
  // Succeeds only for a token whose HS256 signature is valid under `secret`; a token in any
  // other algorithm fails even when the library could verify it.
  virtual Status verify_hs256(std::string_view token, std::string_view secret) const = 0;
};

// The libjwt (1.x) implementation.
std::unique_ptr<JwtCodec> make_libjwt_codec();

}  // namespace gep::embed
