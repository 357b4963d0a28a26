#pragma once
// After a complete listing, the mirror is compared with JobNimbus's ids: records gone from
// JobNimbus are soft-deleted, deleted ones that are back are restored, and records JobNimbus has
// that the mirror lacks (a listing that missed them, a crash, a row lost behind gep's back, clock
// skew) are fetched by id and stored. So one incremental run ends with the mirror equal to
// JobNimbus, whatever caused a miss.
#include <functional>
#include <vector>

#include "core/clock.h"
#include "domain/data_store.h"
#include "sync/jobnimbus_gateway.h"
#include "sync/pull_engine.h"

namespace gep::sync {

// Stores records fetched by id, as a listing's page is stored (one transaction).
template <class Wire>
using StoreFetched = std::function<Status(std::vector<Wire> records)>;

// Adds what it did to `report`: deleted, undeleted, repaired, requests, errors. Wire is
// jobnimbus::Job, Contact or FileRecord.
template <class Wire>
void reconcile_with_jobnimbus(JobNimbusGateway& gateway, domain::DataStore& store, Clock& clock,
                              const StoreFetched<Wire>& store_fetched, PullReport& report);

}  // namespace gep::sync
