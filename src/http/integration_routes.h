#pragma once
#include <functional>
#include <nlohmann/json.hpp>

#include "http/router.h"

namespace gep::http {

struct IntegrationHealth {
  bool ok = false;
  std::string message;
  int64_t checked_at = 0;  // when the probe asked JobNimbus (answers are cached)
};

using IntegrationProbe = std::function<IntegrationHealth()>;

// {status:'ok'|'error'|'not_configured', message?, checkedAt?}: a null probe means no API key.
nlohmann::json integration_health_json(const IntegrationProbe& probe);

// GET /api/v1/integration/jobnimbus/health -> {status:'ok'|'error', message?}. The probe makes one
// authenticated JobNimbus request; it is null when no API key is configured.
void add_integration_routes(Router& router, IntegrationProbe probe);

}  // namespace gep::http
