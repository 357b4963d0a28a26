#include "jobnimbus/record_stream.h"

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
      pager_(options_.start, options_.page_size) {}

template <class Record>
ApiResult<StreamPage<Record>> RecordStream<Record>::next_page() {
  if (pager_.done()) return StreamPage<Record>{{}, {}, {}, pager_.cursor(), 0};
  // Work on a copy so that a failed request leaves the stream exactly where it was.
  CursorPager pager = pager_;
  const PageRequest request = pager.begin_page();
  ListQuery query;
  query.size = request.size;
  query.from = 0;  // never `from`: the cursor moves instead (the result window is 10,000)
  query.sort_field = request.sort_field;
  query.sort_direction = "asc";
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
  Page<Record>& page = *parsed;

  StreamPage<Record> out;
  out.total = page.count;
  out.records.reserve(page.records.size());
  for (auto& record : page.records) {
    if (pager.admit(record.jnid, record.date_updated)) out.records.push_back(std::move(record));
  }
  for (const auto& skipped : page.skipped) pager.note_unusable(skipped.jnid);
  pager.finish_page(page.records.size() + page.skipped.size(), out.warnings);
  out.skipped = std::move(page.skipped);
  out.cursor = pager.cursor();
  pager_ = std::move(pager);
  return out;
}

template class RecordStream<Job>;
template class RecordStream<Contact>;
template class RecordStream<FileRecord>;
template class RecordStream<Task>;
template class RecordStream<Activity>;
template class RecordStream<RecordId>;

}  // namespace gep::jobnimbus
