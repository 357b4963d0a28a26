#include "sync/reconcile.h"

#include <chrono>

#include "sync/entity_binding.h"

namespace gep::sync {
namespace {

using IdChunk = std::optional<std::vector<std::string>>;

// The next page of the id listing (a failed request is tried again), its end, or why the
// listing cannot be complete. `total` takes JobNimbus's count.
Result<IdChunk> next_id_page(PageSource<jobnimbus::RecordId>& source, int64_t& total,
                             PullReport& report) {
  if (source.done()) return IdChunk{};
  for (int attempt = 1;; ++attempt) {
    auto page = source.next_page();
    ++report.requests;
    if (!page) {
      if (attempt < 3) continue;
      return fail("incomplete", page.error().describe());
    }
    if (!page->warnings.empty()) {
      // An id set with holes would delete records that exist.
      return fail("incomplete", "the id listing was incomplete: " + page->warnings.front());
    }
    total = page->total;
    std::vector<std::string> ids;
    ids.reserve(page->records.size());
    for (auto& id : page->records) ids.push_back(std::move(id.jnid));
    return IdChunk{std::move(ids)};
  }
}

// One GET per id, for an API that refuses the batch filter; ids gone since are skipped.
template <class Wire>
jobnimbus::ApiResult<std::vector<Wire>> fetch_one_by_one(JobNimbusGateway& gateway,
                                                         const std::vector<std::string>& jnids,
                                                         jobnimbus::ApiError refused) {
  std::vector<Wire> found;
  for (const auto& jnid : jnids) {
    auto record = EntityBinding<Wire>::by_id(gateway, jnid);
    if (!record) return fail(std::move(refused));  // the entity has no single-record read
    if (!*record) {
      if (record->error().kind == jobnimbus::ApiErrorKind::not_found) continue;
      return fail(record->error());
    }
    found.push_back(std::move(record->value()));
  }
  return found;
}

// Fetches the records the mirror lacks and stores them; `repaired` counts those stored.
template <class Wire>
void repair(JobNimbusGateway& gateway, const std::vector<std::string>& missing,
            const StoreFetched<Wire>& store_fetched, PullReport& report) {
  if (missing.empty()) return;
  const std::string what = "repair " + std::string(to_string(report.entity)) + ": ";
  const uint64_t requests_before = gateway.requests_sent();
  auto fetched = EntityBinding<Wire>::by_ids(gateway, missing);
  if (!fetched && fetched.error().kind == jobnimbus::ApiErrorKind::validation) {
    fetched = fetch_one_by_one<Wire>(gateway, missing, fetched.error());
  }
  report.requests += static_cast<int>(gateway.requests_sent() - requests_before);
  if (!fetched) {
    report.errors.push_back(
        what + std::to_string(missing.size()) +
        " records the mirror lacks could not be fetched: " + fetched.error().describe());
    return;
  }
  if (fetched->empty()) return;
  const auto count = static_cast<int64_t>(fetched->size());
  if (const Status stored = store_fetched(std::move(fetched).value()); !stored) {
    report.errors.push_back(what + stored.error().message);
    return;
  }
  report.repaired += count;
}

}  // namespace

// When JobNimbus's count equals the mirror's active count nothing vanished or went missing
// (after a complete listing): the first id page (one request) settles it, and the full id
// listing runs only when the counts differ. That listing streams into the store page by page
// (compared there, in SQL): the id set is never held in memory, only the ids found missing.
template <class Wire>
void reconcile_with_jobnimbus(JobNimbusGateway& gateway, domain::DataStore& store, Clock& clock,
                              const StoreFetched<Wire>& store_fetched, PullReport& report) {
  constexpr jobnimbus::Entity wire = EntityBinding<Wire>::kEntity;
  auto& repository = EntityBinding<Wire>::repository(store);
  const auto local_count = repository.count(domain::Presence::active);
  if (!local_count) {
    report.errors.push_back("reconcile: " + local_count.error().message);
    return;
  }
  const std::string skipped = "reconcile " + std::string(jobnimbus::to_string(wire)) + " skipped: ";
  int64_t total = -1;
  const auto counted = next_id_page(*gateway.ids(wire), total, report);
  if (!counted) {
    report.errors.push_back(skipped + counted.error().message);
    return;
  }
  if (total == *local_count) return;
  // The listing starts on a fresh second, its cutoff: every record stored before it is older
  // than the cutoff, and one stored while the ids are listed (a webhook's re-fetch of a record
  // created since) is not, so this listing neither deletes nor restores it. The cutoff is read
  // from the clock that stamps the rows (the database server's on PostgreSQL), never from this
  // instance's: another instance's webhook may have stored the row.
  const auto now = store.stored_time();
  const auto cutoff = std::chrono::floor<std::chrono::seconds>(now) + std::chrono::seconds(1);
  clock.sleep_for(std::chrono::ceil<Duration>(cutoff - now));
  const auto source = gateway.ids(wire);
  const domain::IdChunkSource chunks = [&]() -> Result<IdChunk> {
    return next_id_page(*source, total, report);
  };
  const auto changes = repository.reconcile_presence(chunks, to_unix_seconds(cutoff));
  if (!changes) {
    // Never delete from a partial id set: the store changed nothing.
    report.errors.push_back(skipped + changes.error().message);
    return;
  }
  report.deleted = changes->deleted;
  report.undeleted = changes->undeleted;
  repair<Wire>(gateway, changes->missing, store_fetched, report);
}

template void reconcile_with_jobnimbus<jobnimbus::Job>(JobNimbusGateway&, domain::DataStore&,
                                                       Clock&, const StoreFetched<jobnimbus::Job>&,
                                                       PullReport&);
template void reconcile_with_jobnimbus<jobnimbus::Contact>(JobNimbusGateway&, domain::DataStore&,
                                                           Clock&,
                                                           const StoreFetched<jobnimbus::Contact>&,
                                                           PullReport&);
template void reconcile_with_jobnimbus<jobnimbus::FileRecord>(
    JobNimbusGateway&, domain::DataStore&, Clock&, const StoreFetched<jobnimbus::FileRecord>&,
    PullReport&);

}  // namespace gep::sync
