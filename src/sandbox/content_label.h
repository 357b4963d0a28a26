#pragma once
// What a seeded file's bytes show, carried in its content seed so that the bytes are a function of
// (seed, content type) alone: no per-record memory, and editing a record's caption or filename
// later does not change bytes whose size and md5 were published at creation (as in JobNimbus).
//
// Seed layout: bit 0 is always 1 (0 means "uploaded bytes"), bits 1-2 the photo phase + 1
// (0: none), bits 3-10 a label + 1 (0: none) — a caption of the catalog for photos, a
// document kind and template for documents — and the remaining bits random.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sandbox/catalog.h"

namespace gep::sandbox {

// `caption` indexes captions(phase) followed by neutral_captions(); nullopt: no caption.
uint64_t photo_seed(uint64_t random, catalog::PhotoPhase phase, std::optional<size_t> caption);
uint64_t document_seed(uint64_t random, catalog::DocKind kind, size_t template_index);

struct PhotoLabel {
  std::optional<catalog::PhotoPhase> phase;  // nullopt for seeds without one (old saves, tests)
  std::string_view caption;                  // empty when the photo has none
  // A small number that names (phase, caption): the key of the rendered-image cache.
  uint32_t key = 0;
};
PhotoLabel photo_label(uint64_t seed);

struct DocumentLabel {
  std::string title;     // "Signed Contract", from the filename template
  std::string subtitle;  // the template's description, may be empty
};
DocumentLabel document_label(uint64_t seed);

}  // namespace gep::sandbox
