#include "qc/classifier.h"

#include <array>
#include <optional>
#include <string_view>

#include "qc/keywords.h"

namespace gep::qc {
namespace {

std::string quoted(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '\'';
  out += text;
  out += '\'';
  return out;
}

// "caption names both 'before' and 'after'; " — kept in front of whatever finally decides.
void note_ambiguity(std::string& notes, std::string_view source, const LabelEvidence& evidence) {
  notes += source;
  notes += " names both ";
  notes += quoted(evidence.quote);
  notes += " and ";
  notes += quoted(evidence.other_quote);
  notes += "; ";
}

PhotoClassification from_label(std::string notes, std::string_view source,
                               EvidenceSource source_kind, const LabelEvidence& evidence) {
  notes += source;
  notes += " says ";
  notes += quoted(evidence.quote);
  return {evidence.category, source_kind, std::move(notes)};
}

PhotoClassification dated(std::string notes, PhotoCategory category, std::string_view wording,
                          std::string_view status_name, std::string_view tail = {}) {
  notes += wording;
  notes += status_name;
  notes += tail;
  return {category, EvidenceSource::date, std::move(notes)};
}

std::optional<PhotoClassification> from_date(std::string& notes, int64_t taken,
                                             const StatusTimeline& timeline) {
  if (taken <= 0) return std::nullopt;
  if (timeline.completed && taken >= timeline.completed->at) {
    return dated(std::move(notes), PhotoCategory::after, "taken after the job entered ",
                 timeline.completed->status_name);
  }
  if (timeline.install_started && taken >= timeline.install_started->at) {
    return dated(std::move(notes), PhotoCategory::during, "taken after the job entered ",
                 timeline.install_started->status_name);
  }
  if (timeline.install_started) {
    return dated(std::move(notes), PhotoCategory::before, "taken before the job entered ",
                 timeline.install_started->status_name);
  }
  const bool still_before_install = timeline.latest &&
                                    at_or_after(timeline.latest_stage, JobStage::lead) &&
                                    timeline.latest_stage < JobStage::install;
  if (still_before_install) {
    return dated(std::move(notes), PhotoCategory::before, "taken while the job is still at ",
                 timeline.latest->status_name, ", before installation");
  }
  return std::nullopt;
}

// "no caption, filename or date evidence", leaving out sources already reported as ambiguous.
std::string nothing_decided(std::string notes, bool caption_ambiguous, bool filename_ambiguous,
                            bool has_date) {
  std::array<std::string_view, 3> lacking{};
  size_t count = 0;
  if (!caption_ambiguous) lacking[count++] = "caption";
  if (!filename_ambiguous) lacking[count++] = "filename";
  if (!has_date) lacking[count++] = "date";
  if (count > 0) {
    notes += "no ";
    for (size_t i = 0; i < count; ++i) {
      if (i > 0) notes += (i + 1 == count) ? " or " : ", ";
      notes += lacking[i];
    }
    notes += " evidence";
  }
  if (has_date)
    notes += count > 0 ? ", and no status history to date it against"
                       : "no status history to date it against";
  return notes;
}

}  // namespace

int64_t photo_time(const QcPhoto& photo) {
  if (photo.date_file_created > 0) return photo.date_file_created;
  return photo.date_created > 0 ? photo.date_created : 0;
}

PhotoClassification classify_photo(const QcPhoto& photo, const StatusTimeline& timeline) {
  std::string notes;
  const LabelEvidence caption = read_label(photo.caption);
  if (caption.kind == LabelEvidence::Kind::decided) {
    return from_label(std::move(notes), "caption", EvidenceSource::caption, caption);
  }
  const bool caption_ambiguous = caption.kind == LabelEvidence::Kind::ambiguous;
  if (caption_ambiguous) note_ambiguity(notes, "caption", caption);

  const LabelEvidence filename = read_label(photo.filename);
  if (filename.kind == LabelEvidence::Kind::decided) {
    return from_label(std::move(notes), "filename", EvidenceSource::filename, filename);
  }
  const bool filename_ambiguous = filename.kind == LabelEvidence::Kind::ambiguous;
  if (filename_ambiguous) note_ambiguity(notes, "filename", filename);

  const int64_t taken = photo_time(photo);
  if (auto by_date = from_date(notes, taken, timeline)) return std::move(*by_date);
  return {PhotoCategory::uncategorized, EvidenceSource::none,
          nothing_decided(std::move(notes), caption_ambiguous, filename_ambiguous, taken > 0)};
}

}  // namespace gep::qc
