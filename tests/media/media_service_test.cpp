// MediaService over fakes: what is cached, what is refused.
#include "media/media_service.h"

#include <gtest/gtest.h>

#include "media/fake_ports.h"
#include "media/temp_dir.h"

namespace gep::media {
namespace {

using gep::testing::FakeFileSource;
using gep::testing::FakeResizer;
using gep::testing::TempDir;

struct MediaServiceTest : ::testing::Test {
  TempDir dir;
  std::shared_ptr<FakeFileSource> source = std::make_shared<FakeFileSource>();
  std::shared_ptr<FakeResizer> resizer = std::make_shared<FakeResizer>();
  MediaService service{source, resizer, std::make_shared<DiskCache>(dir.path, 1 << 20)};
  MediaServiceTest() { source->files["f1"] = "\xFF\xD8\xFF original"; }
};

TEST_F(MediaServiceTest, ACacheHitDoesNotCallTheSource) {
  const auto first = service.thumbnail("f1", 320);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->content_type, "image/jpeg");
  const auto second = service.thumbnail("f1", 320);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->bytes, first->bytes);
  EXPECT_EQ(source->calls, 1);
  EXPECT_EQ(resizer->calls, 1);
}

TEST_F(MediaServiceTest, AnotherWidthReusesTheCachedOriginal) {
  ASSERT_TRUE(service.thumbnail("f1", 320).ok());
  ASSERT_TRUE(service.thumbnail("f1", 160).ok());
  EXPECT_EQ(source->calls, 1);
  EXPECT_EQ(resizer->calls, 2);
}

TEST_F(MediaServiceTest, OriginalIsCachedWithItsType) {
  ASSERT_TRUE(service.original("f1").ok());
  const auto again = service.original("f1");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->content_type, "image/jpeg");
  EXPECT_EQ(source->calls, 1);
}

TEST_F(MediaServiceTest, AWidthOutsideTheSetIsRefused) {
  for (const int width : {0, -1, 100, 321, 1280}) {
    const auto refused = service.thumbnail("f1", width);
    ASSERT_FALSE(refused.ok()) << width;
    EXPECT_EQ(refused.error().code, "validation");
  }
  EXPECT_EQ(source->calls, 0);
}

TEST_F(MediaServiceTest, AnIdThatCouldEscapeTheCacheIsRefused) {
  for (const std::string id : {"", "../f1", "a/b", ".orig"}) {
    EXPECT_EQ(service.thumbnail(id, 320).error().code, "validation") << id;
  }
  EXPECT_EQ(source->calls, 0);
}

TEST_F(MediaServiceTest, AnUnknownFileIsNotFoundAndNotCached) {
  EXPECT_EQ(service.thumbnail("nope", 320).error().code, "not_found");
  EXPECT_EQ(service.thumbnail("nope", 320).error().code, "not_found");
  EXPECT_EQ(source->calls, 2);
}

}  // namespace
}  // namespace gep::media
