#include "auth/password_hasher.h"

#include <argon2.h>

#include <stdexcept>
#include <vector>

#include "core/secrets.h"

namespace gep::auth {
namespace {

constexpr uint32_t kHashBytes = 32;
constexpr size_t kSaltBytes = 16;

}  // namespace

PasswordHasher::PasswordHasher(Argon2Params params) : params_(params) {
  auto decoy = hash(random_hex(16));
  // Only fails when memory is exhausted or the parameters are invalid: a bug, not an input.
  if (!decoy) throw std::runtime_error("argon2: " + decoy.error().message);
  decoy_hash_ = std::move(decoy).value();
}

Result<std::string> PasswordHasher::hash(std::string_view password) const {
  // 32 random hex characters: 128 bits of salt.
  const std::string salt = random_hex(kSaltBytes);
  const size_t length =
      argon2_encodedlen(params_.time_cost, params_.memory_kib, params_.parallelism,
                        static_cast<uint32_t>(salt.size()), kHashBytes, Argon2_id);
  std::vector<char> encoded(length + 1, '\0');
  const int status = argon2id_hash_encoded(
      params_.time_cost, params_.memory_kib, params_.parallelism, password.data(), password.size(),
      salt.data(), salt.size(), kHashBytes, encoded.data(), encoded.size());
  if (status != ARGON2_OK) return fail("internal", argon2_error_message(status));
  return std::string(encoded.data());
}

bool PasswordHasher::verify(const std::string& encoded, std::string_view password) const {
  if (encoded.rfind("$argon2id$", 0) != 0) return false;
  return argon2id_verify(encoded.c_str(), password.data(), password.size()) == ARGON2_OK;
}

void PasswordHasher::spend_verification_time(std::string_view password) const {
  (void)verify(decoy_hash_, password);
}

}  // namespace gep::auth
