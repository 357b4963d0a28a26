#pragma once
// Magic-link and session tokens: 256 random bits, base64url without padding (43 characters).
// Only their SHA-256 is stored, so a copy of the database opens nothing.
#include <string>
#include <string_view>

namespace gep::portal {

std::string new_token();
// Lower-case hex SHA-256: the stored form (token_hash, session id).
std::string token_hash(std::string_view token);
// A well-formed token: 43 base64url characters. Anything else is refused before a lookup.
bool looks_like_token(std::string_view text);

}  // namespace gep::portal
