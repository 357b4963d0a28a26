#include "sandbox/seeded_files.h"

#include <openssl/evp.h>

#include <array>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "sandbox/content_label.h"
#include "sandbox/file_bytes.h"
#include "sandbox/rng.h"
#include "sandbox/sample_images.h"
#include "sandbox/sample_pdf.h"

namespace gep::sandbox {
namespace {

struct Md5Free {
  void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};
using Md5State = std::unique_ptr<EVP_MD_CTX, Md5Free>;

Md5State new_md5() {
  Md5State state(EVP_MD_CTX_new());
  if (!state || EVP_DigestInit_ex(state.get(), EVP_md5(), nullptr) != 1) {
    throw std::runtime_error("md5 init failed");
  }
  return state;
}

void md5_update(EVP_MD_CTX* state, std::string_view bytes) {
  if (EVP_DigestUpdate(state, bytes.data(), bytes.size()) != 1) {
    throw std::runtime_error("md5 update failed");
  }
}

std::string md5_final(EVP_MD_CTX* state) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(state, digest.data(), &length) != 1) {
    throw std::runtime_error("md5 final failed");
  }
  static constexpr std::string_view kDigits = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out.push_back(kDigits[digest[i] >> 4]);
    out.push_back(kDigits[digest[i] & 0x0f]);
  }
  return out;
}

// A rendered picture split where the per-file tail goes: prefix + tail + suffix.
struct Picture {
  std::string prefix;
  std::string suffix;
  Md5State prefix_md5;  // md5 state after the prefix; copied, never advanced
};

std::string_view phase_headline(const PhotoLabel& label) {
  if (!label.phase) return "PHOTO";
  switch (*label.phase) {
    case catalog::PhotoPhase::before:
      return "BEFORE";
    case catalog::PhotoPhase::during:
      return "DURING";
    case catalog::PhotoPhase::after:
      return "AFTER";
  }
  return "PHOTO";
}

// One colour per phase, so a grid of thumbnails sorts itself at a glance.
Rgb phase_colour(const PhotoLabel& label) {
  if (!label.phase) return {110, 110, 110};
  switch (*label.phase) {
    case catalog::PhotoPhase::before:
      return {55, 95, 170};
    case catalog::PhotoPhase::during:
      return {205, 125, 30};
    case catalog::PhotoPhase::after:
      return {40, 140, 70};
  }
  return {110, 110, 110};
}

// A PNG ends with the 12-byte IEND chunk; the tail chunk goes before it.
constexpr size_t kIendSize = 12;

std::unique_ptr<const Picture> render(const PhotoLabel& label, ImageFormat format,
                                      std::string_view content_type) {
  const SampleImageSpec spec{phase_headline(label),
                             label.caption.empty() ? "(no caption)" : label.caption,
                             phase_colour(label), format};
  auto rendered = render_sample_image(spec);
  // Should libvips fail (no fonts, say), the files stay consistent: every download of this
  // process gets the same stand-in bytes, so size and md5 still hold.
  std::string bytes = rendered ? std::move(*rendered) : placeholder_bytes(label.key, content_type);
  auto picture = std::make_unique<Picture>();
  const bool png_end = format == ImageFormat::png && rendered && bytes.size() > kIendSize &&
                       bytes.compare(bytes.size() - 8, 4, "IEND") == 0;
  if (png_end) {
    picture->suffix = bytes.substr(bytes.size() - kIendSize);
    bytes.resize(bytes.size() - kIendSize);
  }
  picture->prefix = std::move(bytes);
  picture->prefix_md5 = new_md5();
  md5_update(picture->prefix_md5.get(), picture->prefix);
  return picture;
}

