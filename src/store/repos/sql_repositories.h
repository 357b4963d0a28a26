#pragma once
// Every repository over one connection source: the Database's pooled set, or a unit of work's.
#include "domain/data_store.h"
#include "store/repos/activity_repository.h"
#include "store/repos/conflict_repository.h"
#include "store/repos/contact_repository.h"
#include "store/repos/evaluation_input_repository.h"
#include "store/repos/file_repository.h"
#include "store/repos/job_contact_repository.h"
#include "store/repos/job_repository.h"
#include "store/repos/outbox_repository.h"
#include "store/repos/qc_check_repository.h"
#include "store/repos/risk_snapshot_repository.h"
#include "store/repos/sync_log_repository.h"
#include "store/repos/sync_state_repository.h"
#include "store/repos/workflow_repository.h"

namespace gep::store {

class SqlRepositories final : public domain::Repositories {
 public:
  explicit SqlRepositories(ConnectionSource& source)
      : source_(source),
        jobs_(source),
        contacts_(source),
        job_contacts_(source),
        files_(source),
        activities_(source),
        sync_state_(source),
        sync_logs_(source),
        outbox_(source),
        conflicts_(source),
        qc_checks_(source),
        risk_snapshots_(source),
        workflows_(source),
        evaluation_inputs_(source) {}

  domain::JobRepository& jobs() override { return jobs_; }
  domain::ContactRepository& contacts() override { return contacts_; }
  domain::JobContactRepository& job_contacts() override { return job_contacts_; }
  domain::FileRepository& files() override { return files_; }
  domain::ActivityRepository& activities() override { return activities_; }
  domain::SyncStateRepository& sync_state() override { return sync_state_; }
  domain::SyncLogRepository& sync_logs() override { return sync_logs_; }
  domain::OutboxRepository& outbox() override { return outbox_; }
  domain::ConflictRepository& conflicts() override { return conflicts_; }
  domain::QcCheckRepository& qc_checks() override { return qc_checks_; }
  domain::RiskSnapshotRepository& risk_snapshots() override { return risk_snapshots_; }
  domain::WorkflowRepository& workflows() override { return workflows_; }
  domain::EvaluationInputRepository& evaluation_inputs() override { return evaluation_inputs_; }
  Result<std::string> data_version(std::initializer_list<std::string_view> tables) override {
    return run_on<std::string>(source_, false, [&](sql::Connection& connection) {
      return source_.totals().version(connection, tables);
    });
  }

 private:
  ConnectionSource& source_;
  SqlJobRepository jobs_;
  SqlContactRepository contacts_;
  SqlJobContactRepository job_contacts_;
  SqlFileRepository files_;
  SqlActivityRepository activities_;
  SqlSyncStateRepository sync_state_;
  SqlSyncLogRepository sync_logs_;
  SqlOutboxRepository outbox_;
  SqlConflictRepository conflicts_;
  SqlQcCheckRepository qc_checks_;
  SqlRiskSnapshotRepository risk_snapshots_;
  SqlWorkflowRepository workflows_;
  SqlEvaluationInputRepository evaluation_inputs_;
};

}  // namespace gep::store
