#include "sandbox/content_label.h"

namespace gep::sandbox {
namespace {

constexpr uint64_t kPhaseShift = 1;
constexpr uint64_t kPhaseMask = 0x3;
constexpr uint64_t kLabelShift = 3;
constexpr uint64_t kLabelMask = 0xff;
constexpr uint64_t kTemplatesPerKind = 8;

uint64_t with_fields(uint64_t random, uint64_t phase, uint64_t label) {
  const uint64_t fields = (kPhaseMask << kPhaseShift) | (kLabelMask << kLabelShift);
  return (random & ~fields) | (phase << kPhaseShift) | (label << kLabelShift) | 1;
}

uint64_t phase_field(uint64_t seed) {
  return (seed >> kPhaseShift) & kPhaseMask;
}
uint64_t label_field(uint64_t seed) {
  return (seed >> kLabelShift) & kLabelMask;
}

// "Signed Contract - {last}.pdf" -> "Signed Contract": the template without its placeholders,
// extension and the separators left dangling by them.
std::string title_of(std::string_view filename) {
  if (filename.size() > 4 && filename.substr(filename.size() - 4) == ".pdf") {
    filename.remove_suffix(4);
  }
  std::string out;
  for (size_t i = 0; i < filename.size(); ++i) {
    if (filename[i] == '{') {
      const size_t close = filename.find('}', i);
      if (close == std::string_view::npos) break;
      i = close;
      continue;
    }
    out.push_back(filename[i]);
  }
  while (!out.empty() &&
         (out.back() == ' ' || out.back() == '-' || out.back() == '_' || out.back() == '#')) {
    out.pop_back();
  }
  return out.empty() ? std::string("Document") : out;
}

}  // namespace

uint64_t photo_seed(uint64_t random, catalog::PhotoPhase phase, std::optional<size_t> caption) {
  const uint64_t label = caption ? *caption + 1 : 0;
  return with_fields(random, static_cast<uint64_t>(phase) + 1, label <= kLabelMask ? label : 0);
}

uint64_t document_seed(uint64_t random, catalog::DocKind kind, size_t template_index) {
  const uint64_t label = static_cast<uint64_t>(kind) * kTemplatesPerKind + template_index + 1;
  return with_fields(random, 0, template_index < kTemplatesPerKind ? label : 0);
}

PhotoLabel photo_label(uint64_t seed) {
  PhotoLabel out;
  const uint64_t phase = phase_field(seed);
  const uint64_t label = label_field(seed);
  out.key = static_cast<uint32_t>(phase << 8 | label);
  if (phase == 0) return out;
  out.phase = static_cast<catalog::PhotoPhase>(phase - 1);
  if (label == 0) return out;
  const auto own = catalog::captions(*out.phase);
  const auto neutral = catalog::neutral_captions();
  const size_t index = label - 1;
  if (index < own.size()) {
    out.caption = own[index];
  } else if (index - own.size() < neutral.size()) {
    out.caption = neutral[index - own.size()];
  }
  return out;
}

DocumentLabel document_label(uint64_t seed) {
  const uint64_t label = label_field(seed);
  if (label == 0) return {"Document", ""};
  const uint64_t kind = (label - 1) / kTemplatesPerKind;
  if (kind > static_cast<uint64_t>(catalog::DocKind::completion_certificate)) {
    return {"Document", ""};
  }
  const auto templates = catalog::doc_templates(static_cast<catalog::DocKind>(kind));
  const size_t index = (label - 1) % kTemplatesPerKind;
  if (index >= templates.size()) return {"Document", ""};
  return {title_of(templates[index].filename), std::string(templates[index].description)};
}

}  // namespace gep::sandbox
