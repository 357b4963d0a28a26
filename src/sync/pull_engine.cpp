#include "sync/pull_engine.h"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <type_traits>

#include "core/logging.h"
#include "sync/entity_binding.h"
#include "sync/page_prefetcher.h"
#include "sync/reconcile.h"
#include "sync/workflow_sync.h"

namespace gep::sync {
namespace {

std::string full_key(PullEntity entity) {
  return std::string(to_string(entity)) + ":full";
}

// The saved position of `key`, when there is one to continue from.
std::optional<jobnimbus::StreamCursor> saved_position(domain::DataStore& store,
                                                      const std::string& key) {
  const auto saved = store.sync_state().get(key);
  if (!saved || !saved->has_value() || (*saved)->position.empty()) return std::nullopt;
  return jobnimbus::StreamCursor::from_json((*saved)->position);
}

domain::SyncCursor cursor_row(const std::string& key, const jobnimbus::StreamCursor& cursor,
                              int64_t full_completed_at) {
  domain::SyncCursor row;
  row.entity = key;
  row.watermark = cursor.since;
  if (cursor.after_jnid && !cursor.after_jnid->empty()) {
    row.last_jnid = *cursor.after_jnid;
  } else if (!cursor.seen_at_since.empty()) {
    row.last_jnid = *cursor.seen_at_since.rbegin();
  }
  row.position = cursor.to_json();
  row.full_completed_at = full_completed_at;
  return row;
}

// Counts what a page of the listing says about itself: records received, records JobNimbus sent
// that could not be read, and warnings that the listing may be incomplete (the run ends PARTIAL).
template <class Wire>
void note_listing(PullEntity entity, const jobnimbus::StreamPage<Wire>& page, PullReport& report) {
  report.fetched += static_cast<int64_t>(page.records.size() + page.skipped.size());
  for (const auto& warning : page.warnings) {
    report.errors.push_back("listing " + std::string(to_string(entity)) + ": " + warning);
  }
  for (const auto& skipped : page.skipped) {
    ++report.failed;
    report.errors.push_back(
        "skipped " + std::string(to_string(entity)) + " record " +
        (skipped.jnid.empty() ? "#" + std::to_string(skipped.index) : skipped.jnid) + ": " +
        skipped.reason);
  }
}

// Stores one page inside the caller's transaction and adds its upsert counts to `counts`.
template <class Wire>
Status store_page(domain::Repositories& repositories, const jobnimbus::StreamPage<Wire>& page,
                  const PullOptions& options, int64_t now, PullReport& counts) {
  using Binding = EntityBinding<Wire>;
  std::vector<typename Binding::Record> records;
  records.reserve(page.records.size());
  for (const auto& wire : page.records) records.push_back(to_domain(wire));
  auto upserted = Binding::repository(repositories).upsert_batch(records);
  if (!upserted) return fail(upserted.error());
  if (auto extras = Binding::store_extras(repositories, page.records, *upserted); !extras)
    return extras;
  if constexpr (std::is_same_v<Wire, jobnimbus::Job>) {
    const auto conflicts =
        detect_status_conflicts(repositories, page.records, options.conflict_policy, now);
    if (!conflicts) return fail(conflicts.error());
  }
  counts.created += upserted->created;
  counts.updated += upserted->updated;
  counts.unchanged += upserted->unchanged;
  return {};
}

}  // namespace

std::string_view to_string(PullEntity entity) {
  switch (entity) {
    case PullEntity::jobs:
      return "jobs";
    case PullEntity::contacts:
      return "contacts";
    case PullEntity::files:
      return "files";
  }
  return "jobs";
}

PullEngine::PullEngine(JobNimbusGateway& gateway, domain::DataStore& store, Clock& clock)
    : gateway_(gateway), store_(store), clock_(clock) {}

PullReport PullEngine::pull(PullEntity entity, const PullOptions& options) {
  const int64_t started_at = to_unix_seconds(clock_.now());
  const auto started = std::chrono::steady_clock::now();
  PullReport report;
  const auto run = [&]<class Wire>(Wire*) {
    report = pull_records<Wire>(entity, options);
    if (report.listing_completed && options.reconcile_deletes) reconcile<Wire>(options, report);
  };
  switch (entity) {
    case PullEntity::jobs:
      run(static_cast<jobnimbus::Job*>(nullptr));
      break;
    case PullEntity::contacts:
      run(static_cast<jobnimbus::Contact*>(nullptr));
      break;
    case PullEntity::files:
      run(static_cast<jobnimbus::FileRecord*>(nullptr));
      break;
  }
  if (entity == PullEntity::jobs) {
    // Which statuses are closed (risk) comes with the account settings: small, so every jobs
    // pull re-reads them.
    if (const auto workflows = sync_workflows(gateway_, store_); !workflows)
      report.errors.push_back(workflows.error().message);
  }
  if (!report.errors.empty() || report.failed > 0) {
    const bool nothing_stored = report.created + report.updated + report.unchanged == 0;
    report.status = nothing_stored && !report.listing_completed ? domain::SyncStatus::failed
                                                                : domain::SyncStatus::partial;
  }
  report.duration_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::steady_clock::now() - started)
                           .count();
  write_log(report, options, started_at);
  return report;
}

