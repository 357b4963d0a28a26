#pragma once
// Every repository over one connection source: the Database's pooled set, or a unit of work's.
#include "domain/data_store.h"
#include "store/repos/activity_repository.h"
#include "store/repos/contact_repository.h"
#include "store/repos/file_repository.h"
#include "store/repos/job_contact_repository.h"
#include "store/repos/job_repository.h"
#include "store/repos/sync_log_repository.h"
#include "store/repos/sync_state_repository.h"

namespace gep::store {

class SqlRepositories final : public domain::Repositories {
 public:
  explicit SqlRepositories(ConnectionSource& source)
      : jobs_(source),
        contacts_(source),
        job_contacts_(source),
        files_(source),
        activities_(source),
        sync_state_(source),
        sync_logs_(source) {}

  domain::JobRepository& jobs() override { return jobs_; }
  domain::ContactRepository& contacts() override { return contacts_; }
  domain::JobContactRepository& job_contacts() override { return job_contacts_; }
  domain::FileRepository& files() override { return files_; }
  domain::ActivityRepository& activities() override { return activities_; }
  domain::SyncStateRepository& sync_state() override { return sync_state_; }
  domain::SyncLogRepository& sync_logs() override { return sync_logs_; }

 private:
  SqlJobRepository jobs_;
  SqlContactRepository contacts_;
  SqlJobContactRepository job_contacts_;
  SqlFileRepository files_;
  SqlActivityRepository activities_;
  SqlSyncStateRepository sync_state_;
  SqlSyncLogRepository sync_logs_;
};

}  // namespace gep::store
