#pragma once
// The JobNimbus client: the integration guide's @greenenergy/jobnimbus-sdk, typed. Thread-safe;
// one client serves a whole process. Streams borrow the client and must not outlive it.
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "jobnimbus/api_error.h"
#include "jobnimbus/client_options.h"
#include "jobnimbus/models.h"
#include "jobnimbus/record_stream.h"

namespace gep::jobnimbus {

class RequestExecutor;

// fetchJobs/fetchContacts options. page is 1-based; (page-1)*limit + limit may not pass the
// 10,000-result window: listing everything is what the streams are for.
struct ListOptions {
  int limit = kDefaultPageSize;  // 1..1000
  int page = 1;
  std::optional<UnixSeconds> updated_since;  // date_updated >= this; sorts by date_updated asc
};

struct NoteInput {
  std::string text;
  std::optional<std::string> contact_id;  // also relate the note to this contact
};

struct TaskInput {
  std::string title;
  std::optional<std::string> description;
  std::optional<UnixSeconds> due_date;
  std::string record_type_name = "Task";  // the account's task type
};

struct UploadInput {
  std::string file_name;
  std::string bytes;      // raw file content; sent base64-encoded
  std::string file_type;  // "photo", "document", a MIME type ("image/jpeg") or a type code ("2")
  std::string description;
};

// A file's bytes as its signed URL served them.
struct FileDownload {
  std::string bytes;
  std::string content_type;  // the storage's Content-Type; empty when it sent none
};

// GET /api/v1/integration/jobnimbus/health answers {status:'ok'|'error', message?} from this.
struct HealthReport {
  bool ok = false;
  std::string message;  // empty when ok; never holds the API key
  std::optional<ApiErrorKind> error_kind;
  std::string to_json() const;
};

class JobNimbusClient {
 public:
  // Fills defaults (clock, rate limiter, curl transport) and refuses an unusable configuration:
  // no API key, a malformed base URL, or plain http to a host that is not loopback.
  static ApiResult<std::unique_ptr<JobNimbusClient>> create(ClientOptions options);
  ~JobNimbusClient();
  JobNimbusClient(const JobNimbusClient&) = delete;
  JobNimbusClient& operator=(const JobNimbusClient&) = delete;

  // Reads.
  ApiResult<Page<Job>> fetch_jobs(const ListOptions& options = {});
  ApiResult<Job> fetch_job_by_id(const std::string& jnid);
  ApiResult<Page<Contact>> fetch_contacts(const ListOptions& options = {});
  ApiResult<Contact> fetch_contact_by_id(const std::string& jnid);
  // Every file related to the job (targeted syncs; the bulk path is stream_files).
  ApiResult<std::vector<FileRecord>> fetch_attachments(const std::string& job_jnid);
  // The photos among them: caption (description), filename, type, content_type, dates, md5, size.
  ApiResult<std::vector<FileRecord>> fetch_job_photos(const std::string& job_jnid);
  // The job's newest activities and tasks, to reconcile a write whose outcome is unknown.
  ApiResult<Page<Activity>> fetch_job_activities(const std::string& job_jnid, int limit = 50);
  ApiResult<Page<Task>> fetch_job_tasks(const std::string& job_jnid, int limit = 50);
  // The records with these ids, by `terms` filters on jnid, as many ids per request as keep the
  // URL short (proxies refuse long ones). Ids JobNimbus does not have are absent from the answer.
  // A refused filter (400) is the caller's cue to fall back to one GET per id.
  ApiResult<std::vector<Job>> fetch_jobs_by_ids(std::span<const std::string> jnids);
  ApiResult<std::vector<Contact>> fetch_contacts_by_ids(std::span<const std::string> jnids);
  ApiResult<std::vector<FileRecord>> fetch_files_by_ids(std::span<const std::string> jnids);
  // GET /files/{jnid} answers 302 to a short-lived signed URL; this follows it and returns the
  // bytes. Both requests go through the executor (rate limit, retries, error mapping); the signed
  // URL is fetched without the API key. Files are held in memory: JobNimbus caps uploads.
  ApiResult<FileDownload> download_file(const std::string& file_jnid);
  // Workflows and statuses (is_closed, is_lead) of jobs and contacts.
  ApiResult<AccountSettings> fetch_account_settings();
  // One cheap authenticated request, no retries.
  HealthReport health_check();

  // Writes. POSTs are never retried once they may have reached JobNimbus: a timeout, dropped
  // connection or 5xx after sending is ApiErrorKind::outcome_unknown (reconcile with
  // fetch_job_activities / fetch_job_tasks before trying again).
  ApiResult<Activity> create_note(const std::string& job_jnid, const NoteInput& note);
  ApiResult<Task> create_task(const std::string& job_jnid, const TaskInput& task);
  ApiResult<FileRecord> upload_attachment(const std::string& job_jnid, const UploadInput& upload);
  // PUT /jobs/{jnid} {"status_name": ...}; idempotent, so retried like a read.
  ApiResult<Job> update_job_status(const std::string& job_jnid, const std::string& status_name);

  // Streams over everything matching (see record_stream.h), by a (date_updated, jnid) cursor.
  JobStream stream_jobs(StreamOptions options = {});
  ContactStream stream_contacts(StreamOptions options = {});
  FileStream stream_files(StreamOptions options = {});
  // jnid + date_updated only (`fields=jnid,date_updated`, 1000 per request): delete reconciliation.
  IdStream stream_ids(Entity entity, StreamOptions options = {});

  // Requests sent so far, retries included.
  uint64_t requests_sent() const;
  const ClientOptions& options() const;

 private:
  explicit JobNimbusClient(std::unique_ptr<RequestExecutor> executor);
  template <class Record>
  ApiResult<Page<Record>> fetch_list(std::string_view resource, const ListOptions& options);
  template <class Record>
  ApiResult<Page<Record>> fetch_page(std::string_view resource, const ListQuery& query);
  template <class Record>
  ApiResult<std::vector<Record>> fetch_by_ids(std::string_view resource,
                                              std::span<const std::string> jnids);
  template <class Record>
  ApiResult<Record> fetch_one(std::string_view resource, const std::string& jnid);
  template <class Record>
  ApiResult<Record> write(HttpMethod method, const std::string& path, std::string body);

  std::unique_ptr<RequestExecutor> executor_;
};

}  // namespace gep::jobnimbus
