#pragma once
// The JobNimbus writes the outbox worker delivers, and the reads it needs to find out whether a
// write whose outcome is unknown happened. Owned by sync (tests fake it); src/app adapts the real
// JobNimbusClient. Each write answers the jnid of the record JobNimbus created or updated.
#include <optional>
#include <string>
#include <vector>

#include "jobnimbus/api_error.h"
#include "jobnimbus/models.h"

namespace gep::sync {

struct TaskWrite {
  std::string title;
  std::optional<std::string> description;
  std::optional<int64_t> due_date;  // unix seconds
};

struct UploadWrite {
  std::string file_name;
  std::string bytes;      // raw content
  std::string file_type;  // "photo", "document", a MIME type or a JobNimbus type code
  std::string description;
};

class JobNimbusWriter {
 public:
  virtual ~JobNimbusWriter() = default;

  // POSTs: an ApiErrorKind::outcome_unknown failure means the request may have been applied.
  virtual jobnimbus::ApiResult<std::string> create_note(const std::string& job_jnid,
                                                        const std::string& text) = 0;
  virtual jobnimbus::ApiResult<std::string> create_task(const std::string& job_jnid,
                                                        const TaskWrite& task) = 0;
  virtual jobnimbus::ApiResult<std::string> upload_attachment(const std::string& job_jnid,
                                                              const UploadWrite& upload) = 0;
  // PUT: idempotent.
  virtual jobnimbus::ApiResult<std::string> update_job_status(const std::string& job_jnid,
                                                              const std::string& status_name) = 0;

  // The job's newest activities / tasks (newest first) and its files, to reconcile.
  virtual jobnimbus::ApiResult<jobnimbus::Page<jobnimbus::Activity>> recent_activities(
      const std::string& job_jnid, int limit) = 0;
  virtual jobnimbus::ApiResult<jobnimbus::Page<jobnimbus::Task>> recent_tasks(
      const std::string& job_jnid, int limit) = 0;
  virtual jobnimbus::ApiResult<std::vector<jobnimbus::FileRecord>> job_files(
      const std::string& job_jnid) = 0;
};

}  // namespace gep::sync
