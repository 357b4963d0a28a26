#include "media/vips_thumbnailer.h"

#include <vips/vips.h>

#include <mutex>

namespace gep::media {
namespace {

// libvips must be started once per process; VIPS_INIT is idempotent, so other modules starting it
// too is harmless.
bool vips_started() {
  static std::once_flag once;
  static bool started = false;
  std::call_once(once, [] { started = VIPS_INIT("gep") == 0; });
  return started;
}

Error vips_error(std::string_view what) {
  std::string message = std::string(what) + ": " + vips_error_buffer();
  vips_error_clear();
  return Error{"media", std::move(message)};
}

// Owns one reference to a libvips image.
class OwnedImage {
 public:
  OwnedImage() = default;
  OwnedImage(const OwnedImage&) = delete;
  OwnedImage& operator=(const OwnedImage&) = delete;
  ~OwnedImage() {
    if (image_ != nullptr) g_object_unref(image_);
  }
  VipsImage* get() const { return image_; }
  VipsImage** out() { return &image_; }

 private:
  VipsImage* image_ = nullptr;
};

// A height no photo reaches: the width alone decides the scale.
constexpr int kUnboundedHeight = 10'000'000;

}  // namespace

Result<std::string> VipsThumbnailer::to_jpeg_width(const std::string_view image, const int width) {
  if (!vips_started()) return fail("media", "libvips did not start");
  if (image.empty()) return fail("media", "empty image");
  OwnedImage thumbnail;
  // vips_thumbnail_buffer does not keep the buffer past the call (the image is copied out).
  if (vips_thumbnail_buffer(const_cast<char*>(image.data()), image.size(), thumbnail.out(), width,
                            "height", kUnboundedHeight, "size", VIPS_SIZE_DOWN, nullptr) != 0) {
    return fail(vips_error("not an image libvips can read"));
  }
  void* buffer = nullptr;
  size_t length = 0;
  if (vips_jpegsave_buffer(thumbnail.get(), &buffer, &length, "Q", 80, "strip", TRUE, nullptr) !=
      0) {
    return fail(vips_error("jpegsave"));
  }
  std::string bytes(static_cast<const char*>(buffer), length);
  g_free(buffer);
  return bytes;
}

}  // namespace gep::media
