#include "qc/keywords.h"

#include <array>
#include <cstdint>

#include "qc/text.h"

namespace gep::qc {
namespace {

// A tag packs what a phrase means: its category (if any), its strength and its grammatical role.
enum class Role : uint32_t {
  none = 0,
  before_preposition = 1,
  after_preposition = 2,
  negation = 3
};

constexpr uint32_t kStrong = 1U << 2;

constexpr uint32_t category_bits(PhotoCategory category) {
  switch (category) {
    case PhotoCategory::before:
      return 1;
    case PhotoCategory::during:
      return 2;
    case PhotoCategory::after:
      return 3;
    case PhotoCategory::uncategorized:
      break;
  }
  return 0;
}

constexpr uint32_t tag(PhotoCategory category, bool strong, Role role = Role::none) {
  return category_bits(category) | (strong ? kStrong : 0U) | (static_cast<uint32_t>(role) << 3);
}

PhotoCategory category_of(uint32_t tag_value) {
  switch (tag_value & 3U) {
    case 1:
      return PhotoCategory::before;
    case 2:
      return PhotoCategory::during;
    case 3:
      return PhotoCategory::after;
    default:
      return PhotoCategory::uncategorized;
  }
}

Role role_of(uint32_t tag_value) {
  return static_cast<Role>((tag_value >> 3) & 3U);
}
bool strong_of(uint32_t tag_value) {
  return (tag_value & kStrong) != 0;
}

constexpr auto B = PhotoCategory::before;
constexpr auto D = PhotoCategory::during;
constexpr auto A = PhotoCategory::after;
constexpr auto U = PhotoCategory::uncategorized;

struct Entry {
  const char* phrase;
  uint32_t tag;
};

// The vocabulary documented in keywords.h; keep the two in step.
constexpr std::array kVocabulary{
    Entry{"pre-install", tag(B, true)},
    Entry{"preinstall", tag(B, true)},
    Entry{"pre-installation", tag(B, true)},
    Entry{"pre-construction", tag(B, true)},
    Entry{"preconstruction", tag(B, true)},
    Entry{"pre-job", tag(B, true)},
    Entry{"pre-existing", tag(B, true)},
    Entry{"existing roof", tag(B, true)},
    Entry{"existing condition", tag(B, true)},
    Entry{"existing conditions", tag(B, true)},
    Entry{"site survey", tag(B, true)},
    Entry{"survey", tag(B, true)},
    Entry{"as-found", tag(B, true)},
    Entry{"asfound", tag(B, true)},
    Entry{"as-is", tag(B, true)},
    Entry{"old roof", tag(B, true)},
    Entry{"original roof", tag(B, true)},
    Entry{"hail damage", tag(B, true)},
    Entry{"storm damage", tag(B, true)},
    Entry{"wind damage", tag(B, true)},
    Entry{"before install", tag(B, true)},
    Entry{"before installation", tag(B, true)},
    Entry{"before", tag(B, false, Role::before_preposition)},
    Entry{"prior", tag(B, false, Role::before_preposition)},
    Entry{"prior to", tag(B, false, Role::before_preposition)},
    Entry{"pre", tag(B, false, Role::before_preposition)},
    Entry{"antes", tag(B, false, Role::before_preposition)},
    Entry{"existing", tag(B, false)},
    Entry{"original", tag(B, false)},
    Entry{"damage", tag(B, false)},
    Entry{"damaged", tag(B, false)},

    Entry{"progress", tag(D, true)},
    Entry{"in progress", tag(D, true)},
    Entry{"wip", tag(D, true)},
    Entry{"work in progress", tag(D, true)},
    Entry{"racking", tag(D, true)},
    Entry{"rack", tag(D, true)},
    Entry{"racks", tag(D, true)},
    Entry{"rails", tag(D, true)},
    Entry{"rail", tag(D, true)},
    Entry{"mounts", tag(D, true)},
    Entry{"mounting", tag(D, true)},
    Entry{"attachments", tag(D, true)},
    Entry{"standoffs", tag(D, true)},
    Entry{"wiring", tag(D, true)},
    Entry{"wire management", tag(D, true)},
    Entry{"conduit", tag(D, true)},
    Entry{"j-box", tag(D, true)},
    Entry{"jbox", tag(D, true)},
    Entry{"junction box", tag(D, true)},
    Entry{"combiner", tag(D, true)},
    Entry{"trench", tag(D, true)},
    Entry{"trenching", tag(D, true)},
    Entry{"rough-in", tag(D, true)},
    Entry{"roughin", tag(D, true)},
    Entry{"install day", tag(D, true)},
    Entry{"installation day", tag(D, true)},
    Entry{"day of install", tag(D, true)},
    Entry{"mid-install", tag(D, true)},
    Entry{"midinstall", tag(D, true)},
    Entry{"mid-installation", tag(D, true)},
    Entry{"tear off", tag(D, true)},
    Entry{"tearoff", tag(D, true)},
    Entry{"underlayment", tag(D, true)},
    Entry{"ice and water", tag(D, true)},
    Entry{"ice water", tag(D, true)},
    Entry{"decking", tag(D, true)},
    Entry{"sheathing", tag(D, true)},
    Entry{"drip edge", tag(D, true)},
    Entry{"dry-in", tag(D, true)},
    Entry{"progreso", tag(D, true)},
    Entry{"during", tag(D, false)},
    Entry{"durante", tag(D, false)},
    Entry{"installing", tag(D, false)},

    Entry{"final inspection", tag(A, true)},
    Entry{"inspection passed", tag(A, true)},
    Entry{"passed inspection", tag(A, true)},
    Entry{"pto", tag(A, true)},
    Entry{"permission to operate", tag(A, true)},
    Entry{"post-install", tag(A, true)},
    Entry{"postinstall", tag(A, true)},
    Entry{"post-installation", tag(A, true)},
    Entry{"post-construction", tag(A, true)},
    Entry{"after install", tag(A, true)},
    Entry{"after installation", tag(A, true)},
    Entry{"after completion", tag(A, true)},
    Entry{"commissioning", tag(A, true)},
    Entry{"commissioned", tag(A, true)},
    Entry{"as-built", tag(A, true)},
    Entry{"asbuilt", tag(A, true)},
    Entry{"after", tag(A, false, Role::after_preposition)},
    Entry{"después", tag(A, false, Role::after_preposition)},
    Entry{"despues", tag(A, false, Role::after_preposition)},
    Entry{"post", tag(U, false, Role::after_preposition)},
    Entry{"final", tag(A, false)},
    Entry{"complete", tag(A, false)},
    Entry{"completed", tag(A, false)},
    Entry{"completion", tag(A, false)},
    Entry{"finished", tag(A, false)},
    Entry{"finish", tag(A, false)},
    Entry{"done", tag(A, false)},
    Entry{"installed", tag(A, false)},
    Entry{"terminado", tag(A, false)},
    Entry{"completado", tag(A, false)},

    Entry{"not", tag(U, false, Role::negation)},
    Entry{"no", tag(U, false, Role::negation)},
    Entry{"never", tag(U, false, Role::negation)},
};

const PhraseTable& vocabulary() {
  static const PhraseTable table = [] {
    PhraseTable built;
    for (const Entry& entry : kVocabulary) built.add(entry.phrase, entry.tag);
    return built;
  }();
  return table;
}

struct Hit {
  uint32_t tag = 0;
  size_t first = 0;  // word indices, inclusive
  size_t last = 0;
};

// Labels are short; hits past this many are ignored (a caption with 32 keywords decides early).
constexpr size_t kMaxHits = 32;

// The first quote seen per category and strength: all that deciding and explaining need.
struct Tally {
  std::array<std::string_view, 3> strong{};
  std::array<std::string_view, 3> weak{};

