#pragma once
// A DataStore that forwards to a real one and lets a test act before and after each transaction
// (hold it until the prefetcher got ahead, or look at what it committed).
#include <functional>

#include "domain/data_store.h"

namespace gep::sync::testing {

class RecordingStore final : public domain::DataStore {
 public:
  explicit RecordingStore(domain::DataStore& inner) : inner_(inner) {}

  std::function<void()> before_transaction;
  std::function<void()> after_transaction;

  Status in_transaction(const std::function<Status(domain::Repositories&)>& work) override {
    if (before_transaction) before_transaction();
    const Status done = inner_.in_transaction(work);
    if (after_transaction) after_transaction();
    return done;
  }

  TimePoint stored_time() const override { return inner_.stored_time(); }
  domain::JobRepository& jobs() override { return inner_.jobs(); }
  domain::ContactRepository& contacts() override { return inner_.contacts(); }
  domain::JobContactRepository& job_contacts() override { return inner_.job_contacts(); }
  domain::FileRepository& files() override { return inner_.files(); }
  domain::ActivityRepository& activities() override { return inner_.activities(); }
  domain::SyncStateRepository& sync_state() override { return inner_.sync_state(); }
  domain::SyncLogRepository& sync_logs() override { return inner_.sync_logs(); }
  domain::OutboxRepository& outbox() override { return inner_.outbox(); }
  domain::ConflictRepository& conflicts() override { return inner_.conflicts(); }
  domain::QcCheckRepository& qc_checks() override { return inner_.qc_checks(); }
  domain::RiskSnapshotRepository& risk_snapshots() override { return inner_.risk_snapshots(); }
  domain::WorkflowRepository& workflows() override { return inner_.workflows(); }
  domain::EvaluationInputRepository& evaluation_inputs() override {
    return inner_.evaluation_inputs();
  }
  Result<std::string> data_version(std::initializer_list<std::string_view> tables) override {
    return inner_.data_version(tables);
  }

 private:
  domain::DataStore& inner_;
};

}  // namespace gep::sync::testing
