// VipsThumbnailer on a real JPEG made with libvips in the test.
#include "media/vips_thumbnailer.h"

#include <gtest/gtest.h>
#include <vips/vips.h>

#include "media/test_jpeg.h"

namespace gep::media {
namespace {

using test::black_jpeg;

struct Size {
  int width = 0;
  int height = 0;
};

Size decoded_size(const std::string& jpeg) {
  VipsImage* image = vips_image_new_from_buffer(jpeg.data(), jpeg.size(), "", nullptr);
  if (image == nullptr) return {};
  const Size size{vips_image_get_width(image), vips_image_get_height(image)};
  g_object_unref(image);
  return size;
}

struct VipsThumbnailerTest : ::testing::Test {
  VipsThumbnailer thumbnailer;
  // The thumbnailer starts libvips; the first call makes sure it has before the test uses it.
  void SetUp() override { (void)thumbnailer.to_jpeg_width("", 160); }
};

TEST_F(VipsThumbnailerTest, ResizesAJpegToTheWidthKeepingTheAspect) {
  const std::string source = black_jpeg(1280, 960);
  ASSERT_FALSE(source.empty());
  const auto thumbnail = thumbnailer.to_jpeg_width(source, 320);
  ASSERT_TRUE(thumbnail.ok()) << thumbnail.error().message;
  EXPECT_TRUE(thumbnail->starts_with("\xFF\xD8\xFF"));
  const Size size = decoded_size(*thumbnail);
  EXPECT_EQ(size.width, 320);
  EXPECT_EQ(size.height, 240);
}

TEST_F(VipsThumbnailerTest, NeverEnlarges) {
  const auto thumbnail = thumbnailer.to_jpeg_width(black_jpeg(100, 50), 640);
  ASSERT_TRUE(thumbnail.ok()) << thumbnail.error().message;
  EXPECT_EQ(decoded_size(*thumbnail).width, 100);
}

TEST_F(VipsThumbnailerTest, BytesThatAreNotAnImageAreAMediaError) {
  const auto refused = thumbnailer.to_jpeg_width("%PDF-1.4 not a photo", 320);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "media");
}

}  // namespace
}  // namespace gep::media
