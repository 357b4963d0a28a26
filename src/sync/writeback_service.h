#pragma once
// Write-backs to JobNimbus as the API and the pages ask for them: each request becomes an outbox
// item, stored in one transaction with the lookup of its job, so an item always names a job that
// existed when it was queued. The outbox worker delivers it.
#include <functional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "domain/data_store.h"
#include "sync/outbox_requests.h"

namespace gep::sync {

class WritebackService {
 public:
  // `queued` runs after an item was committed (gep serve wakes its outbox worker with it).
  WritebackService(domain::DataStore& store, std::function<void()> queued)
      : store_(store), queued_(std::move(queued)) {}

  // `job_key` is our id or the JobNimbus jnid. Errors: not_found (no such job), the refusals of
  // outbox_requests.h (validation, job_not_synced, job_deleted), or the store's error.
  Result<domain::OutboxItem> add_note(std::string_view job_key, const NoteRequest& note,
                                      const RequestOrigin& origin) const;
  Result<domain::OutboxItem> add_task(std::string_view job_key, const TaskRequest& task,
                                      const RequestOrigin& origin) const;
  Result<domain::OutboxItem> change_status(std::string_view job_key, const StatusRequest& status,
                                           const RequestOrigin& origin) const;
  Result<domain::OutboxItem> attach_file(std::string_view job_key, const AttachmentRequest& upload,
                                         const RequestOrigin& origin) const;

 private:
  using ItemBuilder = std::function<Result<domain::OutboxItem>(const domain::Job&)>;
  Result<domain::OutboxItem> enqueue(std::string_view job_key, const ItemBuilder& build) const;

  domain::DataStore& store_;
  std::function<void()> queued_;
};

}  // namespace gep::sync
