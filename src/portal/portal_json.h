#pragma once
// The JSON of the portal API (camelCase, times ISO 8601 UTC or null). The same schema answers the
// customer and the internal preview (spec: "Internal Portal Preview").
#include <nlohmann/json.hpp>

#include "portal/job_view.h"

namespace gep::portal {

// downloadPath of a shared file: /api/v1/portal/jobs/{jobId}/files/{fileId}.
std::string download_path(int64_t job_id, int64_t file_id);

nlohmann::json to_json(const PortalJobView& view);
// The short form of the job list: id, number, name, stage and address.
nlohmann::json summary_json(const PortalJobView& view);

}  // namespace gep::portal
