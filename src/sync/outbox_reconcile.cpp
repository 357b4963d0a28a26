#include "sync/outbox_reconcile.h"

#include <algorithm>

namespace gep::sync {
namespace {

using Found = std::optional<std::string>;

bool claimed(std::span<const std::string> ids, const std::string& jnid) {
  return std::find(ids.begin(), ids.end(), jnid) != ids.end();
}

// Created at or after the item (JobNimbus's clock may lag ours by the skew). A record without a
// creation date cannot be ruled out, so it counts.
bool recent_enough(const std::optional<int64_t>& created, int64_t threshold) {
  return !created || *created >= threshold;
}

// A full page whose oldest record is still newer than the item may have pushed the item's
// record out of view: the answer "not there" would be a guess, and a wrong guess duplicates.
template <class Record>
Status check_window(const jobnimbus::Page<Record>& page, int limit, int64_t threshold) {
  if (page.records.size() < static_cast<size_t>(limit)) return {};
  int64_t oldest = INT64_MAX;
  for (const auto& record : page.records) {
    oldest = std::min(oldest, record.date_created.value_or(0));
  }
  if (oldest < threshold) return {};
  return fail("reconcile_window",
              "more than " + std::to_string(limit) +
                  " records were created on the job since this item; cannot tell whether it "
                  "was delivered");
}

Result<Found> find_note(JobNimbusWriter& writer, const domain::OutboxItem& item,
                        const OutboxPayload& payload, std::span<const std::string> ids,
                        const ReconcileOptions& options, int64_t threshold) {
  const auto page = writer.recent_activities(item.job_jnid, options.limit);
  if (!page) return fail(page.error().to_error());
  for (const auto& activity : page->records) {
    if (activity.note != payload.text || claimed(ids, activity.jnid)) continue;
    if (!activity.record_type_name.empty() && activity.record_type_name != "Note") continue;
    if (recent_enough(activity.date_created, threshold)) return Found(activity.jnid);
  }
  if (auto window = check_window(*page, options.limit, threshold); !window) {
    return fail(window.error());
  }
  return Found();
}

Result<Found> find_task(JobNimbusWriter& writer, const domain::OutboxItem& item,
                        const OutboxPayload& payload, std::span<const std::string> ids,
                        const ReconcileOptions& options, int64_t threshold) {
  const auto page = writer.recent_tasks(item.job_jnid, options.limit);
  if (!page) return fail(page.error().to_error());
  const std::string description = payload.description.value_or("");
  for (const auto& task : page->records) {
    if (task.title != payload.title || claimed(ids, task.jnid)) continue;
    if (!description.empty() && task.description != description) continue;
    if (recent_enough(task.date_created, threshold)) return Found(task.jnid);
  }
  if (auto window = check_window(*page, options.limit, threshold); !window) {
    return fail(window.error());
  }
  return Found();
}

Result<Found> find_file(JobNimbusWriter& writer, const domain::OutboxItem& item,
                        const OutboxPayload& payload, std::span<const std::string> ids,
                        int64_t threshold) {
  const auto files = writer.job_files(item.job_jnid);
  if (!files) return fail(files.error().to_error());
  for (const auto& file : *files) {
    if (file.filename != payload.file_name || claimed(ids, file.jnid)) continue;
    if (payload.size_bytes > 0 && file.size && *file.size != payload.size_bytes) continue;
    if (recent_enough(file.date_created, threshold)) return Found(file.jnid);
  }
  return Found();
}

}  // namespace

Result<Found> find_delivered(JobNimbusWriter& writer, const domain::OutboxItem& item,
                             const OutboxPayload& payload, std::span<const std::string> claimed_ids,
                             const ReconcileOptions& options) {
  const int64_t threshold = item.created_at - options.clock_skew_seconds;
  switch (item.kind) {
    case domain::OutboxKind::note:
      return find_note(writer, item, payload, claimed_ids, options, threshold);
    case domain::OutboxKind::task:
      return find_task(writer, item, payload, claimed_ids, options, threshold);
    case domain::OutboxKind::attachment:
      return find_file(writer, item, payload, claimed_ids, threshold);
    case domain::OutboxKind::status:
      break;
  }
  return Found();  // a PUT is repeated, never looked for
}

}  // namespace gep::sync
