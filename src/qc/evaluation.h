#pragma once
// QC evaluation of one job: classify its photos, count them once each, compare with the
// requirements for its stage, and say so in one line for the JobNimbus note.
//
// Status rule:
//   NOT_CHECKED  the job's photos have never been synced (QcJobInput::photos_synced false), or its
//                status is not mapped to a stage, or its stage needs no category yet (before Sold
//                with the default requirements — see qc/requirements.h).
//   FAIL         some required category has fewer photos than its minimum.
//   PASS         otherwise. Only categories required at the job's stage can fail; the counts of
//                all three are always reported.
// Counting: photos with the same non-empty md5 are one photo; the copy counted is the first (in
// input order) that got a category, else the first. UNCATEGORIZED photos are counted apart and
// never satisfy a requirement.
// Reviewer flags (beyond the spec):
//   after_older_than_before  an AFTER photo dated before every BEFORE photo: a label is wrong
//   duplicate_uploads        uploads ignored because their md5 was already counted
// Note text ("QC Review: ..."): FAIL lists the gaps largest first (ties in BEFORE, DURING, AFTER
// order): "QC Review: FAIL — missing 2 AFTER photos, 1 DURING photo"; PASS lists the counts:
// "QC Review: PASS — 3 BEFORE, 2 DURING, 3 AFTER photos"; NOT_CHECKED gives the reason.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "qc/category.h"
#include "qc/classifier.h"
#include "qc/requirements.h"
#include "qc/stage.h"
#include "qc/timeline.h"

namespace gep::qc {

enum class QcStatus { pass, fail, not_checked };

// "PASS", "FAIL", "NOT_CHECKED".
std::string_view to_string(QcStatus status);
std::optional<QcStatus> parse_qc_status(std::string_view text);

// What the service fills from the mirror for one job.
struct QcJobInput {
  std::string job_id;            // our id
  std::string record_type_name;  // JobNimbus workflow, for per-type requirements
  std::string status_name;       // current status
  bool photos_synced = false;    // false until the photo sync has run for this job once
  std::vector<QcPhoto> photos;   // record_type 2 files only
  // From date_status_change (current status) and "Status Changed" activities, any order.
  std::vector<StatusChange> status_changes;
};

struct MissingCategory {
  PhotoCategory category = PhotoCategory::uncategorized;
  int required = 0;
  int current = 0;
  int missing = 0;
  friend bool operator==(const MissingCategory&, const MissingCategory&) = default;
};

struct QcFlag {
  std::string code;  // "after_older_than_before", "duplicate_uploads"
  std::string message;
  int count = 0;
};

struct PhotoVerdict {
  size_t photo_index = 0;  // into QcJobInput::photos
  PhotoClassification classification;
  std::optional<size_t> duplicate_of;  // photo_index of the counted copy; not counted itself
};

struct QcResult {
  std::string job_id;
  QcStatus status = QcStatus::not_checked;
  TimePoint checked_at{};
  JobStage stage = JobStage::unknown;
  CategoryCounts total_photos;  // distinct photos; `uncategorized` apart from the spec's three
  int duplicates_ignored = 0;
  std::vector<MissingCategory> missing_categories;  // BEFORE, DURING, AFTER order
  std::vector<QcFlag> flags;
  std::vector<PhotoVerdict> photos;  // one per input photo, in input order
  std::string not_checked_reason;    // empty unless NOT_CHECKED
  std::string summary;               // the JobNimbus note
};

// "missing 2 AFTER photos, 1 DURING photo" — largest gap first.
std::string describe_missing(std::span<const MissingCategory> missing);

class QcEngine {
 public:
  explicit QcEngine(QcRequirements requirements = {}, StageMap stages = StageMap::defaults());

  // Pure: the result depends only on the arguments; `checked_at` is stamped, never read.
  QcResult evaluate(const QcJobInput& job, TimePoint checked_at) const;

  const QcRequirements& requirements() const { return requirements_; }
  const StageMap& stages() const { return stages_; }

 private:
  QcRequirements requirements_;
  StageMap stages_;
};

}  // namespace gep::qc
