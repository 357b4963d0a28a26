#pragma once
#include <functional>
#include <string>

#include "http/router.h"

namespace gep::http {

struct DatabaseHealth {
  bool ok = false;
  std::string backend;  // "sqlite" | "postgres"
  int schema_version = 0;
  std::string message;  // why it is not ok; never holds credentials
};

using DatabaseProbe = std::function<DatabaseHealth()>;

// GET /api/v1/health: 200 with the database status, or 503 in the error envelope when the
// database does not answer.
void add_health_routes(Router& router, DatabaseProbe probe);

}  // namespace gep::http
