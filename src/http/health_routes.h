#pragma once
#include <functional>
#include <string>

#include "core/clock.h"
#include "http/router.h"

namespace gep::http {

struct DatabaseHealth {
  bool ok = false;
  std::string backend;  // "sqlite" | "postgres"
  int schema_version = 0;
  std::string message;  // why it is not ok; never holds credentials
};

using DatabaseProbe = std::function<DatabaseHealth()>;

// The probe's answer, reused for `fresh_for` (an unhealthy one too): /api/v1/health is open to
// anyone, so a flood of it must not become a flood of database queries. Concurrent callers of a
// stale answer wait for one probe instead of each running their own.
DatabaseProbe probe_at_most_every(DatabaseProbe probe, const Clock& clock, Duration fresh_for);

// GET /api/v1/health: 200 with the database status, or 503 in the error envelope when the
// database does not answer.
void add_health_routes(Router& router, DatabaseProbe probe);

}  // namespace gep::http
