#include "risk/risk_service.h"

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
  nlohmann::json json = risk::to_json(snapshot);
  domain::RiskSnapshotRecord record;
  record.job_id = job_id;
  record.risk_level = std::string(to_string(snapshot.risk_level));
  record.reasons_json = json.at("reasons").dump();
  record.actions_json = json.at("recommendedActions").dump();
  for (const auto& reason : snapshot.reasons) {
    record.reason_codes.emplace_back(to_string(reason.code));
  }
  record.status_name = snapshot.status;
  record.evaluated_at = now;
  record.last_evaluated_at = now;
  return record;
}

void count_level(RiskRunReport& report, const std::string& level) {
  if (level == "HIGH") ++report.high;
  if (level == "MEDIUM") ++report.medium;
  if (level == "LOW") ++report.low;
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

void RiskService::evaluate_batch(const domain::EvaluationBatch& batch, const ClosedStatuses& closed,
                                 RiskRunReport& report) {
  if (batch.jobs.empty()) return;
  report.total_jobs += static_cast<int64_t>(batch.jobs.size());
  const RiskEngine::Now now = engine_.at(clock_.now());
  const int64_t now_seconds = to_unix_seconds(now.at);
  std::vector<int64_t> job_ids;
  job_ids.reserve(batch.jobs.size());
  for (const auto& job : batch.jobs) job_ids.push_back(job.id);
  const auto fail_batch = [&](const std::string& error) {
    for (const int64_t id : job_ids) record_failure(report, id, error);
  };

  const std::lock_guard lock(writing_);
  const auto checks = store_.qc_checks().latest_for_jobs(job_ids);
  if (!checks) return fail_batch(checks.error().message);
  const auto previous = store_.risk_snapshots().latest_for_jobs(job_ids);
  if (!previous) return fail_batch(previous.error().message);
  std::unordered_map<int64_t, const domain::QcCheck*> check_of;
  for (const auto& check : *checks) check_of[check.job_id] = &check;
  std::unordered_map<int64_t, const domain::RiskSnapshotRecord*> previous_of;
  for (const auto& snapshot : *previous) previous_of[snapshot.job_id] = &snapshot;

  std::vector<domain::RiskSnapshotRecord> fresh;
  std::vector<domain::RiskRefresh> refreshed;
  for (const qc::JobSlice& slice : qc::slice_by_job(batch)) {
    const auto found_check = check_of.find(slice.job->id);
    const RiskJobInput input =
        risk_input(slice, closed, found_check == check_of.end() ? nullptr : found_check->second);
    domain::RiskSnapshotRecord record =
        to_record(engine_.evaluate(input, now), slice.job->id, now_seconds);
    count_level(report, record.risk_level);
    const auto found = previous_of.find(slice.job->id);
    if (found != previous_of.end() && found->second->risk_level == record.risk_level &&
        found->second->reason_codes == record.reason_codes) {
      refreshed.push_back({found->second->id, std::move(record.reasons_json),
                           std::move(record.actions_json), std::move(record.status_name)});
      continue;
    }
    fresh.push_back(std::move(record));
  }
  const Status stored = store_.in_transaction([&](domain::Repositories& unit) -> Status {
    if (auto appended = unit.risk_snapshots().append(fresh); !appended) return appended;
    return unit.risk_snapshots().refresh(refreshed, now_seconds);
  });
  if (!stored) return fail_batch(stored.error().message);
  report.evaluated += static_cast<int64_t>(batch.jobs.size());
  report.changed += static_cast<int64_t>(fresh.size());
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
  int64_t after = 0;
  while (true) {
    const auto batch = store_.evaluation_inputs().next_batch(after, batch_size);
    if (!batch) {
      record_failure(
          report, 0,
          "reading jobs after id " + std::to_string(after) + ": " + batch.error().message);
      return report;
    }
    if (batch->jobs.empty()) return report;
    after = batch->jobs.back().id;
    evaluate_batch(*batch, *closed, report);
  }
}

RiskRunReport RiskService::evaluate_jobs(std::span<const int64_t> job_ids) {
  RiskRunReport report;
  const auto closed = load_closed_statuses();
  if (!closed) {
    record_failure(report, 0, "reading workflow statuses: " + closed.error().message);
    return report;
  }
  constexpr size_t kBatch = 1000;
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
