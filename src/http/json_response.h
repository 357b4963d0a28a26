#pragma once
// Every API answer is JSON; errors go through error_code.h (one envelope, one table).
#include <nlohmann/json.hpp>

#include "http/error_code.h"
#include "net/message.h"

namespace gep::http {

void send_json(net::Response& response, int status, const nlohmann::json& body);

}  // namespace gep::http
