#include "media/signed_links.h"

#include "core/digest.h"
#include "core/secrets.h"

namespace gep::media {

namespace {

// Without a secret no panel opens (embed tokens need one), and no URL may be signed with a key
// anyone could derive: a random key of this process's own stands in.
std::string link_key(const std::string_view signing_secret) {
  if (signing_secret.empty()) return random_hex(32);
  return hmac_sha256(signing_secret, "gep media link v1");
}

}  // namespace

SignedMediaLinks::SignedMediaLinks(const std::string_view signing_secret)
    : key_(link_key(signing_secret)) {}

std::string SignedMediaLinks::signature(const int64_t file_id, const int width,
                                        const int64_t expires_at) const {
  const std::string message =
      std::to_string(file_id) + ":" + std::to_string(width) + ":" + std::to_string(expires_at);
  return base64url_encode(hmac_sha256(key_, message));
}

std::string SignedMediaLinks::path(const int64_t file_id, const int width,
                                   const int64_t expires_at) const {
  return "/media/signed/files/" + std::to_string(file_id) + "?w=" + std::to_string(width) +
         "&exp=" + std::to_string(expires_at) + "&sig=" + signature(file_id, width, expires_at);
}

bool SignedMediaLinks::is_signed(const int64_t file_id, const int width, const int64_t expires_at,
                                 const std::string_view signature_text) const {
  return constant_time_equals(signature(file_id, width, expires_at), signature_text);
}

}  // namespace gep::media
