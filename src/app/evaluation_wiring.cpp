#include "app/evaluation_wiring.h"

#include "core/logging.h"

namespace gep::app {

EnvMap evaluation_environment(const Config& config) {
  return {{"QC_REQUIRED_BEFORE", std::to_string(config.qc_required_before)},
          {"QC_REQUIRED_DURING", std::to_string(config.qc_required_during)},
          {"QC_REQUIRED_AFTER", std::to_string(config.qc_required_after)},
          {"QC_REQUIREMENTS_BY_TYPE", config.qc_requirements_by_type},
          {"JOB_STAGE_STATUSES", config.job_stage_statuses},
          {"RISK_TIMEZONE", config.risk_timezone},
          {"RISK_REQUIRED_DOCUMENTS", config.risk_required_documents},
          {"RISK_DOCUMENT_EXCLUDE_WORDS", config.risk_document_exclude_words}};
}

Result<std::unique_ptr<Evaluations>> Evaluations::create(const Config& config,
                                                         domain::DataStore& store,
                                                         const Clock& clock) {
  const EnvMap environment = evaluation_environment(config);
  auto requirements = qc::parse_qc_requirements(environment);
  if (!requirements) return fail("config", requirements.error().message);
  auto risk_config = risk::risk_config_from(config, environment);
  if (!risk_config) return fail("config", risk_config.error().message);
  // One stage map for both engines, so "In Progress" means the same to QC and to risk.
  qc::StageMap stages = risk_config->stages;
  auto risk_engine = risk::RiskEngine::create(std::move(*risk_config));
  if (!risk_engine) return fail("config", risk_engine.error().message);
  auto notes = std::make_unique<qc::OutboxQcNoteQueue>();
  auto qc_service = std::make_unique<qc::QcService>(
      store, clock, qc::QcEngine(std::move(*requirements), std::move(stages)), notes.get());
  auto risk_service = std::make_unique<risk::RiskService>(store, clock, std::move(*risk_engine));
  return std::unique_ptr<Evaluations>(
      new Evaluations(store, std::move(notes), std::move(qc_service), std::move(risk_service)));
}

Evaluations::Evaluations(domain::DataStore& store, std::unique_ptr<qc::QcNoteQueue> notes,
                         std::unique_ptr<qc::QcService> qc, std::unique_ptr<risk::RiskService> risk)
    : store_(store), notes_(std::move(notes)), qc_(std::move(qc)), risk_(std::move(risk)) {}

void Evaluations::reevaluate_changed(int64_t since) {
  const auto changed = store_.evaluation_inputs().changed_job_ids(since);
  if (!changed) {
    log::warn("re-evaluation after sync skipped: {}", changed.error().message);
    return;
  }
  if (changed->empty()) return;
  const auto qc_report = qc_->evaluate_jobs(*changed);
  const auto risk_report = risk_->evaluate_jobs(*changed);
  log::info(
      "re-evaluated {} changed jobs: QC {} changed, {} notes queued, {} failed; risk {} "
      "changed, {} failed",
      changed->size(), qc_report.changed, qc_report.notes_queued, qc_report.failed,
      risk_report.changed, risk_report.failed);
}

void Evaluations::evaluate_all_if_new_day(TimePoint now) {
  constexpr int64_t kDay = 86'400;
  const int64_t day = to_unix_seconds(now) / kDay;
  {
    const std::lock_guard lock(day_mutex_);
    if (last_full_day_ == day) return;
    last_full_day_ = day;
  }
  const auto qc_report = qc_->evaluate_all();
  const auto risk_report = risk_->evaluate_all();
  log::info(
      "daily evaluation: QC {} jobs ({} changed, {} failed), risk {} jobs ({} HIGH, {} "
      "MEDIUM, {} failed)",
      qc_report.total, qc_report.changed, qc_report.failed, risk_report.total_jobs,
      risk_report.high, risk_report.medium, risk_report.failed);
}

}  // namespace gep::app
