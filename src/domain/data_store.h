#pragma once
// The storage seen from the domain: every repository, plus units of work that span several of
// them in one transaction (the sync engine stores a page and its cursor atomically).
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"
#include "domain/evaluations.h"
#include "domain/outbox.h"
#include "domain/repositories.h"

namespace gep::domain {

class Repositories {
 public:
  virtual ~Repositories() = default;
  virtual JobRepository& jobs() = 0;
  virtual ContactRepository& contacts() = 0;
  virtual JobContactRepository& job_contacts() = 0;
  virtual FileRepository& files() = 0;
  virtual ActivityRepository& activities() = 0;
  virtual SyncStateRepository& sync_state() = 0;
  virtual SyncLogRepository& sync_logs() = 0;
  virtual OutboxRepository& outbox() = 0;
  virtual ConflictRepository& conflicts() = 0;
  virtual QcCheckRepository& qc_checks() = 0;
  virtual RiskSnapshotRepository& risk_snapshots() = 0;
  virtual WorkflowRepository& workflows() = 0;
  virtual EvaluationInputRepository& evaluation_inputs() = 0;
  // A token that changes whenever a write to one of `tables` commits, in this instance or in
  // another: an answer read from those tables stays valid while the token is the same.
  virtual Result<std::string> data_version(std::initializer_list<std::string_view> tables) = 0;
};

class DataStore : public Repositories {
 public:
  // Runs `work` in one transaction: committed when it answers ok, rolled back when it fails or
  // throws. Inside, use only the repositories it is given (they share the transaction); a failed
  // call on them undoes only itself, so work may log a bad record and go on.
  virtual Status in_transaction(const std::function<Status(Repositories&)>& work) = 0;
  // The time the store stamps rows with (updated_at): on PostgreSQL the server's, shared by
  // every instance, so a cut-off compared against updated_at means the same whoever took it.
  virtual TimePoint stored_time() const = 0;
};

}  // namespace gep::domain
