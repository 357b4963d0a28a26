#pragma once
// What the media service needs from the outside world, as interfaces it owns: the bytes of a
// JobNimbus file (jobnimbus_file_source.h adapts the SDK client) and an image resizer
// (vips_thumbnailer.h adapts libvips). Tests substitute fakes for both.
#include <string>
#include <string_view>

#include "core/result.h"

namespace gep::media {

struct MediaBytes {
  std::string bytes;
  std::string content_type;
};

class FileBytesSource {
 public:
  virtual ~FileBytesSource() = default;
  // Error codes: "not_found" for a file JobNimbus does not have, anything else is a failure.
  virtual Result<MediaBytes> fetch(const std::string& file_jnid) = 0;
};

class ImageResizer {
 public:
  virtual ~ImageResizer() = default;
  // A JPEG `width` pixels wide (aspect ratio kept, never enlarged), metadata stripped.
  virtual Result<std::string> to_jpeg_width(std::string_view image, int width) = 0;
};

}  // namespace gep::media
