#pragma once
// The account's workflows (GET /account/settings) into the mirror, so that risk knows which
// statuses are closed. The settings are small and have no cursor: every jobs pull re-reads them.
#include "core/result.h"
#include "domain/data_store.h"
#include "sync/jobnimbus_gateway.h"

namespace gep::sync {

// Answers how many workflows were stored.
Result<int64_t> sync_workflows(JobNimbusGateway& gateway, domain::DataStore& store);

}  // namespace gep::sync
