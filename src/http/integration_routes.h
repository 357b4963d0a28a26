#pragma once
#include <functional>

#include "http/router.h"

namespace gep::http {

struct IntegrationHealth {
  bool ok = false;
  std::string message;
};

// GET /api/v1/integration/jobnimbus/health -> {status:'ok'|'error', message?}. The probe makes one
// authenticated JobNimbus request; it is null when no API key is configured.
void add_integration_routes(Router& router, std::function<IntegrationHealth()> probe);

}  // namespace gep::http
