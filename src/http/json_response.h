#pragma once
// Every API answer is JSON; every 4xx/5xx uses one envelope: {"error":{"code":"…","message":"…"}}.
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

namespace gep::http {

void send_json(httplib::Response& response, int status, const nlohmann::json& body);
void send_error(httplib::Response& response, int status, const std::string& code,
                const std::string& message);

// The stable code for a status when a handler did not choose one ("not_found", ...).
std::string default_error_code(int status);

}  // namespace gep::http
