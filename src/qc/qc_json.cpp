#include "qc/qc_json.h"

#include "core/time_format.h"
#include "qc/json_text.h"

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

void append_missing_json(std::string& out, std::span<const MissingCategory> missing) {
  out += '[';
  for (const MissingCategory& entry : missing) {
    if (out.back() != '[') out += ',';
    append_json_key(out += '{', "category");
    append_json_string(out, to_string(entry.category));
    append_json_key(out += ',', "current");
    append_json_number(out, entry.current);
    append_json_key(out += ',', "missing");
    append_json_number(out, entry.missing);
    append_json_key(out += ',', "required");
    append_json_number(out, entry.required);
    out += '}';
  }
  out += ']';
}

std::string missing_json_text(const QcResult& result) {
  std::string out;
  append_missing_json(out, result.missing_categories);
  return out;
}

std::string flags_json_text(const QcResult& result) {
  std::string out = "[";
  for (const QcFlag& flag : result.flags) {
    if (out.size() > 1) out += ',';
    append_json_key(out += '{', "code");
    append_json_string(out, flag.code);
    append_json_key(out += ',', "count");
    append_json_number(out, flag.count);
    append_json_key(out += ',', "message");
    append_json_string(out, flag.message);
    out += '}';
  }
  out += ']';
  return out;
}

std::string photos_json_text(const QcResult& result, const QcJobInput& job) {
  std::string out = "[";
  out.reserve(result.photos.size() * 160 + 2);
  for (const PhotoVerdict& verdict : result.photos) {
    if (verdict.photo_index >= job.photos.size()) continue;
    if (out.size() > 1) out += ',';
    append_json_key(out += '{', "category");
    append_json_string(out, to_string(verdict.classification.category));
    append_json_key(out += ',', "duplicateOf");
    if (verdict.duplicate_of && *verdict.duplicate_of < job.photos.size()) {
      append_json_string(out, job.photos[*verdict.duplicate_of].jnid);
    } else {
      out += "null";
    }
    append_json_key(out += ',', "photoId");
    append_json_string(out, job.photos[verdict.photo_index].jnid);
    append_json_key(out += ',', "reason");
    append_json_string(out, verdict.classification.reason);
    append_json_key(out += ',', "source");
    append_json_string(out, to_string(verdict.classification.source));
    out += '}';
  }
  out += ']';
  return out;
}

std::string requirements_json_text(const QcResult& result, const CategoryMinimums& required) {
  std::string out = "{";
  append_json_key(out, "duplicatesIgnored");
  append_json_number(out, result.duplicates_ignored);
  append_json_key(out += ',', "required");
  append_json_key(out += '{', "AFTER");
  append_json_number(out, required.after);
  append_json_key(out += ',', "BEFORE");
  append_json_number(out, required.before);
  append_json_key(out += ',', "DURING");
  append_json_number(out, required.during);
  append_json_key(out += "},", "stage");
  append_json_string(out, to_string(result.stage));
  append_json_key(out += ',', "summary");
  append_json_string(out, result.summary);
  out += '}';
  return out;
}

}  // namespace gep::qc
