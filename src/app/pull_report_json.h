#pragma once
#include <nlohmann/json.hpp>

#include "sync/pull_engine.h"

namespace gep::app {

// The spec's sync answer {fetched, created, updated, failed, errors} plus the run's details.
nlohmann::json to_json(const sync::PullReport& report);

}  // namespace gep::app