  void add(PhotoCategory category, bool strong_hit, std::string_view quote) {
    if (category == PhotoCategory::uncategorized) return;
    auto& slot = (strong_hit ? strong : weak)[static_cast<size_t>(category)];
    if (slot.empty()) slot = quote;
  }
};

LabelEvidence decide(const std::array<std::string_view, 3>& quotes) {
  LabelEvidence evidence;
  for (const PhotoCategory category : kRequiredCategories) {
    const std::string_view quote = quotes[static_cast<size_t>(category)];
    if (quote.empty()) continue;
    if (evidence.kind == LabelEvidence::Kind::none) {
      evidence = {LabelEvidence::Kind::decided, category, quote, {}};
    } else if (evidence.kind == LabelEvidence::Kind::decided) {
      evidence = {LabelEvidence::Kind::ambiguous, PhotoCategory::uncategorized, evidence.quote,
                  quote};
    }
  }
  return evidence;
}

}  // namespace

LabelEvidence read_label(std::string_view label) {
  const TokenizedText words(label);
  if (words.empty()) return {};
  const PhraseTable& table = vocabulary();

  std::array<Hit, kMaxHits> hits{};
  size_t hit_count = 0;
  for (size_t position = 0; position < words.size() && hit_count < kMaxHits;) {
    const PhraseTable::Match match = table.longest_at(words, position);
    if (match.words == 0) {
      ++position;
      continue;
    }
    hits[hit_count++] = {match.tag, position, position + match.words - 1};
    position += match.words;
  }

  Tally tally;
  for (size_t i = 0; i < hit_count; ++i) {
    const Hit& hit = hits[i];
    const Role role = role_of(hit.tag);
    const bool has_next = i + 1 < hit_count;
    const Hit next = has_next ? hits[i + 1] : Hit{};
    const bool next_is_keyword = has_next && role_of(next.tag) == Role::none;
    if (role == Role::negation) {
      const bool negates_next =
          has_next && role_of(next.tag) != Role::negation && next.first == hit.last + 1;
      if (negates_next) ++i;  // "not finished", "no before photos": the keyword is cancelled
      continue;
    }
    const bool preposition = role == Role::before_preposition || role == Role::after_preposition;
    if (preposition && next_is_keyword && next.first <= hit.last + 2) {
      const PhotoCategory object = category_of(next.tag);
      const bool before_the_work =
          role == Role::before_preposition && object == PhotoCategory::during;
      const PhotoCategory category = before_the_work ? PhotoCategory::before : object;
      const bool strong = before_the_work || strong_of(next.tag);
      tally.add(category, strong, words.original(hit.first, next.last));
      ++i;
      continue;
    }
    tally.add(category_of(hit.tag), strong_of(hit.tag), words.original(hit.first, hit.last));
  }

  const LabelEvidence strong = decide(tally.strong);
  if (strong.kind != LabelEvidence::Kind::none) return strong;
  return decide(tally.weak);
}

}  // namespace gep::qc
