#include "http/contacts_routes.h"

#include "http/json_response.h"
#include "http/query_params.h"
#include "http/record_json.h"

namespace gep::http {
namespace {

void list_contacts(domain::Repositories& store, const Request& request, Response& response) {
  const auto paging = page_params(request, response);
  if (!paging) return;
  const auto include_deleted = bool_param(request, response, "includeDeleted", false);
  if (!include_deleted) return;
  const auto page =
      store.contacts().list({paging->limit, paging->offset, "", request.get_param_value("q"),
                             *include_deleted, paging->after});
  if (!page) return send_failure(response, page.error());
  nlohmann::json contacts = nlohmann::json::array();
  for (const auto& contact : page->items) contacts.push_back(contact_json(contact));
  send_json(response, 200,
            {{"contacts", contacts},
             {"total", page->total},
             {"nextCursor", next_cursor_json(page->next_cursor)}});
  set_next_cursor(response, page->next_cursor);
}

}  // namespace

void add_contacts_routes(Router& router, domain::Repositories& store, ListCache& lists) {
  router.get("/api/v1/contacts", Access::internal,
             [&store, &lists](const Request& request, Response& response, const PathParams&) {
               lists.answer(request, response, {"contacts"},
                            [&] { list_contacts(store, request, response); });
             });
}

}  // namespace gep::http
