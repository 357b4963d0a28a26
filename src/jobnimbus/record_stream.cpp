#include "jobnimbus/record_stream.h"

#include <fmt/format.h>

#include "jobnimbus/record_parser.h"
#include "jobnimbus/request_executor.h"

namespace gep::jobnimbus {

std::string_view to_string(Entity entity) {
  switch (entity) {
    case Entity::jobs:
      return "jobs";
    case Entity::contacts:
      return "contacts";
    case Entity::files:
      return "files";
    case Entity::tasks:
      return "tasks";
    case Entity::activities:
      return "activities";
  }
  return "jobs";
}

template <class Record>
RecordStream<Record>::RecordStream(RequestExecutor& executor, Entity entity, StreamOptions options)
    : executor_(&executor),
      entity_(entity),
      options_(std::move(options)),
      pager_(options_.start, options_.page_size),
      // What the saved cursor already delivered at its second is counted by JobNimbus too.
      delivered_(static_cast<int64_t>(options_.start.seen_at_since.size())) {}

template <class Record>
ApiResult<StreamPage<Record>> RecordStream<Record>::next_page() {
  if (pager_.done()) return StreamPage<Record>{{}, {}, {}, pager_.cursor(), 0, std::nullopt};
  // Work on a copy so that a failed request leaves the stream exactly where it was.
  CursorPager pager = pager_;
  auto response = request(pager);
  if (!response && response.error().http_status == 400 && pager.refuse_request()) {
    // A 400 inside a crowded second: JobNimbus refuses the jnid range or sort; scan instead.
    response = request(pager);
  }
  if (!response) return fail(response.error());
  Page<Record>& page = *response;

  StreamPage<Record> out;
  out.total = page.count;
  out.records.reserve(page.records.size());
  for (auto& record : page.records) {
    if (pager.admit(record.jnid, record.date_updated)) out.records.push_back(std::move(record));
  }
  for (const auto& skipped : page.skipped) pager.note_unusable(skipped.jnid);
  pager.note_count(page.count);
  pager.finish_page(page.records.size() + page.skipped.size(), out.warnings);
  // Checked only from a top-level start: a cursor saved inside a crowded second counts it alone.
  if (!run_total_ && !options_.start.after_jnid) run_total_ = page.count;
  delivered_ += static_cast<int64_t>(out.records.size() + page.skipped.size());
  if (pager.done() && run_total_ && delivered_ < *run_total_) {
    // The listing as a whole must deliver what JobNimbus counted for its range at the start
    // (records changed meanwhile are only delivered more often, never less).
    out.warnings.push_back(fmt::format(
        "the listing delivered {} records of the {} JobNimbus counted from date_updated {}",
        delivered_, *run_total_, options_.start.since));
  }
  if (run_total_) {
    out.expected_total = *run_total_ - static_cast<int64_t>(options_.start.seen_at_since.size());
  }
  out.skipped = std::move(page.skipped);
  out.cursor = pager.cursor();
  pager_ = std::move(pager);
  return out;
}

template <class Record>
ApiResult<Page<Record>> RecordStream<Record>::request(CursorPager& pager) {
  const PageRequest request = pager.begin_page();
  ListQuery query;
  query.size = request.size;
  query.from = request.from;  // 0 but while scanning a crowded second (see cursor.h)
  query.sort_field = request.sort_field;
  query.sort_direction = request.descending ? "desc" : "asc";
  query.must = options_.must;
  query.must.push_back(range_clause("date_updated", request.gte, request.lte));
  if (request.jnid_after) query.must.push_back(greater_than_clause("jnid", *request.jnid_after));
  if constexpr (std::is_same_v<Record, RecordId>) query.fields = "jnid,date_updated";

  ++requests_;
  auto response = executor_->call(HttpMethod::get, list_path(to_string(entity_), query));
  if (!response) return fail(response.error());
  auto parsed = parse_page<Record>(response->body);
  if (!parsed) {
    ApiError error = parsed.error();
    error.http_status = response->status;
    return fail(std::move(error));
  }
  return parsed;
}

template class RecordStream<Job>;
template class RecordStream<Contact>;
template class RecordStream<FileRecord>;
template class RecordStream<Task>;
template class RecordStream<Activity>;
template class RecordStream<RecordId>;

}  // namespace gep::jobnimbus
