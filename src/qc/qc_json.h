#pragma once
// The QC result in the spec's JSON shape (POST /api/v1/qc/jobs/:jobId/evaluate):
//   {jobId, status, checkedAt, totalPhotos: {BEFORE, DURING, AFTER},
//    missingCategories: [{category, required, current, missing}]}
// plus fields beyond the spec that the dashboard and reviewers use: stage, uncategorizedPhotos,
// duplicatesIgnored, flags [{code, message, count}], summary (the note text) and, for
// NOT_CHECKED, notCheckedReason. `jobNimbusSyncedAt` belongs to the stored check, so the service
// adds it.
#include <nlohmann/json.hpp>

#include "qc/evaluation.h"

namespace gep::qc {

nlohmann::json to_json(const QcResult& result);
// Per-photo categories and reasons: [{photoId, category, source, reason, duplicateOf}] with the
// JobNimbus ids of `job.photos` (the input the result was computed from).
nlohmann::json photos_to_json(const QcResult& result, const QcJobInput& job);

}  // namespace gep::qc
