// DiskCache: bounded total size, least recently used evicted first, survives a restart.
#include "media/disk_cache.h"

#include <gtest/gtest.h>

#include <fstream>

#include "media/temp_dir.h"

namespace gep::media {
namespace {

namespace fs = std::filesystem;
using gep::testing::TempDir;

uint64_t bytes_on_disk(const fs::path& directory) {
  uint64_t total = 0;
  for (const auto& item : fs::directory_iterator(directory)) total += item.file_size();
  return total;
}

TEST(DiskCacheTest, StoresAndReadsBack) {
  const TempDir dir;
  DiskCache cache(dir.path, 1000);
  EXPECT_FALSE(cache.get("a").has_value());
  ASSERT_TRUE(cache.put("a", "hello").ok());
  EXPECT_EQ(cache.get("a").value_or(""), "hello");
}

TEST(DiskCacheTest, EvictionKeepsTheTotalUnderTheBound) {
  const TempDir dir;
  DiskCache cache(dir.path, 250);
  const std::string hundred(100, 'x');
  ASSERT_TRUE(cache.put("a", hundred).ok());
  ASSERT_TRUE(cache.put("b", hundred).ok());
  ASSERT_TRUE(cache.get("a").has_value());  // a is now more recent than b
  ASSERT_TRUE(cache.put("c", hundred).ok());
  EXPECT_LE(cache.total_bytes(), 250U);
  EXPECT_LE(bytes_on_disk(dir.path), 250U);
  EXPECT_TRUE(cache.get("a").has_value());
  EXPECT_FALSE(cache.get("b").has_value());
  EXPECT_TRUE(cache.get("c").has_value());
}

TEST(DiskCacheTest, AFileLargerThanTheBoundIsNotCached) {
  const TempDir dir;
  DiskCache cache(dir.path, 10);
  ASSERT_TRUE(cache.put("small", "12345").ok());
  ASSERT_TRUE(cache.put("big", std::string(11, 'x')).ok());
  EXPECT_FALSE(cache.get("big").has_value());
  EXPECT_TRUE(cache.get("small").has_value());
}

TEST(DiskCacheTest, ARestartKeepsEntriesAndDropsTemporaryFiles) {
  const TempDir dir;
  {
    DiskCache cache(dir.path, 1000);
    ASSERT_TRUE(cache.put("kept", "bytes").ok());
  }
  { std::ofstream(dir.path / ".tmp-9-half") << "partial"; }
  DiskCache reopened(dir.path, 1000);
  EXPECT_EQ(reopened.get("kept").value_or(""), "bytes");
  EXPECT_EQ(reopened.total_bytes(), 5U);
  EXPECT_FALSE(fs::exists(dir.path / ".tmp-9-half"));
}

TEST(DiskCacheTest, ARestartWithASmallerBoundEvicts) {
  const TempDir dir;
  {
    DiskCache cache(dir.path, 1000);
    ASSERT_TRUE(cache.put("a", std::string(100, 'a')).ok());
    ASSERT_TRUE(cache.put("b", std::string(100, 'b')).ok());
  }
  const DiskCache reopened(dir.path, 150);
  EXPECT_LE(reopened.total_bytes(), 150U);
  EXPECT_LE(bytes_on_disk(dir.path), 150U);
}

}  // namespace
}  // namespace gep::media
