#include "risk/risk_service.h"

#include <future>
#include <unordered_map>

#include "core/time_format.h"
#include "qc/evaluation_batch.h"
#include "risk/risk_json.h"

namespace gep::risk {
namespace {

std::optional<LatestQc> latest_qc_of(const domain::QcCheck* check) {
  if (check == nullptr) return std::nullopt;
  LatestQc latest;
  latest.status = qc::parse_qc_status(check->status).value_or(qc::QcStatus::not_checked);
  if (latest.status != qc::QcStatus::fail) return latest;  // only FAIL messages list the gaps
  const auto missing = nlohmann::json::parse(check->missing_json, nullptr, false);
  if (!missing.is_array()) return latest;
  for (const auto& entry : missing) {
    const auto category = qc::parse_category(entry.value("category", ""));
    if (!category) continue;
    latest.missing.push_back(qc::MissingCategory{*category, entry.value("required", 0),
                                                 entry.value("current", 0),
                                                 entry.value("missing", 0)});
  }
  return latest;
}

RiskJobInput risk_input(const qc::JobSlice& slice, const ClosedStatuses& closed,
                        const domain::QcCheck* latest_qc) {
  const domain::EvaluationJob& job = *slice.job;
  RiskJobInput input;
  input.job_id = std::to_string(job.id);
  input.jobnimbus_id = job.jnid;
  input.job_number = job.number;
  input.job_name = job.name;
  input.customer_name = job.customer_name;
  input.status_name = job.status_name;
  input.job_type_name = job.record_type_name;
  input.status_is_closed = closed.is_closed(job.record_type_name, job.status_name);
  input.date_status_change = job.date_status_change;
  input.date_updated = job.jn_date_updated;
  input.latest_qc = latest_qc_of(latest_qc);
  for (const auto& file : slice.files) {
    if (file.kind == domain::FileKind::photo) continue;
    input.files.push_back(RiskFile{static_cast<int>(file.record_type_id), file.record_type_name,
                                   file.filename, file.caption});
  }
  return input;
}

domain::RiskSnapshotRecord to_record(const JobRiskSnapshot& snapshot, int64_t job_id, int64_t now) {
  domain::RiskSnapshotRecord record;
  record.job_id = job_id;
  record.risk_level = std::string(to_string(snapshot.risk_level));
  record.reasons_json = reasons_json_text(snapshot);
  record.actions_json = actions_json_text(snapshot);
  for (const auto& reason : snapshot.reasons) {
    record.reason_codes.emplace_back(to_string(reason.code));
  }
  record.status_name = snapshot.status;
  record.evaluated_at = now;
  record.last_evaluated_at = now;
  return record;
}

void record_failure(RiskRunReport& report, int64_t job_id, const std::string& error) {
  ++report.failed;
  if (report.errors.size() < kMaxReportedRiskErrors) {
    report.errors.push_back((job_id != 0 ? "job " + std::to_string(job_id) + ": " : std::string()) +
                            error);
  }
}

}  // namespace

RiskService::RiskService(domain::DataStore& store, const Clock& clock, RiskEngine engine)
    : store_(store), clock_(clock), engine_(std::move(engine)) {}

Result<ClosedStatuses> RiskService::load_closed_statuses() {
  auto workflows = store_.workflows().list();
  if (!workflows) return fail(workflows.error());
  return ClosedStatuses(*workflows);
}

RiskService::Evaluated RiskService::evaluate_claimed(const domain::EvaluationBatch& batch,
                                                     const ClosedStatuses& closed) {
  Evaluated evaluated;
  const RiskEngine::Now now = engine_.at(clock_.now());
  evaluated.now_seconds = to_unix_seconds(now.at);
  evaluated.job_ids.reserve(batch.jobs.size());
  for (const auto& job : batch.jobs) evaluated.job_ids.push_back(job.id);
  claims_.claim(evaluated.job_ids);

  const auto checks = store_.qc_checks().latest_statuses_for_jobs(evaluated.job_ids);
  if (!checks) {
    evaluated.error = checks.error().message;
    return evaluated;
  }
  const auto previous = store_.risk_snapshots().latest_levels_for_jobs(evaluated.job_ids);
  if (!previous) {
    evaluated.error = previous.error().message;
    return evaluated;
  }
  std::unordered_map<int64_t, const domain::QcCheck*> check_of;
  for (const auto& check : *checks) check_of[check.job_id] = &check;
  std::unordered_map<int64_t, const domain::RiskSnapshotRecord*> previous_of;
  for (const auto& snapshot : *previous) previous_of[snapshot.job_id] = &snapshot;

  for (const qc::JobSlice& slice : qc::slice_by_job(batch)) {
    const auto found_check = check_of.find(slice.job->id);
    const RiskJobInput input =
        risk_input(slice, closed, found_check == check_of.end() ? nullptr : found_check->second);
    domain::RiskSnapshotRecord record =
        to_record(engine_.evaluate(input, now), slice.job->id, evaluated.now_seconds);
    if (record.risk_level == "HIGH") ++evaluated.high;
    if (record.risk_level == "MEDIUM") ++evaluated.medium;
    if (record.risk_level == "LOW") ++evaluated.low;
    const auto found = previous_of.find(slice.job->id);
    if (found != previous_of.end() && found->second->risk_level == record.risk_level &&
        found->second->reason_codes == record.reason_codes) {
      evaluated.refreshed.push_back({found->second->id, std::move(record.reasons_json),
                                     std::move(record.actions_json),
                                     std::move(record.status_name)});
      continue;
    }
    evaluated.fresh.push_back(std::move(record));
  }
  return evaluated;
}

Status RiskService::store_and_release(const Evaluated& evaluated) {
  Status stored;
  if (evaluated.error.empty()) {
    stored = store_.in_transaction([&](domain::Repositories& unit) -> Status {
      if (auto appended = unit.risk_snapshots().append(evaluated.fresh); !appended) {
        return appended;
      }
      return unit.risk_snapshots().refresh(evaluated.refreshed, evaluated.now_seconds);
    });
  }
  claims_.release(evaluated.job_ids);
  return stored;
}

void RiskService::account(const Evaluated& evaluated, const Status& stored, RiskRunReport& report) {
  report.total_jobs += static_cast<int64_t>(evaluated.job_ids.size());
  if (!evaluated.error.empty()) {
    for (const int64_t id : evaluated.job_ids) record_failure(report, id, evaluated.error);
    return;
  }
  report.high += evaluated.high;
  report.medium += evaluated.medium;
  report.low += evaluated.low;
  if (!stored) {
    for (const int64_t id : evaluated.job_ids) {
      record_failure(report, id, stored.error().message);
    }
    return;
  }
  report.evaluated += static_cast<int64_t>(evaluated.job_ids.size());
  report.changed += static_cast<int64_t>(evaluated.fresh.size());
}

void RiskService::evaluate_batch(const domain::EvaluationBatch& batch, const ClosedStatuses& closed,
                                 RiskRunReport& report) {
  if (batch.jobs.empty()) return;
  const Evaluated evaluated = evaluate_claimed(batch, closed);
  account(evaluated, store_and_release(evaluated), report);
}

Result<std::optional<domain::RiskSnapshotRecord>> RiskService::evaluate_job(int64_t job_id) {
  const int64_t ids[] = {job_id};
  const auto batch = store_.evaluation_inputs().for_jobs(ids);
  if (!batch) return fail(batch.error());
  if (batch->jobs.empty()) return std::optional<domain::RiskSnapshotRecord>();
  const auto closed = load_closed_statuses();
  if (!closed) return fail(closed.error());
  RiskRunReport report;
  evaluate_batch(*batch, *closed, report);
  if (!report.errors.empty()) return fail("database", report.errors.front());
  return store_.risk_snapshots().latest(job_id);
}

RiskRunReport RiskService::evaluate_all(int64_t batch_size) {
  RiskRunReport report;
  const auto closed = load_closed_statuses();
  if (!closed) {
    record_failure(report, 0, "reading workflow statuses: " + closed.error().message);
    return report;
  }
  // As QcService::evaluate_all: batch N is stored on a second thread while N+1 is evaluated.
  struct Written {
    Evaluated evaluated;
    Status stored;
  };
  std::future<Written> writing;
  const auto finish_writing = [&] {
    if (!writing.valid()) return;
    const Written written = writing.get();
    account(written.evaluated, written.stored, report);
  };
  const auto failed = qc::for_each_batch(
      store_.evaluation_inputs(), batch_size, [&](const domain::EvaluationBatch& batch) {
        Evaluated evaluated = evaluate_claimed(batch, *closed);
        finish_writing();
        writing = std::async(std::launch::async, [this, owned = std::move(evaluated)]() mutable {
          Status stored = store_and_release(owned);
          return Written{std::move(owned), std::move(stored)};
        });
      });
  finish_writing();
  if (failed) {
    record_failure(report, 0,
                   "reading jobs after id " + std::to_string(failed->after_job_id) + ": " +
                       failed->error.message);
  }
  return report;
}

RiskRunReport RiskService::evaluate_jobs(std::span<const int64_t> job_ids) {
  RiskRunReport report;
  const auto closed = load_closed_statuses();
  if (!closed) {
    record_failure(report, 0, "reading workflow statuses: " + closed.error().message);
    return report;
  }
  constexpr auto kBatch = static_cast<size_t>(qc::kEvaluationBatch);
  for (size_t start = 0; start < job_ids.size(); start += kBatch) {
    const auto chunk = job_ids.subspan(start, std::min(kBatch, job_ids.size() - start));
    const auto batch = store_.evaluation_inputs().for_jobs(chunk);
    if (!batch) {
      for (const int64_t id : chunk) record_failure(report, id, batch.error().message);
      continue;
    }
    evaluate_batch(*batch, *closed, report);
  }
  return report;
}

nlohmann::json RiskService::to_json(const domain::RiskSnapshotRecord& snapshot) const {
  const auto parsed = [](const std::string& text) {
    auto value = nlohmann::json::parse(text, nullptr, false);
    return value.is_discarded() ? nlohmann::json::array() : value;
  };
  const std::string url = jobnimbus_job_url(engine_.config().app_base_url, snapshot.job_jnid);
  return {
      {"jobId", std::to_string(snapshot.job_id)},
      {"jobNimbusId", snapshot.job_jnid},
      {"jobNumber", snapshot.job_number},
      {"jobName", snapshot.job_name},
      {"customerName", snapshot.customer_name},
      {"status", snapshot.status_name},
      {"riskLevel", snapshot.risk_level},
      {"reasons", parsed(snapshot.reasons_json)},
      {"recommendedActions", parsed(snapshot.actions_json)},
      {"jobNimbusUrl", url.empty() ? nlohmann::json(nullptr) : nlohmann::json(url)},
      {"evaluatedAt", format_iso8601_seconds(snapshot.last_evaluated_at)},
      {"levelSince", format_iso8601_seconds(snapshot.evaluated_at)},
  };
}

}  // namespace gep::risk
