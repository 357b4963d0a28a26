#pragma once
// Photos served by gep itself (/media/...): a file's bytes come from JobNimbus once, then from a
// bounded disk cache; thumbnails are made in a few fixed widths so the cache cannot be filled with
// one entry per width a client asks for. Access checks are the caller's (the web route's) job.
#include <array>
#include <memory>
#include <string>

#include "core/result.h"
#include "media/disk_cache.h"
#include "media/media_ports.h"

namespace gep::media {

// The only thumbnail widths served, in pixels.
inline constexpr std::array<int, 3> kThumbnailWidths = {160, 320, 640};
bool is_thumbnail_width(int width);

class MediaService {
 public:
  MediaService(std::shared_ptr<FileBytesSource> source, std::shared_ptr<ImageResizer> resizer,
               std::shared_ptr<DiskCache> cache);

  // A JPEG of the file `width` wide. Errors: "validation" (width not in kThumbnailWidths, or an
  // id that is not a JobNimbus id), "not_found", "media" (not an image libvips can read), others.
  Result<MediaBytes> thumbnail(const std::string& file_jnid, int width);
  // The file as JobNimbus holds it.
  Result<MediaBytes> original(const std::string& file_jnid);

 private:
  const std::shared_ptr<FileBytesSource> source_;
  const std::shared_ptr<ImageResizer> resizer_;
  const std::shared_ptr<DiskCache> cache_;
};

}  // namespace gep::media
