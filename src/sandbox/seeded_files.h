#pragma once
// The bytes of seeded files, regenerated from (content seed, content type) on every download:
//  - image/jpeg and image/png: a picture of the photo's phase and caption (sample_images.h),
//    rendered once per (format, phase, caption) and cached, followed by a seed-derived tail (JPEG:
//    after the EOI marker, where decoders stop reading; PNG: a tEXt chunk before IEND), so every
//    file is distinct while costing microseconds, not a render.
//  - application/pdf: a one-page PDF with the document's title (sample_pdf.h).
//  - anything else (HEIC, ...): placeholder bytes that only start like the format.
// Generation needs only size and md5 of 700,000 files: seeded_digest() hashes the tail on top of
// the cached hash state of the picture, never copying the picture.
#include <cstdint>
#include <string>
#include <string_view>

namespace gep::sandbox {

std::string seeded_bytes(uint64_t content_seed, std::string_view content_type);

struct FileDigest {
  int64_t size = 0;
  std::string md5;  // lower-case hex
};
// Size and md5 of seeded_bytes(content_seed, content_type), computed without building them.
FileDigest seeded_digest(uint64_t content_seed, std::string_view content_type);

}  // namespace gep::sandbox
