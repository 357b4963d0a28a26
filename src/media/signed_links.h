#pragma once
// Photo URLs for pages that have no session: the embedded panels. Inside a JobNimbus iframe there
// are no cookies to rely on (third-party cookie blocking), so each /media URL a panel renders
// carries its own short-lived credential: an HMAC over the file, the width and the panel token's
// expiry. It opens that one thumbnail until the panel's link expires, and nothing else.
//   /media/signed/files/{fileId}?w={width}&exp={unix seconds}&sig={base64url HMAC-SHA256}
#include <cstdint>
#include <string>
#include <string_view>

namespace gep::media {

class SignedMediaLinks {
 public:
  // `signing_secret` is EMBED_SIGNING_SECRET; the HMAC key is derived from it, so a media
  // signature can never pass for an embed token's or the other way round.
  explicit SignedMediaLinks(std::string_view signing_secret);

  // The path (with its query) serving file `file_id` (our id) `width` wide until `expires_at`.
  std::string path(int64_t file_id, int width, int64_t expires_at) const;
  // Whether `signature` is the one path() put on these values (constant time). Expiry is the
  // caller's check: it owns the clock.
  bool is_signed(int64_t file_id, int width, int64_t expires_at, std::string_view signature) const;

 private:
  std::string signature(int64_t file_id, int width, int64_t expires_at) const;

  const std::string key_;
};

}  // namespace gep::media
