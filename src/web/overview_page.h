#pragma once
// GET / (staff): the account at a glance (domain/account_summary.h) as inline SVG charts with
// their numbers in text. Cached like a list, on the tables it counts.
#include "core/clock.h"
#include "domain/data_store.h"
#include "http/list_cache.h"
#include "http/router.h"
#include "web/page_response.h"

namespace gep::web {

void add_overview_page(http::Router& router, domain::Repositories& store, http::ListCache& lists,
                       const Pages& pages, const Clock& clock);

}  // namespace gep::web
