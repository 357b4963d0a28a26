#include "http/json_response.h"

namespace gep::http {

void send_json(net::Response& response, int status, const nlohmann::json& body) {
  response.status = status;
  // Replace, not throw: invalid UTF-8 from upstream data must not fail the answer.
  response.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                       "application/json; charset=utf-8");
}

}  // namespace gep::http
