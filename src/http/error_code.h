#pragma once
// Every error gep answers over HTTP, and the one place that says its status and its code in the
// JSON envelope {"error":{"code":"…","message":"…"}}.
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "net/message.h"

namespace gep::http {

enum class ErrorCode {
  // 400
  bad_request,
  validation,
  invalid_body,
  invalid_job_id,
  invalid_panel_type,
  // 401
  unauthorized,
  invalid_credentials,
  invalid_link,
  token_expired,
  token_invalid_signature,
  token_malformed,
  token_unknown_job,
  token_wrong_audience,
  // 403
  forbidden,
  csrf_failed,
  cross_site,
  // 404, 408, 409, 411, 413, 415, 422, 429, 431
  not_found,
  request_timeout,
  conflict,
  sync_in_progress,
  not_dead,
  job_deleted,
  length_required,
  payload_too_large,
  unsupported_media_type,
  job_not_synced,
  too_many_attempts,
  headers_too_large,
  // 5xx
  internal_error,
  database,
  bad_gateway,
  unavailable,
  service_unavailable,
  jobnimbus_not_configured,
  webhooks_not_configured,
};

struct ErrorDescription {
  int status;
  std::string_view code;  // the envelope's "code"
};

ErrorDescription describe(ErrorCode code);
// The code a domain Error's code string names ("validation", "not_found", "job_deleted"…);
// anything unknown is internal_error.
ErrorCode error_code_for(std::string_view domain_code);
// The code the server uses for a status it answers on its own (413, 431…).
ErrorCode error_code_for_status(int status);

void send_error(net::Response& response, ErrorCode code, const std::string& message);
// A domain failure: its code decides the status; a code the table does not know is a 500 whose
// message is logged, not shown.
void send_failure(net::Response& response, const Error& error);

}  // namespace gep::http
