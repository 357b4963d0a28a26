#pragma once
// Real JPEG bytes made with libvips, for the tests of thumbnails and of /media.
#include <vips/vips.h>

#include <string>

namespace gep::test {

// A black width × height JPEG; "" when libvips fails.
inline std::string black_jpeg(const int width, const int height) {
  if (VIPS_INIT("gep-test") != 0) return {};
  VipsImage* image = nullptr;
  if (vips_black(&image, width, height, "bands", 3, nullptr) != 0) return {};
  void* buffer = nullptr;
  size_t length = 0;
  const int failed = vips_jpegsave_buffer(image, &buffer, &length, nullptr);
  g_object_unref(image);
  if (failed != 0) return {};
  std::string bytes(static_cast<const char*>(buffer), length);
  g_free(buffer);
  return bytes;
}

}  // namespace gep::test
