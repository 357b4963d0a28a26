#pragma once
// Argon2id (libargon2) in its encoded form "$argon2id$v=19$m=...,t=...,p=...$salt$hash", so that
// each hash carries its own parameters and older hashes still verify after a change of cost.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace gep::auth {

// OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane): ~30 ms on one core, so a 2-core box
// answers sign-ins promptly while an offline guess stays expensive.
struct Argon2Params {
  uint32_t time_cost = 2;
  uint32_t memory_kib = 19 * 1024;
  uint32_t parallelism = 1;
};

class PasswordHasher {
 public:
  explicit PasswordHasher(Argon2Params params = {});

  Result<std::string> hash(std::string_view password) const;
  // argon2id_verify: compares in constant time; false for a wrong password or a broken hash.
  bool verify(const std::string& encoded, std::string_view password) const;
  // Spends one verification's time: a sign-in for an unknown username costs the same as one
  // for a real account, so timing does not tell which usernames exist.
  void spend_verification_time(std::string_view password) const;

  const Argon2Params& params() const { return params_; }

 private:
  Argon2Params params_;
  std::string decoy_hash_;
};

}  // namespace gep::auth
