#pragma once
// ImageResizer on libvips: shrink-on-load thumbnails (large photos are never fully decoded),
// EXIF orientation applied, metadata (GPS position, camera serials) stripped from the output.
#include "media/media_ports.h"

namespace gep::media {

class VipsThumbnailer final : public ImageResizer {
 public:
  Result<std::string> to_jpeg_width(std::string_view image, int width) override;
};

}  // namespace gep::media