// At most 2 formats x 4 phases x 256 labels, in practice ~220 pictures of ~15-30 KB: bounded by
// the seed layout, so nothing is ever evicted.
const Picture& cached_picture(uint64_t content_seed, ImageFormat format,
                              std::string_view content_type) {
  static std::mutex mutex;
  static std::map<uint32_t, std::unique_ptr<const Picture>> cache;
  const PhotoLabel label = photo_label(content_seed);
  const uint32_t key = label.key << 1 | (format == ImageFormat::png ? 1U : 0U);
  const std::lock_guard lock(mutex);
  auto& slot = cache[key];
  if (!slot) slot = render(label, format, content_type);
  return *slot;
}

std::string tail_hex(uint64_t value) {
  std::array<char, 17> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%016llx", static_cast<unsigned long long>(value));
  return std::string(buffer.data(), 16);
}

// What makes a file unique: its seed in text, then 0-63 seed-derived letters so that sizes vary.
std::string tail_text(uint64_t content_seed) {
  Rng rng(content_seed ^ 0x7a11da7aULL);
  std::string text = "gep-sandbox " + tail_hex(content_seed);
  const size_t extra = rng.index(64);
  for (size_t i = 0; i < extra; ++i) text.push_back(static_cast<char>('a' + rng.below(26)));
  return text;
}

uint32_t png_crc32(std::string_view bytes) {
  uint32_t crc = 0xffffffffU;
  for (const char c : bytes) {
    crc ^= static_cast<unsigned char>(c);
    for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xedb88320U & (0U - (crc & 1U)));
  }
  return ~crc;
}

void append_be32(std::string& out, uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) {
    out.push_back(static_cast<char>((value >> shift) & 0xff));
  }
}

// PNG: a tEXt chunk "Comment" (a registered keyword), which every decoder accepts and skips.
std::string png_tail(uint64_t content_seed) {
  const std::string body = std::string("tEXtComment", 11) + '\0' + tail_text(content_seed);
  std::string chunk;
  append_be32(chunk, static_cast<uint32_t>(body.size() - 4));
  chunk += body;
  append_be32(chunk, png_crc32(body));
  return chunk;
}

std::string tail(uint64_t content_seed, ImageFormat format) {
  return format == ImageFormat::png ? png_tail(content_seed) : tail_text(content_seed);
}

std::string pdf_bytes(uint64_t content_seed) {
  const DocumentLabel label = document_label(content_seed);
  return sample_pdf(label.title, label.subtitle, content_seed);
}

bool is_picture(std::string_view content_type, ImageFormat& format) {
  if (content_type == "image/jpeg") {
    format = ImageFormat::jpeg;
    return true;
  }
  if (content_type == "image/png") {
    format = ImageFormat::png;
    return true;
  }
  return false;
}

}  // namespace

std::string seeded_bytes(uint64_t content_seed, std::string_view content_type) {
  ImageFormat format = ImageFormat::jpeg;
  if (is_picture(content_type, format)) {
    const Picture& base = cached_picture(content_seed, format, content_type);
    return base.prefix + tail(content_seed, format) + base.suffix;
  }
  if (content_type == "application/pdf") return pdf_bytes(content_seed);
  return placeholder_bytes(content_seed, content_type);
}

FileDigest seeded_digest(uint64_t content_seed, std::string_view content_type) {
  ImageFormat format = ImageFormat::jpeg;
  if (!is_picture(content_type, format)) {
    const std::string bytes = seeded_bytes(content_seed, content_type);
    return {static_cast<int64_t>(bytes.size()), md5_hex(bytes)};
  }
  const Picture& base = cached_picture(content_seed, format, content_type);
  const std::string end = tail(content_seed, format);
  const Md5State state(EVP_MD_CTX_new());
  if (!state || EVP_MD_CTX_copy_ex(state.get(), base.prefix_md5.get()) != 1) {
    throw std::runtime_error("md5 copy failed");
  }
  md5_update(state.get(), end);
  md5_update(state.get(), base.suffix);
  return {static_cast<int64_t>(base.prefix.size() + end.size() + base.suffix.size()),
          md5_final(state.get())};
}

}  // namespace gep::sandbox
