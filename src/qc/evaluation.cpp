#include "qc/evaluation.h"

#include <algorithm>
#include <limits>

#include "qc/dedupe.h"
#include "qc/text.h"

namespace gep::qc {
namespace {

std::string photos_word(int count) {
  return count == 1 ? " photo" : " photos";
}

// "1 AFTER photo is older than every BEFORE photo" when a label contradicts the dates.
std::optional<QcFlag> after_older_than_before(const QcJobInput& job,
                                              std::span<const PhotoVerdict> verdicts) {
  int64_t oldest_before = std::numeric_limits<int64_t>::max();
  for (const PhotoVerdict& verdict : verdicts) {
    const int64_t taken = photo_time(job.photos[verdict.photo_index]);
    if (verdict.duplicate_of || taken <= 0) continue;
    if (verdict.classification.category == PhotoCategory::before) {
      oldest_before = std::min(oldest_before, taken);
    }
  }
  if (oldest_before == std::numeric_limits<int64_t>::max()) return std::nullopt;
  int count = 0;
  for (const PhotoVerdict& verdict : verdicts) {
    const int64_t taken = photo_time(job.photos[verdict.photo_index]);
    const bool counted_after =
        !verdict.duplicate_of && verdict.classification.category == PhotoCategory::after;
    if (counted_after && taken > 0 && taken < oldest_before) ++count;
  }
  if (count == 0) return std::nullopt;
  return QcFlag{"after_older_than_before",
                std::to_string(count) + " AFTER" + photos_word(count) +
                    (count == 1 ? " is" : " are") +
                    " older than every BEFORE photo: check the captions",
                count};
}

std::string note(const QcResult& result) {
  std::string text = "QC Review: ";
  text += to_string(result.status);
  text += " \u2014 ";
  switch (result.status) {
    case QcStatus::fail:
      text += describe_missing(result.missing_categories);
      break;
    case QcStatus::pass:
      text += std::to_string(result.total_photos.before) + " BEFORE, " +
              std::to_string(result.total_photos.during) + " DURING, " +
              std::to_string(result.total_photos.after) + " AFTER photos";
      break;
    case QcStatus::not_checked:
      text += result.not_checked_reason;
      break;
  }
  return text;
}

}  // namespace

std::string_view to_string(QcStatus status) {
  switch (status) {
    case QcStatus::pass:
      return "PASS";
    case QcStatus::fail:
      return "FAIL";
    case QcStatus::not_checked:
      break;
  }
  return "NOT_CHECKED";
}

std::optional<QcStatus> parse_qc_status(std::string_view text) {
  for (const auto status : {QcStatus::pass, QcStatus::fail, QcStatus::not_checked}) {
    if (same_name(text, to_string(status))) return status;
  }
  return std::nullopt;
}

std::string describe_missing(std::span<const MissingCategory> missing) {
  std::vector<MissingCategory> ordered(missing.begin(), missing.end());
  std::stable_sort(
      ordered.begin(), ordered.end(),
      [](const MissingCategory& a, const MissingCategory& b) { return a.missing > b.missing; });
  std::string text = "missing ";
  for (size_t i = 0; i < ordered.size(); ++i) {
    if (i > 0) text += ", ";
    text += std::to_string(ordered[i].missing);
    text += ' ';
    text += to_string(ordered[i].category);
    text += photos_word(ordered[i].missing);
  }
  return text;
}

QcEngine::QcEngine(QcRequirements requirements, StageMap stages)
    : requirements_(std::move(requirements)), stages_(std::move(stages)) {}

QcResult QcEngine::evaluate(const QcJobInput& job, TimePoint checked_at) const {
  QcResult result;
  result.job_id = job.job_id;
  result.checked_at = checked_at;
  result.stage = stages_.stage_of(job.status_name);

  const StatusTimeline timeline = StatusTimeline::build(job.status_changes, stages_);
  result.photos.reserve(job.photos.size());
  for (size_t i = 0; i < job.photos.size(); ++i) {
    result.photos.push_back({i, classify_photo(job.photos[i], timeline), std::nullopt});
  }
  result.duplicates_ignored = mark_duplicates(job.photos, result.photos);
  for (const PhotoVerdict& verdict : result.photos) {
    if (!verdict.duplicate_of) ++result.total_photos.at(verdict.classification.category);
  }
  if (auto flag = after_older_than_before(job, result.photos)) {
    result.flags.push_back(std::move(*flag));
  }
  if (result.duplicates_ignored > 0) {
    const int count = result.duplicates_ignored;
    result.flags.push_back({"duplicate_uploads",
                            std::to_string(count) + " duplicate upload" + (count == 1 ? "" : "s") +
                                " (same md5) ignored",
                            count});
  }

  const CategoryMinimums& minimums = requirements_.for_type(job.record_type_name);
  bool any_required = false;
  for (const PhotoCategory category : kRequiredCategories) {
    if (!at_or_after(result.stage, requirements_.stage_requiring(category))) continue;
    any_required = true;
    const int required = minimums.get(category);
    const int current = result.total_photos.get(category);
    if (current < required) {
      result.missing_categories.push_back({category, required, current, required - current});
    }
  }

  if (!job.photos_synced) {
    result.not_checked_reason = "photos have never been synced";
  } else if (result.stage == JobStage::unknown) {
    result.not_checked_reason =
        "status '" + std::string(trim(job.status_name)) + "' is not mapped to a stage";
  } else if (!any_required) {
    result.not_checked_reason =
        "no photos are required yet at " + std::string(trim(job.status_name));
  }
  if (!result.not_checked_reason.empty()) {
    result.status = QcStatus::not_checked;
    result.missing_categories.clear();
  } else {
    result.status = result.missing_categories.empty() ? QcStatus::pass : QcStatus::fail;
  }
  result.summary = note(result);
  return result;
}

}  // namespace gep::qc
