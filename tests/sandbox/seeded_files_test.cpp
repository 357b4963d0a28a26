// Seeded file bytes: real pictures and PDFs, deterministic per seed, distinct per file, and the
// size and md5 that records publish equal what a download gets.
#include <gtest/gtest.h>
#include <vips/vips.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "sandbox/catalog.h"
#include "sandbox/content_label.h"
#include "sandbox/file_bytes.h"
#include "sandbox/generator.h"
#include "sandbox/sample_images.h"
#include "sandbox/sample_pdf.h"
#include "sandbox/seeded_files.h"

namespace gep::sandbox {
namespace {

using catalog::PhotoPhase;

struct Decoded {
  int width = 0;
  int height = 0;
  int bands = 0;
  double average = -1;  // computing it decodes every pixel (loading alone is lazy)
};

// Decodes with fail=true: any decoder warning (such as corrupt data) is an error.
std::optional<Decoded> decode(const std::string& bytes) {
  if (VIPS_INIT("seeded_files_test") != 0) return std::nullopt;
  VipsImage* image =
      vips_image_new_from_buffer(bytes.data(), bytes.size(), "", "fail", TRUE, nullptr);
  if (image == nullptr) return std::nullopt;
  Decoded out{image->Xsize, image->Ysize, image->Bands};
  if (vips_avg(image, &out.average, nullptr) != 0) out.average = -1;
  g_object_unref(image);
  vips_error_clear();
  return out;
}

std::string_view loader(const std::string& bytes) {
  const char* name = vips_foreign_find_load_buffer(bytes.data(), bytes.size());
  return name == nullptr ? std::string_view() : std::string_view(name);
}

TEST(SeededFiles, PhotosAreDecodablePicturesOfTheSampleSize) {
  for (const PhotoPhase phase : {PhotoPhase::before, PhotoPhase::during, PhotoPhase::after}) {
    const uint64_t seed = photo_seed(0x1234'5678'9abc'def0ULL, phase, 2);
    for (const char* type : {"image/jpeg", "image/png"}) {
      const std::string bytes = seeded_bytes(seed, type);
      const auto image = decode(bytes);
      ASSERT_TRUE(image.has_value()) << type << ": " << vips_error_buffer();
      EXPECT_EQ(image->width, kSampleWidth);
      EXPECT_EQ(image->height, kSampleHeight);
      EXPECT_EQ(image->bands, 3);
      EXPECT_GT(image->average, 0) << type;
      const bool jpeg = std::string_view(type) == "image/jpeg";
      EXPECT_EQ(loader(bytes), jpeg ? "VipsForeignLoadJpegBuffer" : "VipsForeignLoadPngBuffer");
    }
    const std::string jpeg = seeded_bytes(seed, "image/jpeg");
    EXPECT_GT(jpeg.size(), 8'000u);
    EXPECT_LT(jpeg.size(), 40'000u);
    EXPECT_NE(jpeg.find("\xff\xd9"), std::string::npos);
  }
}

TEST(SeededFiles, PhasesLookDifferent) {
  std::set<long> averages;
  for (const PhotoPhase phase : {PhotoPhase::before, PhotoPhase::during, PhotoPhase::after}) {
    const auto image = decode(seeded_bytes(photo_seed(99, phase, std::nullopt), "image/jpeg"));
    ASSERT_TRUE(image.has_value());
    averages.insert(std::lround(image->average));
  }
  EXPECT_EQ(averages.size(), 3u);
}

TEST(SeededFiles, SameSeedSameBytesOtherSeedOtherBytes) {
  const uint64_t a = photo_seed(1000ULL << 11, PhotoPhase::after, 0);
  const uint64_t b = photo_seed(1001ULL << 11, PhotoPhase::after, 0);  // same picture, other file
  for (const char* type : {"image/jpeg", "image/png", "application/pdf", "image/heic"}) {
    EXPECT_EQ(seeded_bytes(a, type), seeded_bytes(a, type)) << type;
    EXPECT_NE(seeded_bytes(a, type), seeded_bytes(b, type)) << type;
    EXPECT_NE(seeded_digest(a, type).md5, seeded_digest(b, type).md5) << type;
  }
}

TEST(SeededFiles, DigestMatchesTheBytes) {
  for (uint64_t n = 1; n < 40; ++n) {
    const uint64_t seed = photo_seed(n * 0x9e37'79b9'7f4a'7c15ULL, static_cast<PhotoPhase>(n % 3),
                                     n % 5 == 0 ? std::nullopt : std::optional<size_t>(n % 30));
    for (const char* type : {"image/jpeg", "image/png", "application/pdf", "image/heic"}) {
      const std::string bytes = seeded_bytes(seed, type);
      const FileDigest digest = seeded_digest(seed, type);
      EXPECT_EQ(digest.size, static_cast<int64_t>(bytes.size())) << type;
      EXPECT_EQ(digest.md5, md5_hex(bytes)) << type;
    }
  }
}

TEST(SeededFiles, TheSeedCarriesPhaseAndCaption) {
  const auto own = catalog::captions(PhotoPhase::during);
  const PhotoLabel label = photo_label(photo_seed(~0ULL, PhotoPhase::during, 3));
  ASSERT_TRUE(label.phase.has_value());
  EXPECT_EQ(*label.phase, PhotoPhase::during);
  EXPECT_EQ(label.caption, own[3]);
  const PhotoLabel neutral = photo_label(photo_seed(0, PhotoPhase::before, own.size() + 4));
  EXPECT_EQ(neutral.caption, catalog::neutral_captions()[4]);
  EXPECT_TRUE(photo_label(photo_seed(0, PhotoPhase::after, std::nullopt)).caption.empty());
  EXPECT_FALSE(photo_label(42ULL << 11).phase.has_value());        // no phase bits: a grey "PHOTO"
  EXPECT_NE(photo_seed(0, PhotoPhase::before, std::nullopt), 0u);  // 0 means "uploaded"

  const DocumentLabel contract =
      document_label(document_seed(~0ULL, catalog::DocKind::contract, 0));
  EXPECT_EQ(contract.title, "Signed Contract");
  EXPECT_EQ(contract.subtitle, "Signed contract");
  EXPECT_EQ(document_label(1).title, "Document");
}

// The PDF's structure, checked the way a reader finds objects: startxref -> xref -> each offset.
void expect_valid_pdf(const std::string& pdf) {
  ASSERT_EQ(pdf.rfind("%PDF-1.", 0), 0u);
  ASSERT_GE(pdf.size(), 6u);
  EXPECT_EQ(pdf.substr(pdf.size() - 6), "%%EOF\n");
  const size_t startxref = pdf.rfind("startxref\n");
  ASSERT_NE(startxref, std::string::npos);
  const size_t xref = std::stoul(pdf.substr(startxref + 10));
  ASSERT_LT(xref, pdf.size());
  ASSERT_EQ(pdf.compare(xref, 7, "xref\n0 "), 0);
  const size_t count_at = xref + 7;
  const size_t count = std::stoul(pdf.substr(count_at));
  const size_t entries = pdf.find('\n', count_at) + 1;
  EXPECT_EQ(pdf.substr(entries, 20), "0000000000 65535 f \n");
  for (size_t object = 1; object < count; ++object) {
    const std::string entry = pdf.substr(entries + object * 20, 20);
    ASSERT_EQ(entry.substr(10), " 00000 n \n") << entry;
    const size_t offset = std::stoul(entry.substr(0, 10));
    const std::string header = std::to_string(object) + " 0 obj\n";
    EXPECT_EQ(pdf.compare(offset, header.size(), header), 0) << "object " << object;
  }
  const size_t trailer = entries + count * 20;
  EXPECT_EQ(pdf.compare(trailer, 8, "trailer\n"), 0);
  EXPECT_NE(pdf.find("/Size " + std::to_string(count), trailer), std::string::npos);
  EXPECT_NE(pdf.find("/Root 1 0 R", trailer), std::string::npos);
  // The content stream's declared length is its real length.
  const size_t length_at = pdf.find("/Length ");
  const size_t stream = pdf.find("stream\n", length_at) + 7;
  const size_t end = pdf.find("endstream", stream);
  EXPECT_EQ(std::stoul(pdf.substr(length_at + 8)), end - stream);
}

TEST(SeededFiles, DocumentsAreValidPdfs) {
  const uint64_t seed = document_seed(0xfeed'beef'0000ULL, catalog::DocKind::permit, 1);
  const std::string pdf = seeded_bytes(seed, "application/pdf");
  expect_valid_pdf(pdf);
  EXPECT_NE(pdf.find("/BaseFont /Helvetica"), std::string::npos);
  EXPECT_NE(pdf.find(document_label(seed).title), std::string::npos);
  expect_valid_pdf(sample_pdf("Odd (title) \\ with Zoë", "", 7));
  EXPECT_NE(sample_pdf("Odd (title)", "", 7).find("(Odd \\(title\\))"), std::string::npos);
}

TEST(SeededFiles, GeneratedRecordsPublishTheSizeAndMd5OfTheirBytes) {
  GenerationSpec spec;
  spec.jobs = 60;
  spec.seed = 5;
  spec.anchor = 1'719'997'200;
  const Account account = generate_account(spec);
  std::map<std::string, uint64_t> seed_of_md5;
  size_t pictures = 0;
  for (const Record& record : account.records[kind_index(Kind::file)]) {
    const auto file = nlohmann::json::parse(record.json);
    const std::string type = file["content_type"];
    const std::string bytes = seeded_bytes(record.content_seed, type);
    EXPECT_EQ(file["size"].get<size_t>(), bytes.size()) << file["filename"];
    EXPECT_EQ(file["md5"], md5_hex(bytes)) << file["filename"];
    pictures += type == "image/jpeg" || type == "image/png" ? 1U : 0U;
    // Two files share bytes only as a deliberate duplicate upload: the same seed.
    const auto [it, fresh] = seed_of_md5.emplace(file["md5"], record.content_seed);
    if (!fresh) {
      EXPECT_EQ(it->second, record.content_seed) << file["filename"];
    }
  }
  EXPECT_GT(pictures, 100u);
}

}  // namespace
}  // namespace gep::sandbox
