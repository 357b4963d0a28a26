#include <jwt.h>

#include <memory>
#include <string>

#include "embed/jwt_codec.h"

namespace gep::embed {
namespace {

struct JwtDeleter {
  void operator()(jwt_t* jwt) const { jwt_free(jwt); }
};
using JwtPtr = std::unique_ptr<jwt_t, JwtDeleter>;

struct FreeDeleter {
  void operator()(char* text) const { free(text); }  // NOLINT: libjwt allocates with malloc
};

const unsigned char* key_bytes(std::string_view secret) {
  return reinterpret_cast<const unsigned char*>(secret.data());
}

class LibJwtCodec final : public JwtCodec {
 public:
  Result<std::string> sign_hs256(const JwtClaims& claims, std::string_view secret) const override {
    jwt_t* raw = nullptr;
    if (jwt_new(&raw) != 0) return fail("internal", "libjwt could not allocate a token");
    const JwtPtr jwt(raw);
    int failed = jwt_add_header(jwt.get(), "typ", "JWT");
    failed |= jwt_add_grant(jwt.get(), "sub", claims.subject.c_str());
    failed |= jwt_add_grant(jwt.get(), "panel", claims.panel.c_str());
    failed |= jwt_add_grant(jwt.get(), "iss", claims.issuer.c_str());
    failed |= jwt_add_grant(jwt.get(), "aud", claims.audience.c_str());
    failed |= jwt_add_grant(jwt.get(), "jti", claims.id.c_str());
    failed |= jwt_add_grant_int(jwt.get(), "iat", static_cast<long>(claims.issued_at));
    failed |= jwt_add_grant_int(jwt.get(), "exp", static_cast<long>(claims.expires_at));
    failed |=
        jwt_set_alg(jwt.get(), JWT_ALG_HS256, key_bytes(secret), static_cast<int>(secret.size()));
    if (failed != 0) return fail("internal", "libjwt refused the token's claims");
    const std::unique_ptr<char, FreeDeleter> encoded(jwt_encode_str(jwt.get()));
    if (!encoded) return fail("internal", "libjwt could not encode the token");
    return std::string(encoded.get());
  }

  Status verify_hs256(std::string_view token, std::string_view secret) const override {
    if (secret.empty()) return fail("invalid_signature", "no signing secret");
    const std::string terminated(token);
    jwt_t* raw = nullptr;
    // libjwt verifies in whatever algorithm the header names (an HS512 token signed with our
    // secret decodes fine), so the algorithm is checked here as well.
    const int decoded =
        jwt_decode(&raw, terminated.c_str(), key_bytes(secret), static_cast<int>(secret.size()));
    const JwtPtr jwt(raw);
    if (decoded != 0 || !jwt) return fail("invalid_signature", "the signature does not verify");
    if (jwt_get_alg(jwt.get()) != JWT_ALG_HS256) {
      return fail("invalid_signature", "only HS256 tokens are accepted");
    }
    return {};
  }
};

}  // namespace

std::unique_ptr<JwtCodec> make_libjwt_codec() {
  return std::make_unique<LibJwtCodec>();
}

}  // namespace gep::embed
