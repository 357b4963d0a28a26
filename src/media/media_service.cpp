#include "media/media_service.h"

#include <algorithm>

#include "core/logging.h"

namespace gep::media {
namespace {

// JobNimbus ids are alphanumeric; checking keeps every cache key a plain file name.
bool plausible_jnid(const std::string& id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](const char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  });
}

// The cache keeps bytes only, so the type of a cached original is read back from its first bytes.
std::string sniff_content_type(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xD8\xFF")) return "image/jpeg";
  if (bytes.starts_with("\x89PNG\r\n\x1A\n")) return "image/png";
  if (bytes.starts_with("%PDF-")) return "application/pdf";
  return "application/octet-stream";
}

void store(DiskCache& cache, const std::string& key, const std::string& bytes) {
  // A full or read-only disk costs speed, not the answer.
  if (const auto stored = cache.put(key, bytes); !stored) {
    log::warn("media cache: {}", stored.error().message);
  }
}

}  // namespace

bool is_thumbnail_width(const int width) {
  return std::find(kThumbnailWidths.begin(), kThumbnailWidths.end(), width) !=
         kThumbnailWidths.end();
}

MediaService::MediaService(std::shared_ptr<FileBytesSource> source,
                           std::shared_ptr<ImageResizer> resizer, std::shared_ptr<DiskCache> cache)
    : source_(std::move(source)), resizer_(std::move(resizer)), cache_(std::move(cache)) {}

Result<MediaBytes> MediaService::original(const std::string& file_jnid) {
  if (!plausible_jnid(file_jnid)) return fail("validation", "unexpected file id");
  const std::string key = file_jnid + ".orig";
  if (auto cached = cache_->get(key)) {
    std::string type = sniff_content_type(*cached);
    return MediaBytes{std::move(*cached), std::move(type)};
  }
  auto fetched = source_->fetch(file_jnid);
  if (!fetched) return fail(fetched.error());
  store(*cache_, key, fetched->bytes);
  fetched->content_type = sniff_content_type(fetched->bytes);
  return fetched;
}

Result<MediaBytes> MediaService::thumbnail(const std::string& file_jnid, const int width) {
  if (!is_thumbnail_width(width)) return fail("validation", "width must be 160, 320 or 640");
  if (!plausible_jnid(file_jnid)) return fail("validation", "unexpected file id");
  const std::string key = file_jnid + ".w" + std::to_string(width) + ".jpg";
  if (auto cached = cache_->get(key)) return MediaBytes{std::move(*cached), "image/jpeg"};
  const auto source = original(file_jnid);
  if (!source) return fail(source.error());
  auto resized = resizer_->to_jpeg_width(source->bytes, width);
  if (!resized) return fail(resized.error());
  store(*cache_, key, *resized);
  return MediaBytes{std::move(resized).value(), "image/jpeg"};
}

}  // namespace gep::media
