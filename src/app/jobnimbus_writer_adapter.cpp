#include "app/jobnimbus_writer_adapter.h"

namespace gep::app {
namespace {

// The created or updated record's jnid.
template <class Record>
jobnimbus::ApiResult<std::string> jnid_of(jobnimbus::ApiResult<Record> written) {
  if (!written) return fail(written.error());
  return written->jnid;
}

}  // namespace

jobnimbus::ApiResult<std::string> JobNimbusWriterAdapter::create_note(const std::string& job_jnid,
                                                                      const std::string& text) {
  return jnid_of(client_.create_note(job_jnid, {text, std::nullopt}));
}

jobnimbus::ApiResult<std::string> JobNimbusWriterAdapter::create_task(const std::string& job_jnid,
                                                                      const sync::TaskWrite& task) {
  jobnimbus::TaskInput input;
  input.title = task.title;
  input.description = task.description;
  input.due_date = task.due_date;
  return jnid_of(client_.create_task(job_jnid, input));
}

jobnimbus::ApiResult<std::string> JobNimbusWriterAdapter::upload_attachment(
    const std::string& job_jnid, const sync::UploadWrite& upload) {
  return jnid_of(client_.upload_attachment(
      job_jnid, {upload.file_name, upload.bytes, upload.file_type, upload.description}));
}

jobnimbus::ApiResult<std::string> JobNimbusWriterAdapter::update_job_status(
    const std::string& job_jnid, const std::string& status_name) {
  return jnid_of(client_.update_job_status(job_jnid, status_name));
}

}  // namespace gep::app
