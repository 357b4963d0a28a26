#include "jobnimbus/client.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "core/logging.h"
#include "core/secrets.h"
#include "core/url.h"
#include "core/version.h"
#include "jobnimbus/curl_transport.h"
#include "jobnimbus/record_parser.h"
#include "jobnimbus/request_executor.h"

namespace gep::jobnimbus {
namespace {

ApiError local_error(ApiErrorKind kind, std::string message) {
  ApiError error;
  error.kind = kind;
  error.message = std::move(message);
  error.attempts = 0;
  return error;
}

std::optional<ApiError> check_jnid(const std::string& jnid) {
  if (jnid.empty())
    return local_error(ApiErrorKind::validation, "a JobNimbus id (jnid) is required");
  return std::nullopt;
}

template <class Record>
void log_skipped(std::string_view what, const std::vector<SkippedRecord>& skipped) {
  for (const auto& record : skipped) {
    log::warn("jobnimbus: skipped {} #{}: {}", what, record.index, record.reason);
  }
}

// Common proxies refuse request lines beyond 8 KiB; the filter stays well inside that.
constexpr size_t kMaxIdFilterBytes = 6000;
// Per id: its quotes (%22 twice) and the comma (%2C) around it, URL-encoded.
constexpr size_t kEncodedIdOverhead = 9;

// How many of `jnids` (from the front) fit in one request's filter.
size_t next_batch_size(std::span<const std::string> jnids) {
  size_t bytes = 0;
  size_t count = 0;
  while (count < jnids.size() && count < static_cast<size_t>(kMaxPageSize)) {
    bytes += url_encode(jnids[count]).size() + kEncodedIdOverhead;
    if (bytes > kMaxIdFilterBytes && count > 0) break;
    ++count;
  }
  return count;
}

}  // namespace

ClientOptions ClientOptions::from_config(const Config& config) {
  ClientOptions options;
  options.base_url = config.jobnimbus_base_url;
  options.api_key = config.jobnimbus_api_key;
  options.timeout = Duration{config.jobnimbus_timeout_ms};
  options.connect_timeout = Duration{config.jobnimbus_connect_timeout_ms};
  options.max_rps = config.jobnimbus_max_rps;
  return options;
}

std::string HealthReport::to_json() const {
  nlohmann::ordered_json json;  // {"status":..,"message":..} in the documented order
  json["status"] = ok ? "ok" : "error";
  if (!ok) json["message"] = message;
  return json.dump();
}

ApiResult<std::unique_ptr<JobNimbusClient>> JobNimbusClient::create(ClientOptions options) {
  if (options.api_key.empty()) {
    return fail(local_error(ApiErrorKind::configuration,
                            "JOBNIMBUS_API_KEY is not set; set it in the environment or .env"));
  }
  const auto url = parse_url(options.base_url);
  if (!url || (url->scheme != "https" && url->scheme != "http")) {
    return fail(
        local_error(ApiErrorKind::configuration, "JOBNIMBUS_BASE_URL is not an http(s) URL"));
  }
  const bool plain_http = url->scheme == "http";
  if (plain_http && !is_loopback_host(url->host)) {
    return fail(local_error(ApiErrorKind::configuration,
                            "JOBNIMBUS_BASE_URL must use https unless the host is loopback"));
  }
  while (!options.base_url.empty() && options.base_url.back() == '/') options.base_url.pop_back();
  SecretRegistry::add(options.api_key);  // the logger scrubs it from every line, just in case

  if (!options.clock) options.clock = std::make_shared<SystemClock>();
  if (!options.rate_limiter) options.rate_limiter = process_rate_limiter(options.max_rps);
  if (!options.transport) {
    CurlTransportOptions transport;
    transport.connect_timeout = options.connect_timeout;
    transport.timeout = options.timeout;
    transport.user_agent = fmt::format("gep/{}", kVersion);
    transport.allow_plain_http = plain_http;
    options.transport = std::make_shared<CurlTransport>(std::move(transport));
  }
  return std::unique_ptr<JobNimbusClient>(
      new JobNimbusClient(std::make_unique<RequestExecutor>(std::move(options))));
}

JobNimbusClient::JobNimbusClient(std::unique_ptr<RequestExecutor> executor)
    : executor_(std::move(executor)) {}

JobNimbusClient::~JobNimbusClient() = default;

uint64_t JobNimbusClient::requests_sent() const {
  return executor_->requests_sent();
}

const ClientOptions& JobNimbusClient::options() const {
  return executor_->options();
}

template <class Record>
ApiResult<Page<Record>> JobNimbusClient::fetch_list(std::string_view resource,
                                                    const ListOptions& options) {
  if (options.limit < 1 || options.limit > kMaxPageSize || options.page < 1) {
    return fail(local_error(ApiErrorKind::validation,
                            fmt::format("limit must be 1..{} and page at least 1", kMaxPageSize)));
  }
  const int64_t from = int64_t{options.page - 1} * options.limit;
  if (from + options.limit > kResultWindow) {
    return fail(local_error(ApiErrorKind::validation,
                            fmt::format("page {} of {} lies beyond the API's {}-result window; "
                                        "stream the records instead",
                                        options.page, options.limit, kResultWindow)));
  }
  ListQuery query;
  query.size = options.limit;
  query.from = static_cast<int>(from);
  if (options.updated_since) {
    query.sort_field = "date_updated";
    query.sort_direction = "asc";
    query.must.push_back(range_clause("date_updated", *options.updated_since, std::nullopt));
  } else {
    // Explicit, because the API's default order is not stable between calls.
    query.sort_field = "date_created";
    query.sort_direction = "desc";
  }
  return fetch_page<Record>(resource, query);
}

template <class Record>
ApiResult<Page<Record>> JobNimbusClient::fetch_page(std::string_view resource,
                                                    const ListQuery& query) {
  auto response = executor_->call(HttpMethod::get, list_path(resource, query));
  if (!response) return fail(response.error());
  auto page = parse_page<Record>(response->body);
  if (!page) {
    ApiError error = page.error();
    error.http_status = response->status;
    return fail(std::move(error));
  }
  log_skipped<Record>(resource, page->skipped);
  return page;
}

template <class Record>
ApiResult<Record> JobNimbusClient::fetch_one(std::string_view resource, const std::string& jnid) {
  if (auto problem = check_jnid(jnid)) return fail(std::move(*problem));
  auto response = executor_->call(HttpMethod::get, record_path(resource, jnid));
  if (!response) return fail(response.error());
  auto record = parse_record<Record>(response->body);
  if (!record) {
    ApiError error = record.error();
    error.http_status = response->status;
    return fail(std::move(error));
  }
  return record;
}

ApiResult<Page<Job>> JobNimbusClient::fetch_jobs(const ListOptions& options) {
  return fetch_list<Job>("jobs", options);
}

ApiResult<Job> JobNimbusClient::fetch_job_by_id(const std::string& jnid) {
  return fetch_one<Job>("jobs", jnid);
}

ApiResult<Page<Contact>> JobNimbusClient::fetch_contacts(const ListOptions& options) {
  return fetch_list<Contact>("contacts", options);
}

ApiResult<Contact> JobNimbusClient::fetch_contact_by_id(const std::string& jnid) {
  return fetch_one<Contact>("contacts", jnid);
}

// The repair of records a listing missed fetches known ids in batches.
template <class Record>
ApiResult<std::vector<Record>> JobNimbusClient::fetch_by_ids(std::string_view resource,
                                                             std::span<const std::string> jnids) {
  std::vector<Record> found;
  for (size_t start = 0; start < jnids.size();) {
    const auto batch = jnids.subspan(start, next_batch_size(jnids.subspan(start)));
    start += batch.size();
    ListQuery query;
    query.size = static_cast<int>(batch.size());
    query.must.push_back(terms_clause("jnid", batch));
    auto page = fetch_page<Record>(resource, query);
    if (!page) return fail(page.error());
    for (auto& record : page->records) found.push_back(std::move(record));
  }
  return found;
}

ApiResult<std::vector<Job>> JobNimbusClient::fetch_jobs_by_ids(std::span<const std::string> jnids) {
  return fetch_by_ids<Job>("jobs", jnids);
}

ApiResult<std::vector<Contact>> JobNimbusClient::fetch_contacts_by_ids(
    std::span<const std::string> jnids) {
  return fetch_by_ids<Contact>("contacts", jnids);
}

ApiResult<std::vector<FileRecord>> JobNimbusClient::fetch_files_by_ids(
    std::span<const std::string> jnids) {
  return fetch_by_ids<FileRecord>("files", jnids);
}

ApiResult<std::vector<FileRecord>> JobNimbusClient::fetch_attachments(const std::string& job_jnid) {
  if (auto problem = check_jnid(job_jnid)) return fail(std::move(*problem));
  StreamOptions options;
  options.must.push_back(term_clause("related.id", job_jnid));
  FileStream stream = stream_files(std::move(options));
  std::vector<FileRecord> files;
  while (!stream.done()) {
    auto page = stream.next_page();
    if (!page) return fail(page.error());
    log_skipped<FileRecord>("file", page->skipped);
    for (const auto& warning : page->warnings)
      log::warn("jobnimbus: files of {}: {}", job_jnid, warning);
    for (auto& file : page->records) files.push_back(std::move(file));
  }
  return files;
}

ApiResult<std::vector<FileRecord>> JobNimbusClient::fetch_job_photos(const std::string& job_jnid) {
  auto files = fetch_attachments(job_jnid);
  if (!files) return files;
  std::vector<FileRecord> photos;
  for (auto& file : *files) {
    if (file.is_photo()) photos.push_back(std::move(file));
  }
  return photos;
}

ApiResult<Page<Activity>> JobNimbusClient::fetch_job_activities(const std::string& job_jnid,
                                                                int limit) {
  if (auto problem = check_jnid(job_jnid)) return fail(std::move(*problem));
  ListQuery query;
  query.size = std::clamp(limit, 1, kMaxPageSize);
  query.sort_field = "date_created";
  query.sort_direction = "desc";
  query.must.push_back(term_clause("primary.id", job_jnid));
  auto response = executor_->call(HttpMethod::get, list_path("activities", query));
  if (!response) return fail(response.error());
  return parse_page<Activity>(response->body);
}

ApiResult<Page<Task>> JobNimbusClient::fetch_job_tasks(const std::string& job_jnid, int limit) {
  if (auto problem = check_jnid(job_jnid)) return fail(std::move(*problem));
  ListQuery query;
  query.size = std::clamp(limit, 1, kMaxPageSize);
  query.sort_field = "date_created";
  query.sort_direction = "desc";
  query.must.push_back(term_clause("related.id", job_jnid));
  auto response = executor_->call(HttpMethod::get, list_path("tasks", query));
  if (!response) return fail(response.error());
  return parse_page<Task>(response->body);
}

ApiResult<AccountSettings> JobNimbusClient::fetch_account_settings() {
  auto response = executor_->call(HttpMethod::get, "/account/settings");
  if (!response) return fail(response.error());
  return parse_account_settings(response->body);
}

HealthReport JobNimbusClient::health_check() {
  auto response = executor_->call(HttpMethod::get, "/jobs?size=1&from=0&fields=jnid", {},
                                  CallOptions{.retry = false});
  ApiResult<Page<RecordId>> page = response ? parse_page<RecordId>(response->body)
                                            : ApiResult<Page<RecordId>>(fail(response.error()));
  if (page) return HealthReport{true, "", std::nullopt};
  return HealthReport{false, page.error().describe(), page.error().kind};
}

JobStream JobNimbusClient::stream_jobs(StreamOptions options) {
  return JobStream(*executor_, Entity::jobs, std::move(options));
}

ContactStream JobNimbusClient::stream_contacts(StreamOptions options) {
  return ContactStream(*executor_, Entity::contacts, std::move(options));
}

FileStream JobNimbusClient::stream_files(StreamOptions options) {
  return FileStream(*executor_, Entity::files, std::move(options));
}

IdStream JobNimbusClient::stream_ids(Entity entity, StreamOptions options) {
  return IdStream(*executor_, entity, std::move(options));
}

}  // namespace gep::jobnimbus
