#include "qc/qc_service.h"

#include <future>
#include <unordered_map>

#include "core/time_format.h"
#include "qc/evaluation_batch.h"
#include "qc/qc_json.h"

namespace gep::qc {
namespace {

domain::QcCheck to_check(const QcEngine& engine, const QcJobInput& input, const QcResult& result,
                         int64_t job_id, int64_t now) {
  domain::QcCheck check;
  check.job_id = job_id;
  check.status = std::string(to_string(result.status));
  check.status_reason = result.not_checked_reason;
  check.before_count = result.total_photos.before;
  check.during_count = result.total_photos.during;
  check.after_count = result.total_photos.after;
  check.uncategorized_count = result.total_photos.uncategorized;
  check.requirements_json =
      requirements_json_text(result, engine.requirements().for_type(input.record_type_name));
  check.missing_json = missing_json_text(result);
  check.flags_json = flags_json_text(result);
  check.photos_json = photos_json_text(result, input);
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

QcService::Evaluated QcService::evaluate_claimed(const domain::EvaluationBatch& batch) {
  Evaluated evaluated;
  const TimePoint now = clock_.now();
  evaluated.now_seconds = to_unix_seconds(now);
  evaluated.job_ids.reserve(batch.jobs.size());
  for (const auto& job : batch.jobs) evaluated.job_ids.push_back(job.id);
  claims_.claim(evaluated.job_ids);

  const auto latest = store_.qc_checks().latest_for_jobs(evaluated.job_ids);
  if (!latest) {
    evaluated.error = latest.error().message;
    return evaluated;
  }
  std::unordered_map<int64_t, const domain::QcCheck*> previous_of;
  previous_of.reserve(latest->size());
  for (const auto& check : *latest) previous_of[check.job_id] = &check;

  for (const JobSlice& slice : slice_by_job(batch)) {
    const QcJobInput input = qc_input(slice);
    const QcResult result = engine_.evaluate(input, now);
    domain::QcCheck check = to_check(engine_, input, result, slice.job->id, evaluated.now_seconds);
    const auto found = previous_of.find(slice.job->id);
    const domain::QcCheck* previous = found == previous_of.end() ? nullptr : found->second;
    if (previous != nullptr && same_result(*previous, check)) {
      evaluated.confirmed.push_back(previous->id);
      continue;
    }
    check.result_changed = previous == nullptr || previous->status != check.status;
    if (notes_ != nullptr && note_due(previous, check)) {
      evaluated.notes.push_back({evaluated.fresh.size(), slice.job->jnid, result.summary});
    }
    evaluated.fresh.push_back(std::move(check));
  }
  return evaluated;
}

QcService::Stored QcService::store_and_release(Evaluated& evaluated) {
  Stored stored;
  if (evaluated.error.empty()) {
    stored.status = store_.in_transaction([&](domain::Repositories& unit) -> Status {
      stored.notes_queued = 0;
      for (const Note& note : evaluated.notes) {
        domain::QcCheck& check = evaluated.fresh[note.check];
        auto outbox_id = notes_->enqueue(unit, check.job_id, note.job_jnid, note.text);
        if (!outbox_id) return fail(outbox_id.error());
        check.outbox_id = *outbox_id;
        ++stored.notes_queued;
      }
      if (auto appended = unit.qc_checks().append(evaluated.fresh); !appended) return appended;
      return unit.qc_checks().touch(evaluated.confirmed, evaluated.now_seconds);
    });
  }
  claims_.release(evaluated.job_ids);
  return stored;
}

void QcService::account(const Evaluated& evaluated, const Stored& stored, QcRunReport& report) {
  const std::string& error = !evaluated.error.empty() ? evaluated.error
                             : !stored.status         ? stored.status.error().message
                                                      : std::string();
  if (!error.empty()) {
    for (const int64_t id : evaluated.job_ids) record_failure(report, std::to_string(id), error);
    return;
  }
  report.succeeded += static_cast<int64_t>(evaluated.job_ids.size());
  report.changed += static_cast<int64_t>(evaluated.fresh.size());
  report.notes_queued += stored.notes_queued;
}

void QcService::evaluate_batch(const domain::EvaluationBatch& batch, QcRunReport& report) {
  if (batch.jobs.empty()) return;
  report.total += static_cast<int64_t>(batch.jobs.size());
  Evaluated evaluated = evaluate_claimed(batch);
  const Stored stored = store_and_release(evaluated);
  account(evaluated, stored, report);
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
  // Batch N is stored on a second thread while batch N+1 is evaluated (for_each_batch reads
  // N+2 meanwhile); one write is in flight at a time, and the report is only touched here.
  struct Written {
    Evaluated evaluated;
    Stored stored;
  };
  std::future<Written> writing;
  const auto finish_writing = [&] {
    if (!writing.valid()) return;
    const Written written = writing.get();
    account(written.evaluated, written.stored, report);
  };
  const auto failed = for_each_batch(
      store_.evaluation_inputs(), batch_size, [&](const domain::EvaluationBatch& batch) {
        report.total += static_cast<int64_t>(batch.jobs.size());
        Evaluated evaluated = evaluate_claimed(batch);
        finish_writing();
        writing = std::async(std::launch::async, [this, owned = std::move(evaluated)]() mutable {
          Stored stored = store_and_release(owned);
          return Written{std::move(owned), std::move(stored)};
        });
      });
  finish_writing();
  if (failed) {
    record_failure(report, "",
                   "reading jobs after id " + std::to_string(failed->after_job_id) + ": " +
                       failed->error.message);
  }
  return report;
}

QcRunReport QcService::evaluate_jobs(std::span<const int64_t> job_ids) {
  QcRunReport report;
  constexpr auto kBatch = static_cast<size_t>(qc::kEvaluationBatch);
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
