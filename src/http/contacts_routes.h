#pragma once
#include "domain/data_store.h"
#include "http/list_cache.h"
#include "http/router.h"

namespace gep::http {

// GET /api/v1/contacts?limit&offset&q&includeDeleted -> {contacts, total}
void add_contacts_routes(Router& router, domain::Repositories& store, ListCache& lists);

}  // namespace gep::http
