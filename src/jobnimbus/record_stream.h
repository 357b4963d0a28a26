#pragma once
// Streams every record of a list endpoint matching a filter, one page (one request) at a time,
// in constant memory and past the API's 10,000-result window (see cursor.h for the plan).
//
//   auto stream = client.stream_jobs({.start = saved_cursor});
//   while (!stream.done()) {
//     auto page = stream.next_page();
//     if (!page) { /* page.error(): the stream did not move; retry next_page() or stop */ }
//     store(page->records); save(page->cursor);   // in one transaction
//   }
#include <optional>
#include <string>
#include <vector>

#include "jobnimbus/api_error.h"
#include "jobnimbus/cursor.h"
#include "jobnimbus/models.h"
#include "jobnimbus/query.h"

namespace gep::jobnimbus {

class RequestExecutor;

enum class Entity { jobs, contacts, files, tasks, activities };
// "jobs", "contacts", "files", "tasks", "activities": the endpoint's path segment.
std::string_view to_string(Entity entity);

struct StreamOptions {
  int page_size = kMaxPageSize;   // list requests are the scarce resource: 1000 per request
  std::vector<std::string> must;  // extra filter clauses, e.g. term_clause("related.id", jnid)
  StreamCursor start;             // {} lists everything; a saved cursor resumes
};

template <class Record>
struct StreamPage {
  std::vector<Record> records;         // new records in date_updated order (duplicates removed)
  std::vector<SkippedRecord> skipped;  // unusable records of this page, with the reason
  std::vector<std::string> warnings;   // e.g. the API ignored the sort asked for
  StreamCursor cursor;                 // where the stream resumes after this page: persist it
  int64_t total = 0;                   // JobNimbus's count for this request
  // Records the whole listing should deliver: JobNimbus's count for its range at the start, less
  // those the start cursor had already delivered. Unknown when it resumed inside a crowded second.
  std::optional<int64_t> expected_total;
};

// Record is Job, Contact, FileRecord, Task, Activity or RecordId (an id-only listing).
template <class Record>
class RecordStream {
 public:
  RecordStream(RequestExecutor& executor, Entity entity, StreamOptions options);

  // One request. A page may hold no new records (all already seen) while done() stays false.
  // On error nothing moved: calling again retries the same request.
  ApiResult<StreamPage<Record>> next_page();

  bool done() const { return pager_.done(); }
  const StreamCursor& cursor() const { return pager_.cursor(); }
  int requests() const { return requests_; }

 private:
  // Sends the pager's next request; a 400 keeps its status in the error.
  ApiResult<Page<Record>> request(CursorPager& pager);

  RequestExecutor* executor_;
  Entity entity_;
  StreamOptions options_;
  CursorPager pager_;
  int requests_ = 0;
  int64_t delivered_ = 0;             // new records delivered (and unusable ones) so far
  std::optional<int64_t> run_total_;  // JobNimbus's count for the range, from the first answer
};

using JobStream = RecordStream<Job>;
using ContactStream = RecordStream<Contact>;
using FileStream = RecordStream<FileRecord>;
using IdStream = RecordStream<RecordId>;

}  // namespace gep::jobnimbus
