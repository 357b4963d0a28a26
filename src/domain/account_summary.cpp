#include "domain/account_summary.h"

#include "domain/job_statuses.h"

namespace gep::domain {
namespace {

constexpr int64_t kDay = 86'400;
// Sync logs read to cover the last two weeks: a pull per entity every few minutes fits.
constexpr int64_t kSyncLogsRead = 2'000;

template <class PageResult>
Result<int64_t> total_of(PageResult page) {
  if (!page) return fail(page.error());
  return page->total;
}

Status count_evaluations(Repositories& store, AccountSummary& summary) {
  for (const char* level : {"HIGH", "MEDIUM", "LOW"}) {
    RiskListQuery query;
    query.limit = 1;
    query.level = level;
    const auto total = total_of(store.risk_snapshots().list_latest(query));
    if (!total) return fail(total.error());
    summary.risk_levels.push_back({level, *total});
  }
  for (const char* status : {"PASS", "FAIL", "NOT_CHECKED"}) {
    QcOverviewQuery query;
    query.limit = 1;
    query.status = status;
    const auto total = total_of(store.qc_checks().overview(query));
    if (!total) return fail(total.error());
    summary.qc_statuses.push_back({status, *total});
  }
  return {};
}

Status count_job_statuses(Repositories& store, AccountSummary& summary) {
  const auto names = job_status_names(store);
  if (!names) return fail(names.error());
  int64_t counted = 0;
  for (const std::string& name : *names) {
    ListQuery query;
    query.limit = 1;
    query.status = name;
    const auto total = total_of(store.jobs().list(query));
    if (!total) return fail(total.error());
    counted += *total;
    summary.job_statuses.push_back({name, *total});
  }
  if (summary.active_jobs > counted) {
    summary.job_statuses.push_back({"Other", summary.active_jobs - counted});
  }
  return {};
}

Status read_sync_history(Repositories& store, AccountSummary& summary, int64_t now) {
  const int64_t today = now - now % kDay;
  const int64_t first_day = today - (kSyncDays - 1) * kDay;
  for (int day = 0; day < kSyncDays; ++day) summary.sync_days.push_back({first_day + day * kDay});
  const auto logs = store.sync_logs().list({kSyncLogsRead, 0, {}});
  if (!logs) return fail(logs.error());
  for (const SyncLog& log : logs->items) {
    if (log.sync_type != SyncType::pull) continue;
    if (!summary.last_sync) summary.last_sync = log;
    const int64_t started = log.started_at != 0 ? log.started_at : log.created_at;
    if (started < first_day || started >= today + kDay) continue;
    SyncDay& day = summary.sync_days[static_cast<size_t>((started - first_day) / kDay)];
    ++day.runs;
    if (log.status == SyncStatus::failed) ++day.failed_runs;
    day.records += log.records_affected;
    day.duration_ms += log.duration_ms;
  }
  return {};
}

Status count_writebacks(Repositories& store, AccountSummary& summary) {
  const auto count = [&store](OutboxStatus status) {
    OutboxQuery query;
    query.status = status;
    query.limit = 1;
    return total_of(store.outbox().list(query));
  };
  const auto pending = count(OutboxStatus::pending);
  const auto in_flight = count(OutboxStatus::in_flight);
  const auto delivered = count(OutboxStatus::delivered);
  const auto dead = count(OutboxStatus::dead);
  if (!pending) return fail(pending.error());
  if (!in_flight) return fail(in_flight.error());
  if (!delivered) return fail(delivered.error());
  if (!dead) return fail(dead.error());
  summary.writebacks_pending = *pending + *in_flight;
  summary.writebacks_delivered = *delivered;
  summary.writebacks_dead = *dead;
  return {};
}

}  // namespace

Result<AccountSummary> summarize_account(Repositories& store, int64_t now) {
  AccountSummary summary;
  const auto active = store.jobs().count(Presence::active);
  if (!active) return fail(active.error());
  summary.active_jobs = *active;
  if (Status counted = count_evaluations(store, summary); !counted) return fail(counted.error());
  if (Status counted = count_job_statuses(store, summary); !counted) return fail(counted.error());
  if (Status read = read_sync_history(store, summary, now); !read) return fail(read.error());
  if (Status counted = count_writebacks(store, summary); !counted) return fail(counted.error());
  return summary;
}

}  // namespace gep::domain
