#include "sync/job_files_sync.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "sync/record_mapping.h"

namespace gep::sync {
namespace {

// Stores one job's complete file list: upserts what JobNimbus has and soft-deletes what it no
// longer has, in one transaction. Answers the number of photos stored.
Result<int64_t> store_job_files(domain::DataStore& store, const std::string& job_jnid,
                                const std::vector<jobnimbus::FileRecord>& listed, int64_t now) {
  std::vector<domain::File> files;
  std::vector<std::string> present;
  int64_t photos = 0;
  for (const auto& wire : listed) {
    domain::File file = to_domain(wire);
    if (file.job_jnid.empty()) file.job_jnid = job_jnid;
    if (file.kind == domain::FileKind::photo) ++photos;
    present.push_back(file.jnid);
    files.push_back(std::move(file));
  }
  std::sort(present.begin(), present.end());
  const auto stored = store.in_transaction([&](domain::Repositories& repositories) -> Status {
    if (auto counts = repositories.files().upsert_batch(files); !counts)
      return fail(counts.error());
    auto local = repositories.files().list_for_job(job_jnid);
    if (!local) return fail(local.error());
    std::vector<std::string> vanished;
    for (const auto& file : *local) {
      if (!std::binary_search(present.begin(), present.end(), file.jnid))
        vanished.push_back(file.jnid);
    }
    if (auto deleted = repositories.files().mark_deleted(vanished, now); !deleted)
      return fail(deleted.error());
    const std::vector<std::string> job{job_jnid};
    return repositories.jobs().mark_files_synced(job, now);
  });
  if (!stored) return fail(stored.error());
  return photos;
}

// One PULL log per targeted run (the spec: every sync operation leaves a JobSyncLog).
void write_log(domain::DataStore& store, const JobFilesReport& report,
               const std::vector<std::string>& job_jnids, int64_t now) {
  domain::SyncLog entry;
  entry.sync_type = domain::SyncType::pull;
  entry.status = report.failed == 0      ? domain::SyncStatus::success
                 : report.succeeded == 0 ? domain::SyncStatus::failed
                                         : domain::SyncStatus::partial;
  entry.entity = "files";
  entry.trigger = "targeted";
  if (job_jnids.size() == 1) entry.job_jnid = job_jnids.front();
  entry.records_affected = report.total_photos_synced;
  entry.fetched = report.total_photos_synced;
  entry.failed = report.failed;
  entry.started_at = now;
  if (!report.errors.empty()) {
    entry.error_message = report.errors.front().job_id + ": " + report.errors.front().error;
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& error : report.errors) errors.push_back(error.job_id + ": " + error.error);
    entry.errors_json = errors.dump();
  }
  (void)store.sync_logs().append(entry);
}

}  // namespace

JobFilesReport sync_job_files(JobNimbusGateway& gateway, domain::DataStore& store, Clock& clock,
                              const std::vector<std::string>& job_jnids) {
  JobFilesReport report;
  for (const auto& jnid : job_jnids) {
    ++report.total;
    const auto listed = gateway.job_files(jnid);
    if (!listed) {
      ++report.failed;
      report.errors.push_back({jnid, listed.error().describe()});
      continue;
    }
    const auto photos = store_job_files(store, jnid, *listed, to_unix_seconds(clock.now()));
    if (!photos) {
      ++report.failed;
      report.errors.push_back({jnid, photos.error().message});
      continue;
    }
    ++report.succeeded;
    report.total_photos_synced += *photos;
  }
  write_log(store, report, job_jnids, to_unix_seconds(clock.now()));
  return report;
}

}  // namespace gep::sync
