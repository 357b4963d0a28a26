#include "qc/qc_service.h"

#include <unordered_map>

#include "core/time_format.h"
#include "qc/evaluation_batch.h"
#include "qc/qc_json.h"

namespace gep::qc {
namespace {

nlohmann::json minimums_json(const CategoryMinimums& minimums) {
  return {{"BEFORE", minimums.before}, {"DURING", minimums.during}, {"AFTER", minimums.after}};
}

domain::QcCheck to_check(const QcEngine& engine, const QcJobInput& input, const QcResult& result,
                         int64_t job_id, int64_t now) {
  const nlohmann::json json = to_json(result);
  domain::QcCheck check;
  check.job_id = job_id;
  check.status = std::string(to_string(result.status));
  check.status_reason = result.not_checked_reason;
  check.before_count = result.total_photos.before;
  check.during_count = result.total_photos.during;
  check.after_count = result.total_photos.after;
  check.uncategorized_count = result.total_photos.uncategorized;
  check.requirements_json = nlohmann::json{
      {"stage", to_string(result.stage)},
      {"required", minimums_json(engine.requirements().for_type(input.record_type_name))},
      {"duplicatesIgnored", result.duplicates_ignored},
      {"summary",
       result.summary}}.dump();
  check.missing_json = json.at("missingCategories").dump();
  check.flags_json = json.at("flags").dump();
  check.photos_json = photos_to_json(result, input).dump();
  check.checked_at = now;
  check.last_checked_at = now;
  return check;
}

// Same result as stored: nothing but the time would differ.
bool same_result(const domain::QcCheck& stored, const domain::QcCheck& fresh) {
  return stored.status == fresh.status && stored.status_reason == fresh.status_reason &&
         stored.before_count == fresh.before_count && stored.during_count == fresh.during_count &&
         stored.after_count == fresh.after_count &&
         stored.uncategorized_count == fresh.uncategorized_count &&
         stored.requirements_json == fresh.requirements_json &&
         stored.missing_json == fresh.missing_json && stored.flags_json == fresh.flags_json &&
         stored.photos_json == fresh.photos_json;
}

// A note goes to JobNimbus when a job's result changes to PASS or FAIL. A job's first evaluation is
// not a change: the first import would otherwise post a note on every job of the account.
bool note_due(const domain::QcCheck* previous, const domain::QcCheck& fresh) {
  if (previous == nullptr) return false;
  return fresh.status != previous->status && fresh.status != "NOT_CHECKED";
}

void record_failure(QcRunReport& report, std::string job_id, std::string error) {
  ++report.failed;
  if (report.errors.size() < kMaxReportedErrors) {
    report.errors.push_back({std::move(job_id), std::move(error)});
  }
}

}  // namespace

Result<int64_t> OutboxQcNoteQueue::enqueue(domain::Repositories& unit_of_work, int64_t job_id,
                                           const std::string& job_jnid, const std::string& note) {
  domain::OutboxItem item;
  item.kind = domain::OutboxKind::note;
  item.job_id = job_id;
  item.job_jnid = job_jnid;
  item.payload_json = nlohmann::json{{"text", note}}.dump();
  item.source = "qc";
  item.created_by = "system";
  auto stored = unit_of_work.outbox().enqueue(item);
  if (!stored) return fail(stored.error());
  return stored->id;
}

QcService::QcService(domain::DataStore& store, const Clock& clock, QcEngine engine,
                     QcNoteQueue* notes)
    : store_(store), clock_(clock), engine_(std::move(engine)), notes_(notes) {}

void QcService::evaluate_batch(const domain::EvaluationBatch& batch, QcRunReport& report) {
  if (batch.jobs.empty()) return;
  report.total += static_cast<int64_t>(batch.jobs.size());
  const TimePoint now = clock_.now();
  const int64_t now_seconds = to_unix_seconds(now);
  std::vector<int64_t> job_ids;
  job_ids.reserve(batch.jobs.size());
  for (const auto& job : batch.jobs) job_ids.push_back(job.id);

  const std::lock_guard lock(writing_);
  const auto latest = store_.qc_checks().latest_for_jobs(job_ids);
  if (!latest) {
    for (const auto& job : batch.jobs) {
      record_failure(report, std::to_string(job.id), latest.error().message);
    }
    return;
  }
  std::unordered_map<int64_t, const domain::QcCheck*> previous_of;
  previous_of.reserve(latest->size());
  for (const auto& check : *latest) previous_of[check.job_id] = &check;

  std::vector<domain::QcCheck> fresh;
  std::vector<const domain::EvaluationJob*> fresh_jobs;
  std::vector<std::string> notes;  // the note text per fresh check; empty when none is due
  std::vector<int64_t> confirmed;
  for (const JobSlice& slice : slice_by_job(batch)) {
    const QcJobInput input = qc_input(slice);
    const QcResult result = engine_.evaluate(input, now);
    domain::QcCheck check = to_check(engine_, input, result, slice.job->id, now_seconds);
    const auto found = previous_of.find(slice.job->id);
    const domain::QcCheck* previous = found == previous_of.end() ? nullptr : found->second;
    if (previous != nullptr && same_result(*previous, check)) {
      confirmed.push_back(previous->id);
      continue;
    }
    check.result_changed = previous == nullptr || previous->status != check.status;
    notes.push_back(notes_ != nullptr && note_due(previous, check) ? result.summary : "");
    fresh_jobs.push_back(slice.job);
    fresh.push_back(std::move(check));
  }

  int64_t queued = 0;
  const Status stored = store_.in_transaction([&](domain::Repositories& unit) -> Status {
    queued = 0;
    for (size_t i = 0; i < fresh.size(); ++i) {
      if (notes[i].empty()) continue;
      auto outbox_id = notes_->enqueue(unit, fresh[i].job_id, fresh_jobs[i]->jnid, notes[i]);
      if (!outbox_id) return fail(outbox_id.error());
      fresh[i].outbox_id = *outbox_id;
      ++queued;
    }
    if (auto appended = unit.qc_checks().append(fresh); !appended) return appended;
    return unit.qc_checks().touch(confirmed, now_seconds);
  });
  if (!stored) {
    for (const auto& job : batch.jobs) {
      record_failure(report, std::to_string(job.id), stored.error().message);
    }
    return;
  }
  report.succeeded += static_cast<int64_t>(batch.jobs.size());
  report.changed += static_cast<int64_t>(fresh.size());
  report.notes_queued += queued;
}

Result<std::optional<domain::QcCheck>> QcService::evaluate_job(int64_t job_id) {
  const int64_t ids[] = {job_id};
  const auto batch = store_.evaluation_inputs().for_jobs(ids);
  if (!batch) return fail(batch.error());
  if (batch->jobs.empty()) return std::optional<domain::QcCheck>();
  QcRunReport report;
  evaluate_batch(*batch, report);
  if (!report.errors.empty()) return fail("database", report.errors.front().error);
  return store_.qc_checks().latest(job_id);
}

QcRunReport QcService::evaluate_all(int64_t batch_size) {
  QcRunReport report;
  int64_t after = 0;
  while (true) {
    const auto batch = store_.evaluation_inputs().next_batch(after, batch_size);
    if (!batch) {
      record_failure(
          report, "",
          "reading jobs after id " + std::to_string(after) + ": " + batch.error().message);
      return report;
    }
    if (batch->jobs.empty()) return report;
    after = batch->jobs.back().id;
    evaluate_batch(*batch, report);
  }
}

QcRunReport QcService::evaluate_jobs(std::span<const int64_t> job_ids) {
  QcRunReport report;
  constexpr size_t kBatch = 1000;
  for (size_t start = 0; start < job_ids.size(); start += kBatch) {
    const auto chunk = job_ids.subspan(start, std::min(kBatch, job_ids.size() - start));
    const auto batch = store_.evaluation_inputs().for_jobs(chunk);
    if (!batch) {
      for (const int64_t id : chunk)
        record_failure(report, std::to_string(id), batch.error().message);
      continue;
    }
    evaluate_batch(*batch, report);
  }
  return report;
}

nlohmann::json check_to_json(const domain::QcCheck& check) {
  const auto parsed = [](const std::string& text, nlohmann::json fallback) {
    auto value = nlohmann::json::parse(text, nullptr, false);
    return value.is_discarded() ? fallback : value;
  };
  const nlohmann::json requirements = parsed(check.requirements_json, nlohmann::json::object());
  nlohmann::json out = {
      {"jobId", std::to_string(check.job_id)},
      {"status", check.status},
      {"checkedAt", format_iso8601_seconds(check.last_checked_at)},
      {"totalPhotos",
       {{"BEFORE", check.before_count},
        {"DURING", check.during_count},
        {"AFTER", check.after_count}}},
      {"missingCategories", parsed(check.missing_json, nlohmann::json::array())},
      {"jobNimbusSyncedAt", check.jobnimbus_synced_at
                                ? nlohmann::json(format_iso8601_seconds(*check.jobnimbus_synced_at))
                                : nlohmann::json(nullptr)},
      {"stage", requirements.value("stage", "unknown")},
      {"required", requirements.value("required", nlohmann::json::object())},
      {"uncategorizedPhotos", check.uncategorized_count},
      {"duplicatesIgnored", requirements.value("duplicatesIgnored", 0)},
      {"flags", parsed(check.flags_json, nlohmann::json::array())},
      {"summary", requirements.value("summary", "")},
      {"firstCheckedAt", format_iso8601_seconds(check.checked_at)},
      {"photos", parsed(check.photos_json, nlohmann::json::array())},
  };
  if (!check.status_reason.empty()) out["notCheckedReason"] = check.status_reason;
  return out;
}

}  // namespace gep::qc
