#include "embed/jwt_parts.h"

#include <algorithm>

#include "core/digest.h"
#include "core/json_input.h"

namespace gep::embed {
namespace {

constexpr size_t kMaxTokenLength = 4096;

bool is_base64url_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

std::optional<nlohmann::json> decode_object(std::string_view part) {
  const auto bytes = base64url_decode(part);
  if (!bytes) return std::nullopt;
  auto parsed = parse_json_or_discarded(*bytes);
  if (parsed.is_discarded() || !parsed.is_object()) return std::nullopt;
  return parsed;
}

}  // namespace

std::string base64url_encode(std::string_view bytes) {
  std::string text = base64_encode(bytes);
  while (!text.empty() && text.back() == '=') text.pop_back();
  std::replace(text.begin(), text.end(), '+', '-');
  std::replace(text.begin(), text.end(), '/', '_');
  return text;
}

std::optional<std::string> base64url_decode(std::string_view text) {
  if (!std::all_of(text.begin(), text.end(), is_base64url_char)) return std::nullopt;
  if (text.size() % 4 == 1) return std::nullopt;
  std::string standard(text);
  std::replace(standard.begin(), standard.end(), '-', '+');
  std::replace(standard.begin(), standard.end(), '_', '/');
  standard.append((4 - standard.size() % 4) % 4, '=');
  return base64_decode(standard);
}

Result<JwtParts> split_jwt(std::string_view token) {
  if (token.empty()) return fail("malformed", "no token");
  if (token.size() > kMaxTokenLength) return fail("malformed", "token is too long");
  const size_t first = token.find('.');
  const size_t second = first == std::string_view::npos ? first : token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) {
    return fail("malformed", "a JWT has three dot-separated parts");
  }
  auto header = decode_object(token.substr(0, first));
  if (!header) return fail("malformed", "the JWT header is not base64url-encoded JSON");
  auto payload = decode_object(token.substr(first + 1, second - first - 1));
  if (!payload) return fail("malformed", "the JWT payload is not base64url-encoded JSON");
  // An empty signature is structurally fine ("alg":"none"); the algorithm check refuses it.
  const std::string_view signature = token.substr(second + 1);
  if (!signature.empty() && !base64url_decode(signature)) {
    return fail("malformed", "the JWT signature is not base64url");
  }
  return JwtParts{std::move(*header), std::move(*payload)};
}

}  // namespace gep::embed
