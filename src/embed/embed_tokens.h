#pragma once
// Embed tokens: HS256 JWTs naming one job and one panel, valid for EMBED_TOKEN_TTL_MINUTES.
// Verification refuses, with a stable reason code, anything gep did not issue for this purpose.
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"
#include "embed/jwt_codec.h"
#include "embed/panel.h"

namespace gep::embed {

enum class TokenRejection {
  expired,            // exp passed (beyond the clock-skew leeway)
  invalid_signature,  // tampered, another secret, or an algorithm other than HS256
  malformed,          // not a JWT, or a claim missing or of the wrong type
  unknown_job,        // the job no longer exists (checked by EmbedLinkService)
  wrong_audience,     // another issuer/audience, or a token for another job or panel
  unavailable,        // the job could not be checked (database down): not the token's fault
};

std::string_view to_string(TokenRejection reason);

struct Rejection {
  TokenRejection reason = TokenRejection::malformed;
  std::string message;  // for people; never quotes the token
};

struct EmbedTokenSettings {
  std::string secret;  // EMBED_SIGNING_SECRET, at least 32 bytes
  std::chrono::seconds ttl{std::chrono::minutes(30)};
  std::chrono::seconds leeway{30};  // clock skew tolerated on exp and iat
  std::string issuer = "gep";
  std::string audience = "gep-embed";
};

struct EmbedClaims {
  std::string job_id;
  PanelType panel = PanelType::qc;
  int64_t issued_at = 0;
  int64_t expires_at = 0;
  std::string token_id;
};

struct IssuedToken {
  std::string token;
  EmbedClaims claims;
};

class EmbedTokens {
 public:
  // `codec` and `clock` must outlive this object.
  EmbedTokens(const JwtCodec& codec, const Clock& clock, EmbedTokenSettings settings);

  Result<IssuedToken> issue(const std::string& job_id, PanelType panel) const;
  // Signature, algorithm, time, issuer and audience; the job's existence is the caller's check.
  Result<EmbedClaims, Rejection> verify(std::string_view token) const;

  const EmbedTokenSettings& settings() const { return settings_; }

 private:
  const JwtCodec& codec_;
  const Clock& clock_;
  EmbedTokenSettings settings_;
};

}  // namespace gep::embed
