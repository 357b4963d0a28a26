#pragma once
// Adapts the real JobNimbusClient to the outbox worker's JobNimbusWriter.
#include "jobnimbus/client.h"
#include "sync/jobnimbus_writer.h"

namespace gep::app {

class JobNimbusWriterAdapter final : public sync::JobNimbusWriter {
 public:
  explicit JobNimbusWriterAdapter(jobnimbus::JobNimbusClient& client) : client_(client) {}

  jobnimbus::ApiResult<std::string> create_note(const std::string& job_jnid,
                                                const std::string& text) override;
  jobnimbus::ApiResult<std::string> create_task(const std::string& job_jnid,
                                                const sync::TaskWrite& task) override;
  jobnimbus::ApiResult<std::string> upload_attachment(const std::string& job_jnid,
                                                      const sync::UploadWrite& upload) override;
  jobnimbus::ApiResult<std::string> update_job_status(const std::string& job_jnid,
                                                      const std::string& status_name) override;
  jobnimbus::ApiResult<jobnimbus::Page<jobnimbus::Activity>> recent_activities(
      const std::string& job_jnid, int limit) override {
    return client_.fetch_job_activities(job_jnid, limit);
  }
  jobnimbus::ApiResult<jobnimbus::Page<jobnimbus::Task>> recent_tasks(const std::string& job_jnid,
                                                                      int limit) override {
    return client_.fetch_job_tasks(job_jnid, limit);
  }
  jobnimbus::ApiResult<std::vector<jobnimbus::FileRecord>> job_files(
      const std::string& job_jnid) override {
    return client_.fetch_attachments(job_jnid);
  }

 private:
  jobnimbus::JobNimbusClient& client_;
};

}  // namespace gep::app
