#include "http/error_code.h"

#include <utility>

#include "core/logging.h"
#include "http/json_response.h"

namespace gep::http {
namespace {

// For each status, the code listed first is the one the server's own refusals use.
constexpr std::pair<ErrorCode, ErrorDescription> kTable[] = {
    {ErrorCode::bad_request, {400, "bad_request"}},
    {ErrorCode::validation, {400, "validation"}},
    {ErrorCode::invalid_body, {400, "invalid_body"}},
    {ErrorCode::invalid_job_id, {400, "invalid_job_id"}},
    {ErrorCode::invalid_panel_type, {400, "invalid_panel_type"}},
    {ErrorCode::unauthorized, {401, "unauthorized"}},
    {ErrorCode::invalid_credentials, {401, "invalid_credentials"}},
    {ErrorCode::invalid_link, {401, "invalid_link"}},
    {ErrorCode::token_expired, {401, "expired"}},
    {ErrorCode::token_invalid_signature, {401, "invalid_signature"}},
    {ErrorCode::token_malformed, {401, "malformed"}},
    {ErrorCode::token_unknown_job, {401, "unknown_job"}},
    {ErrorCode::token_wrong_audience, {401, "wrong_audience"}},
    {ErrorCode::forbidden, {403, "forbidden"}},
    {ErrorCode::csrf_failed, {403, "csrf_failed"}},
    {ErrorCode::cross_site, {403, "cross_site"}},
    {ErrorCode::not_found, {404, "not_found"}},
    {ErrorCode::request_timeout, {408, "request_timeout"}},
    {ErrorCode::conflict, {409, "conflict"}},
    {ErrorCode::sync_in_progress, {409, "sync_in_progress"}},
    {ErrorCode::not_dead, {409, "not_dead"}},
    {ErrorCode::job_deleted, {409, "job_deleted"}},
    {ErrorCode::length_required, {411, "length_required"}},
    {ErrorCode::payload_too_large, {413, "payload_too_large"}},
    {ErrorCode::unsupported_media_type, {415, "unsupported_media_type"}},
    {ErrorCode::job_not_synced, {422, "job_not_synced"}},
    {ErrorCode::too_many_attempts, {429, "too_many_attempts"}},
    {ErrorCode::headers_too_large, {431, "request_header_fields_too_large"}},
    {ErrorCode::internal_error, {500, "internal_error"}},
    {ErrorCode::database, {500, "database"}},
    {ErrorCode::bad_gateway, {502, "bad_gateway"}},
    {ErrorCode::service_unavailable, {503, "service_unavailable"}},
    {ErrorCode::unavailable, {503, "unavailable"}},
    {ErrorCode::jobnimbus_not_configured, {503, "jobnimbus_not_configured"}},
    {ErrorCode::webhooks_not_configured, {503, "webhooks_not_configured"}},
};

}  // namespace

ErrorDescription describe(ErrorCode code) {
  for (const auto& [key, description] : kTable) {
    if (key == code) return description;
  }
  return {500, "internal_error"};
}

ErrorCode error_code_for(std::string_view domain_code) {
  for (const auto& [key, description] : kTable) {
    if (description.code == domain_code) return key;
  }
  return ErrorCode::internal_error;
}

ErrorCode error_code_for_status(int status) {
  for (const auto& [key, description] : kTable) {
    if (description.status == status) return key;  // the first code listed for a status
  }
  return ErrorCode::internal_error;
}

void send_error(net::Response& response, ErrorCode code, const std::string& message) {
  const ErrorDescription description = describe(code);
  send_json(response, description.status,
            {{"error", {{"code", description.code}, {"message", message}}}});
}

void send_failure(net::Response& response, const Error& error) {
  const ErrorCode code = error_code_for(error.code);
  if (code == ErrorCode::internal_error || describe(code).status >= 500) {
    log::error("request failed: {}: {}", error.code, error.message);
    const ErrorCode shown = code == ErrorCode::internal_error ? ErrorCode::database : code;
    return send_error(response, shown, "the request could not be completed; see the server log");
  }
  send_error(response, code, error.message);
}

}  // namespace gep::http