template <class Wire>
PullReport PullEngine::pull_records(PullEntity entity, const PullOptions& options) {
  using Binding = EntityBinding<Wire>;
  PullReport report;
  report.entity = entity;
  const std::string incremental_key(to_string(entity));
  const std::string key_full = full_key(entity);

  // An incremental pull with no saved cursor has never completed a full one: it is one.
  std::optional<jobnimbus::StreamCursor> incremental_start;
  if (options.mode == PullMode::incremental)
    incremental_start = saved_position(store_, incremental_key);
  const bool full = !incremental_start.has_value();
  const std::string progress_key = full ? key_full : incremental_key;
  jobnimbus::StreamCursor start;
  if (!full) {
    start.since = std::max<int64_t>(0, incremental_start->since - options.lookback_seconds);
    if (start.since == incremental_start->since) start = *incremental_start;
  } else if (options.resume_full) {
    if (auto resumed = saved_position(store_, key_full)) start = std::move(*resumed);
  }

  auto source = Binding::listing(gateway_, start);
  jobnimbus::StreamCursor last = start;
  PagePrefetcher<Wire> pages(*source, options.max_page_attempts,
                             std::max<size_t>(1, options.pages_per_transaction));
  // A failed fetch ends the listing; it is reported after the pages before it are stored.
  std::optional<std::string> listing_error;
  int64_t expected_total = 0;  // see PullProgress::total
  const auto take = [&](typename PagePrefetcher<Wire>::PageResult& page) -> bool {
    report.requests = pages.requests();
    if (page.ok()) return true;
    listing_error =
        "listing " + std::string(to_string(entity)) + " stopped: " + page.error().describe();
    return false;
  };
  while (auto first = pages.next()) {
    if (!take(*first)) break;
    // One transaction stores this page and the pages already fetched behind it, up to the
    // budget: each commit rewrites every index page it touched (SQLite's WAL) and waits for a
    // flush, so fewer, larger commits write far less. The cursor of the last page stored commits
    // with them, so a crash still resumes after exactly what was stored. Against a slow or
    // rate-limited JobNimbus nothing waits, and each page commits alone.
    PullReport group;
    jobnimbus::StreamCursor group_cursor;
    const auto stored = store_.in_transaction([&](domain::Repositories& repositories) -> Status {
      auto page = std::move(first->value());
      size_t pages_in_group = 0;
      while (true) {
        expected_total =
            std::max(expected_total,
                     page.expected_total.value_or(report.fetched + group.fetched + page.total));
        note_listing(entity, page, group);
        if (auto put =
                store_page(repositories, page, options, to_unix_seconds(clock_.now()), group);
            !put)
          return put;
        group_cursor = page.cursor;
        if (++pages_in_group >= options.pages_per_transaction) break;
        auto next = pages.try_next();
        if (!next || !take(*next)) break;
        page = std::move(next->value());
      }
      return repositories.sync_state().put(cursor_row(progress_key, group_cursor, 0));
    });
    report.fetched += group.fetched;
    report.failed += group.failed;
    report.errors.insert(report.errors.end(), group.errors.begin(), group.errors.end());
    if (!stored) {
      report.errors.push_back("storing " + std::string(to_string(entity)) + ": " +
                              stored.error().message);
      if (listing_error) report.errors.push_back(*listing_error);
      return report;
    }
    report.created += group.created;
    report.updated += group.updated;
    report.unchanged += group.unchanged;
    last = group_cursor;
    if (options.on_progress) {
      options.on_progress({entity, report.fetched, expected_total, report.requests});
    }
    if (listing_error) break;
  }
  if (listing_error) {
    report.errors.push_back(*listing_error);
    return report;  // the saved cursor keeps what was stored; the next run resumes there
  }
  report.requests = pages.requests();
  report.listing_completed = true;
  const int64_t now = to_unix_seconds(clock_.now());
  const auto finished = store_.in_transaction([&](domain::Repositories& repositories) -> Status {
    if (full) {
      domain::SyncCursor done = cursor_row(key_full, last, now);
      done.position.clear();  // nothing left to resume
      if (auto put = repositories.sync_state().put(done); !put) return put;
      if (auto put = repositories.sync_state().put(cursor_row(incremental_key, last, now)); !put)
        return put;
    }
    if (entity != PullEntity::files) return {};
    // Every job's files are now mirrored: QC may tell "no photos" from "never synced".
    return repositories.jobs().mark_all_files_synced(now);
  });
  if (!finished)
    report.errors.push_back("finishing " + std::string(to_string(entity)) + ": " +
                            finished.error().message);
  return report;
}

