#include "qc/qc_json.h"

#include "core/time_format.h"

namespace gep::qc {
namespace {

std::string_view to_string(EvidenceSource source) {
  switch (source) {
    case EvidenceSource::caption:
      return "caption";
    case EvidenceSource::filename:
      return "filename";
    case EvidenceSource::date:
      return "date";
    case EvidenceSource::none:
      break;
  }
  return "none";
}

}  // namespace

nlohmann::json to_json(const QcResult& result) {
  nlohmann::json missing = nlohmann::json::array();
  for (const MissingCategory& entry : result.missing_categories) {
    missing.push_back({{"category", to_string(entry.category)},
                       {"required", entry.required},
                       {"current", entry.current},
                       {"missing", entry.missing}});
  }
  nlohmann::json flags = nlohmann::json::array();
  for (const QcFlag& flag : result.flags) {
    flags.push_back({{"code", flag.code}, {"message", flag.message}, {"count", flag.count}});
  }
  nlohmann::json out = {
      {"jobId", result.job_id},
      {"status", to_string(result.status)},
      {"checkedAt", format_iso8601(result.checked_at)},
      {"totalPhotos",
       {{"BEFORE", result.total_photos.before},
        {"DURING", result.total_photos.during},
        {"AFTER", result.total_photos.after}}},
      {"missingCategories", std::move(missing)},
      {"stage", to_string(result.stage)},
      {"uncategorizedPhotos", result.total_photos.uncategorized},
      {"duplicatesIgnored", result.duplicates_ignored},
      {"flags", std::move(flags)},
      {"summary", result.summary},
  };
  if (!result.not_checked_reason.empty()) out["notCheckedReason"] = result.not_checked_reason;
  return out;
}

nlohmann::json photos_to_json(const QcResult& result, const QcJobInput& job) {
  nlohmann::json out = nlohmann::json::array();
  for (const PhotoVerdict& verdict : result.photos) {
    if (verdict.photo_index >= job.photos.size()) continue;
    nlohmann::json entry = {{"photoId", job.photos[verdict.photo_index].jnid},
                            {"category", to_string(verdict.classification.category)},
                            {"source", to_string(verdict.classification.source)},
                            {"reason", verdict.classification.reason},
                            {"duplicateOf", nullptr}};
    if (verdict.duplicate_of && *verdict.duplicate_of < job.photos.size()) {
      entry["duplicateOf"] = job.photos[*verdict.duplicate_of].jnid;
    }
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace gep::qc
