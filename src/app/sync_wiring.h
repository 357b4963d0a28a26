#pragma once
// What `gep sync`, `gep seed` and (later) `gep serve` need to pull from JobNimbus: the database,
// the client, its gateway adapter and the pull engine, built from Config in one place.
#include <memory>

#include "app/jobnimbus_gateway_adapter.h"
#include "core/clock.h"
#include "core/config.h"
#include "store/database.h"
#include "sync/pull_engine.h"

namespace gep::app {

struct SyncComponents {
  SystemClock clock;
  std::unique_ptr<store::Database> database;
  std::unique_ptr<jobnimbus::JobNimbusClient> client;
  std::unique_ptr<JobNimbusGatewayAdapter> gateway;
  std::unique_ptr<sync::PullEngine> pull;
};

// Checks the API key before it opens (and migrates) the database, so a missing key changes
// nothing on disk.
Result<std::unique_ptr<SyncComponents>> build_sync_components(const Config& config);

// "jobs" | "contacts" | "files".
std::optional<sync::PullEntity> parse_pull_entity(std::string_view text);

}  // namespace gep::app
