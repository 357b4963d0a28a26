#pragma once
// How mirrored records look in the API: camelCase, times as ISO 8601 UTC strings (null when
// unset), JobNimbus ids as jobNimbusId.
#include <nlohmann/json.hpp>

#include "domain/records.h"
#include "domain/sync_records.h"

namespace gep::http {

// ISO 8601 for a unix-seconds time; null for 0 ("unset").
nlohmann::json time_or_null(int64_t unix_seconds);

nlohmann::json job_summary_json(const domain::Job& job);
nlohmann::json contact_json(const domain::Contact& contact);
nlohmann::json file_json(const domain::File& file);
nlohmann::json sync_log_json(const domain::SyncLog& log);

}  // namespace gep::http
