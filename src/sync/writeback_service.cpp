#include "sync/writeback_service.h"

#include "domain/job_lookup.h"

namespace gep::sync {

Result<domain::OutboxItem> WritebackService::add_note(std::string_view job_key,
                                                      const NoteRequest& note,
                                                      const RequestOrigin& origin) const {
  return enqueue(job_key, [&](const domain::Job& job) { return note_item(job, note, origin); });
}

Result<domain::OutboxItem> WritebackService::add_task(std::string_view job_key,
                                                      const TaskRequest& task,
                                                      const RequestOrigin& origin) const {
  return enqueue(job_key, [&](const domain::Job& job) { return task_item(job, task, origin); });
}

Result<domain::OutboxItem> WritebackService::change_status(std::string_view job_key,
                                                           const StatusRequest& status,
                                                           const RequestOrigin& origin) const {
  return enqueue(job_key, [&](const domain::Job& job) { return status_item(job, status, origin); });
}

Result<domain::OutboxItem> WritebackService::attach_file(std::string_view job_key,
                                                         const AttachmentRequest& upload,
                                                         const RequestOrigin& origin) const {
  return enqueue(job_key,
                 [&](const domain::Job& job) { return attachment_item(job, upload, origin); });
}

Result<domain::OutboxItem> WritebackService::enqueue(std::string_view job_key,
                                                     const ItemBuilder& build) const {
  std::optional<domain::OutboxItem> stored;
  std::optional<Error> refusal;  // the request's fault: reported as is, not as a store error
  const Status done = store_.in_transaction([&](domain::Repositories& repositories) -> Status {
    const auto job = domain::find_job(repositories.jobs(), job_key);
    if (!job) return fail(job.error());
    if (!job->has_value()) {
      refusal = Error{"not_found", "no job " + std::string(job_key)};
      return fail(*refusal);
    }
    auto item = build(**job);
    if (!item) {
      refusal = item.error();
      return fail(*refusal);
    }
    auto enqueued = repositories.outbox().enqueue(*item);
    if (!enqueued) return fail(enqueued.error());
    stored = std::move(enqueued).value();
    return {};
  });
  if (refusal) return fail(*refusal);
  if (!done) return fail(done.error());
  if (queued_) queued_();
  return std::move(*stored);
}

}  // namespace gep::sync
