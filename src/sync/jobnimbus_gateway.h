#pragma once
// The JobNimbus operations the sync engine needs, owned by the sync module so that tests can fake
// them and so that sync never sees a transport. It speaks the SDK's value types (records,
// cursors, errors); src/app adapts the real JobNimbusClient to it.
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "jobnimbus/api_error.h"
#include "jobnimbus/cursor.h"
#include "jobnimbus/models.h"
#include "jobnimbus/record_stream.h"

namespace gep::sync {

// A listing consumed one request at a time; on error nothing moved and next_page() may retry.
template <class Record>
class PageSource {
 public:
  virtual ~PageSource() = default;
  virtual jobnimbus::ApiResult<jobnimbus::StreamPage<Record>> next_page() = 0;
  virtual bool done() const = 0;
};

class JobNimbusGateway {
 public:
  virtual ~JobNimbusGateway() = default;

  // Everything updated at or after `start` (a saved cursor; {} for everything).
  virtual std::unique_ptr<PageSource<jobnimbus::Job>> jobs(
      const jobnimbus::StreamCursor& start) = 0;
  virtual std::unique_ptr<PageSource<jobnimbus::Contact>> contacts(
      const jobnimbus::StreamCursor& start) = 0;
  virtual std::unique_ptr<PageSource<jobnimbus::FileRecord>> files(
      const jobnimbus::StreamCursor& start) = 0;
  // Every active record's id (1000 per request), for the reconciliation of deletes.
  virtual std::unique_ptr<PageSource<jobnimbus::RecordId>> ids(jobnimbus::Entity entity) = 0;

  // The active records among these ids, in batches (a `terms` filter on jnid); ids JobNimbus does
  // not have are absent from the answer. The repair of records a listing missed uses them; a
  // validation error means the filter was refused (fall back to job() / contact()).
  virtual jobnimbus::ApiResult<std::vector<jobnimbus::Job>> jobs_with_ids(
      std::span<const std::string> jnids) = 0;
  virtual jobnimbus::ApiResult<std::vector<jobnimbus::Contact>> contacts_with_ids(
      std::span<const std::string> jnids) = 0;
  virtual jobnimbus::ApiResult<std::vector<jobnimbus::FileRecord>> files_with_ids(
      std::span<const std::string> jnids) = 0;

  virtual jobnimbus::ApiResult<jobnimbus::Job> job(const std::string& jnid) = 0;
  virtual jobnimbus::ApiResult<jobnimbus::Contact> contact(const std::string& jnid) = 0;
  virtual jobnimbus::ApiResult<std::vector<jobnimbus::FileRecord>> job_files(
      const std::string& jnid) = 0;
  // GET /account/settings: the workflows and which of their statuses are closed.
  virtual jobnimbus::ApiResult<jobnimbus::AccountSettings> account_settings() = 0;

  virtual uint64_t requests_sent() const = 0;
};

}  // namespace gep::sync