template <class Wire>
void PullEngine::reconcile(const PullOptions& options, PullReport& report) {
  const StoreFetched<Wire> store_fetched = [&](std::vector<Wire> records) {
    jobnimbus::StreamPage<Wire> page;
    page.records = std::move(records);
    PullReport written;  // counted as repaired, not as created or updated by the listing
    return store_.in_transaction([&](domain::Repositories& repositories) {
      return store_page(repositories, page, options, to_unix_seconds(clock_.now()), written);
    });
  };
  reconcile_with_jobnimbus<Wire>(gateway_, store_, clock_, store_fetched, report);
}

void PullEngine::write_log(const PullReport& report, const PullOptions& options,
                           int64_t started_at) {
  domain::SyncLog entry;
  entry.sync_type = domain::SyncType::pull;
  entry.status = report.status;
  entry.entity = std::string(to_string(report.entity));
  entry.trigger = options.trigger;
  entry.records_affected =
      report.created + report.updated + report.deleted + report.undeleted + report.repaired;
  entry.repaired = report.repaired;
  entry.fetched = report.fetched;
  entry.created = report.created;
  entry.updated = report.updated;
  entry.unchanged = report.unchanged;
  entry.deleted = report.deleted;
  entry.failed = report.failed;
  entry.started_at = started_at;
  entry.duration_ms = report.duration_ms;
  if (!report.errors.empty()) {
    entry.error_message = report.errors.front();
    entry.errors_json = nlohmann::json(report.errors).dump();
  }
  if (const auto appended = store_.sync_logs().append(entry); !appended) {
    log::error("could not write the sync log: {}", appended.error().message);
  }
  log::info(
      "pull {} {}: fetched {}, created {}, updated {}, unchanged {}, deleted {}, repaired {}, "
      "failed {}, {} requests, {} ms",
      entry.entity, domain::to_string(report.status), report.fetched, report.created,
      report.updated, report.unchanged, report.deleted, report.repaired, report.failed,
      report.requests, report.duration_ms);
}

}  // namespace gep::sync
