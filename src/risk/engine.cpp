#include "risk/engine.h"

#include <algorithm>

#include "risk/messages.h"

namespace gep::risk {
namespace {

RiskLevel grade(int64_t days, const DayThresholds& thresholds) {
  if (days >= thresholds.high_days) return RiskLevel::high;
  if (days >= thresholds.medium_days) return RiskLevel::medium;
  return RiskLevel::low;
}

RiskLevel highest(RiskLevel a, RiskLevel b) {
  return a > b ? a : b;
}

}  // namespace

Result<RiskEngine> RiskEngine::create(RiskConfig config) {
  if (auto valid = validate(config); !valid) return fail(valid.error());
  auto days = LocalDayCounter::create(config.time_zone);
  if (!days) return fail(days.error());
  if (config.documents.requirements.size() > kMaxDocumentKinds) {
    return fail("validation",
                "at most " + std::to_string(kMaxDocumentKinds) + " required document kinds");
  }
  return RiskEngine(std::move(config), std::move(*days));
}

RiskEngine::RiskEngine(RiskConfig config, LocalDayCounter days)
    : config_(std::move(config)), days_(std::move(days)), documents_(config_.documents) {}

RiskEngine::Now RiskEngine::at(TimePoint evaluated_at) const {
  return {evaluated_at, days_.to_local_seconds(to_unix_seconds(evaluated_at))};
}

RiskFindings RiskEngine::assess(const RiskJobInput& job, const Now& now) const {
  RiskFindings findings;
  findings.stage = config_.stages.stage_of(job.status_name);
  // Risk is about jobs that still need work: a closed job (paid, lost) is at no risk, whatever its
  // photos or documents. QC still reports on it.
  if (job.status_is_closed) return findings;

  if (job.date_status_change > 0) {
    findings.days_in_status = LocalDayCounter::whole_days_between_local(
        days_.to_local_seconds(job.date_status_change), now.local_seconds);
    findings.stuck = grade(findings.days_in_status, config_.stuck_in_status);
  }
  if (job.date_updated > 0) {
    findings.days_since_update = LocalDayCounter::whole_days_between_local(
        days_.to_local_seconds(job.date_updated), now.local_seconds);
    findings.stale = grade(findings.days_since_update, config_.stale_job);
  }

  if (job.latest_qc && job.latest_qc->status == qc::QcStatus::fail) {
    findings.qc = RiskLevel::high;
  }

  uint32_t wanted = 0;
  uint32_t overdue = 0;
  const auto& requirements = config_.documents.requirements;
  for (size_t i = 0; i < requirements.size(); ++i) {
    if (!qc::at_or_after(findings.stage, requirements[i].required_from)) continue;
    if (!requirements[i].applies_to(job.job_type_name)) continue;
    wanted |= 1U << i;
    const qc::JobStage high_from = requirements[i].high_from;
    if (high_from != qc::JobStage::unknown && qc::at_or_after(findings.stage, high_from)) {
      overdue |= 1U << i;
    }
  }
  if (wanted != 0) {
    findings.documents_missing = wanted & ~documents_.satisfied(job.files, wanted);
    findings.documents_overdue = findings.documents_missing & overdue;
  }

  RiskLevel level = highest(highest(findings.stuck, findings.stale), findings.qc);
  if (findings.documents_missing != 0) level = highest(level, RiskLevel::medium);
  if (findings.documents_overdue != 0) level = RiskLevel::high;
  findings.level = level;
  return findings;
}

JobRiskSnapshot RiskEngine::render(const RiskJobInput& job, const RiskFindings& findings,
                                   const Now& now) const {
  JobRiskSnapshot snapshot;
  snapshot.job_id = job.job_id;
  snapshot.jobnimbus_id = job.jobnimbus_id;
  snapshot.job_number = job.job_number;
  snapshot.job_name = job.job_name;
  snapshot.customer_name = job.customer_name;
  snapshot.status = job.status_name;
  snapshot.risk_level = findings.level;
  snapshot.jobnimbus_url = jobnimbus_job_url(config_.app_base_url, job.jobnimbus_id);
  snapshot.evaluated_at = now.at;

  auto& reasons = snapshot.reasons;
  if (findings.stuck != RiskLevel::low) {
    RiskReason reason{RiskCode::stuck_in_status,
                      findings.stuck,
                      stuck_message(job.status_name, findings.days_in_status, findings.stuck,
                                    config_.stuck_in_status),
                      {},
                      stuck_action(findings.stage, job.status_name)};
    reason.details.days = findings.days_in_status;
    reason.details.medium_at = config_.stuck_in_status.medium_days;
    reason.details.high_at = config_.stuck_in_status.high_days;
    reason.details.since = job.date_status_change;
    reason.details.status_name = job.status_name;
    reasons.push_back(std::move(reason));
  }
  if (findings.stale != RiskLevel::low) {
    RiskReason reason{RiskCode::stale_job,
                      findings.stale,
                      stale_message(findings.days_since_update, findings.stale, config_.stale_job),
                      {},
                      stale_action()};
    reason.details.days = findings.days_since_update;
    reason.details.medium_at = config_.stale_job.medium_days;
    reason.details.high_at = config_.stale_job.high_days;
    reason.details.since = job.date_updated;
    reasons.push_back(std::move(reason));
  }
  if (findings.qc != RiskLevel::low && job.latest_qc) {
    const auto& missing = job.latest_qc->missing;
    RiskReason reason{
        RiskCode::missing_qc_photos, findings.qc, qc_message(missing), {}, qc_action(missing)};
    reason.details.missing_photos = missing;
    reasons.push_back(std::move(reason));
  }
  const auto& requirements = config_.documents.requirements;
  for (size_t i = 0; i < requirements.size(); ++i) {
    if ((findings.documents_missing & (1U << i)) == 0) continue;
    const DocumentRequirement& requirement = requirements[i];
    const RiskLevel severity =
        (findings.documents_overdue & (1U << i)) != 0 ? RiskLevel::high : RiskLevel::medium;
    RiskReason reason{RiskCode::missing_documents,
                      severity,
                      document_message(requirement, severity, job.status_name),
                      {},
                      requirement.action};
    reason.details.document_kind = requirement.kind;
    reason.details.status_name = job.status_name;
    reason.details.required_from = requirement.required_from;
    if (requirement.high_from != qc::JobStage::unknown) {
      reason.details.high_from = requirement.high_from;
    }
    reasons.push_back(std::move(reason));
  }

  std::stable_sort(reasons.begin(), reasons.end(), [](const RiskReason& a, const RiskReason& b) {
    return a.severity > b.severity;
  });
  for (const RiskReason& reason : reasons) {
    const auto& actions = snapshot.recommended_actions;
    if (std::find(actions.begin(), actions.end(), reason.action) == actions.end()) {
      snapshot.recommended_actions.push_back(reason.action);
    }
  }
  return snapshot;
}

JobRiskSnapshot RiskEngine::evaluate(const RiskJobInput& job, const Now& now) const {
  return render(job, assess(job, now), now);
}

JobRiskSnapshot RiskEngine::evaluate(const RiskJobInput& job, TimePoint evaluated_at) const {
  return evaluate(job, at(evaluated_at));
}

}  // namespace gep::risk
