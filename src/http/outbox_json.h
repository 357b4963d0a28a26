#pragma once
// How outbox items and conflicts look in the API (camelCase, ISO 8601 UTC times). An
// attachment's content is never echoed back: its size stands in for it.
#include <functional>
#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "domain/data_store.h"
#include "domain/outbox.h"
#include "http/router.h"

namespace gep::http {

nlohmann::json outbox_item_json(const domain::OutboxItem& item);
nlohmann::json conflict_json(const domain::Conflict& conflict);

// The outbox listing, retry and conflict routes (writeback_routes.cpp adds the enqueueing ones).
void add_outbox_routes(Router& router, domain::DataStore& store, Clock& clock,
                       std::function<void()> queued);

}  // namespace gep::http
