#pragma once
// Targeted file sync of chosen jobs (POST /api/v1/sync/photos?jobId=… or ?limit=N): one listing
// per job, for when a job needs fresh photos now. The scheduled sync lists /files in bulk instead.
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/data_store.h"
#include "sync/jobnimbus_gateway.h"

namespace gep::sync {

struct JobFilesError {
  std::string job_id;
  std::string error;
};

// The spec's answer: {total, succeeded, failed, errors:[{jobId, error}], totalPhotosSynced}.
struct JobFilesReport {
  int64_t total = 0;
  int64_t succeeded = 0;
  int64_t failed = 0;
  std::vector<JobFilesError> errors;
  int64_t total_photos_synced = 0;
};

JobFilesReport sync_job_files(JobNimbusGateway& gateway, domain::DataStore& store, Clock& clock,
                              const std::vector<std::string>& job_jnids);

}  // namespace gep::sync
