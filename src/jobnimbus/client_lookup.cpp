// Fetching known ids in batches: how the sync repairs records a listing missed.
#include <algorithm>

#include "core/logging.h"
#include "jobnimbus/client.h"
#include "jobnimbus/record_parser.h"
#include "jobnimbus/request_executor.h"

namespace gep::jobnimbus {
namespace {

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
    auto response = executor_->call(HttpMethod::get, list_path(resource, query));
    if (!response) return fail(response.error());
    auto page = parse_page<Record>(response->body);
    if (!page) {
      ApiError error = page.error();
      error.http_status = response->status;
      return fail(std::move(error));
    }
    for (const auto& skipped : page->skipped) {
      log::warn("jobnimbus: skipped {} #{}: {}", resource, skipped.index, skipped.reason);
    }
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

}  // namespace gep::jobnimbus
