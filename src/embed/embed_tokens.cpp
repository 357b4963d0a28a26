#include "embed/embed_tokens.h"

#include "core/secrets.h"
#include "embed/jwt_parts.h"

namespace gep::embed {
namespace {

Unexpected<Rejection> reject(TokenRejection reason, std::string message) {
  return fail(Rejection{reason, std::move(message)});
}

const nlohmann::json* member(const nlohmann::json& object, const char* name) {
  const auto found = object.find(name);
  return found == object.end() ? nullptr : &*found;
}

std::optional<std::string> string_claim(const nlohmann::json& payload, const char* name) {
  const auto* value = member(payload, name);
  if (value == nullptr || !value->is_string()) return std::nullopt;
  return value->get<std::string>();
}

std::optional<int64_t> integer_claim(const nlohmann::json& payload, const char* name) {
  const auto* value = member(payload, name);
  if (value == nullptr || !value->is_number_integer()) return std::nullopt;
  return value->get<int64_t>();
}

// RFC 7519: aud is one string or an array of strings.
bool audience_matches(const nlohmann::json& payload, const std::string& expected) {
  const auto* value = member(payload, "aud");
  if (value == nullptr) return false;
  if (value->is_string()) return value->get<std::string>() == expected;
  if (!value->is_array()) return false;
  for (const auto& entry : *value) {
    if (entry.is_string() && entry.get<std::string>() == expected) return true;
  }
  return false;
}

}  // namespace

std::string_view to_string(TokenRejection reason) {
  switch (reason) {
    case TokenRejection::expired:
      return "expired";
    case TokenRejection::invalid_signature:
      return "invalid_signature";
    case TokenRejection::malformed:
      return "malformed";
    case TokenRejection::unknown_job:
      return "unknown_job";
    case TokenRejection::wrong_audience:
      return "wrong_audience";
    case TokenRejection::unavailable:
      return "unavailable";
  }
  return "malformed";
}

EmbedTokens::EmbedTokens(const JwtCodec& codec, const Clock& clock, EmbedTokenSettings settings)
    : codec_(codec), clock_(clock), settings_(std::move(settings)) {}

Result<IssuedToken> EmbedTokens::issue(const std::string& job_id, PanelType panel) const {
  const int64_t now = to_unix_seconds(clock_.now());
  EmbedClaims claims{job_id, panel, now, now + settings_.ttl.count(), random_hex(16)};
  const JwtClaims jwt{job_id,           std::string(to_string(panel)),
                      settings_.issuer, settings_.audience,
                      claims.token_id,  claims.issued_at,
                      claims.expires_at};
  auto token = codec_.sign_hs256(jwt, settings_.secret);
  if (!token) return fail(token.error());
  return IssuedToken{std::move(token).value(), std::move(claims)};
}

Result<EmbedClaims, Rejection> EmbedTokens::verify(std::string_view token) const {
  auto parts = split_jwt(token);
  if (!parts) return reject(TokenRejection::malformed, parts.error().message);
  const auto alg = string_claim(parts->header, "alg");
  if (!alg || *alg != "HS256") {
    return reject(TokenRejection::invalid_signature, "only HS256 tokens are accepted");
  }
  if (const auto typ = string_claim(parts->header, "typ"); typ && *typ != "JWT") {
    return reject(TokenRejection::malformed, "the token's typ is not JWT");
  }
  if (const Status signed_by_us = codec_.verify_hs256(token, settings_.secret); !signed_by_us) {
    return reject(TokenRejection::invalid_signature, signed_by_us.error().message);
  }
  const nlohmann::json& payload = parts->payload;
  const auto subject = string_claim(payload, "sub");
  const auto panel_name = string_claim(payload, "panel");
  const auto issued_at = integer_claim(payload, "iat");
  const auto expires_at = integer_claim(payload, "exp");
  if (!subject || subject->empty() || !panel_name || !issued_at || !expires_at) {
    return reject(TokenRejection::malformed, "the token lacks sub, panel, iat or exp");
  }
  const auto panel = parse_panel_type(*panel_name);
  if (!panel) return reject(TokenRejection::malformed, "the token names no known panel");
  if (string_claim(payload, "iss") != settings_.issuer ||
      !audience_matches(payload, settings_.audience)) {
    return reject(TokenRejection::wrong_audience, "the token was not issued for embedded panels");
  }
  const int64_t now = to_unix_seconds(clock_.now());
  const int64_t leeway = settings_.leeway.count();
  if (now > *expires_at + leeway) return reject(TokenRejection::expired, "the token has expired");
  if (*issued_at > now + leeway) {
    return reject(TokenRejection::malformed, "the token was issued in the future");
  }
  return EmbedClaims{*subject, *panel, *issued_at, *expires_at,
                     string_claim(payload, "jti").value_or("")};
}

}  // namespace gep::embed
