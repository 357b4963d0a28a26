#pragma once
// The QC result in the spec's JSON shape (POST /api/v1/qc/jobs/:jobId/evaluate):
//   {jobId, status, checkedAt, totalPhotos: {BEFORE, DURING, AFTER},
//    missingCategories: [{category, required, current, missing}]}
// plus fields beyond the spec that the dashboard and reviewers use: stage, uncategorizedPhotos,
// duplicatesIgnored, flags [{code, message, count}], summary (the note text) and, for
// NOT_CHECKED, notCheckedReason. `jobNimbusSyncedAt` belongs to the stored check, so the service
// adds it.
#include <span>
#include <string>

#include <nlohmann/json.hpp>

#include "qc/evaluation.h"
#include "qc/requirements.h"

namespace gep::qc {

nlohmann::json to_json(const QcResult& result);
// Per-photo categories and reasons: [{photoId, category, source, reason, duplicateOf}] with the
// JobNimbus ids of `job.photos` (the input the result was computed from).
nlohmann::json photos_to_json(const QcResult& result, const QcJobInput& job);

// The texts a stored check keeps, written directly (qc/json_text.h): byte for byte
// to_json(result)["missingCategories"].dump(), ["flags"].dump(), photos_to_json(...).dump(), and
// {stage, required, duplicatesIgnored, summary}.dump().
void append_missing_json(std::string& out, std::span<const MissingCategory> missing);
std::string missing_json_text(const QcResult& result);
std::string flags_json_text(const QcResult& result);
std::string photos_json_text(const QcResult& result, const QcJobInput& job);
std::string requirements_json_text(const QcResult& result, const CategoryMinimums& required);

}  // namespace gep::qc
