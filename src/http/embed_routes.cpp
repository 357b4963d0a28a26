#include "http/embed_routes.h"

#include "core/json_input.h"
#include "core/logging.h"
#include "core/time_format.h"
#include "http/job_lookup.h"
#include "http/json_response.h"

namespace gep::http {
namespace {

ErrorCode rejection_code(embed::TokenRejection reason) {
  switch (reason) {
    case embed::TokenRejection::expired:
      return ErrorCode::token_expired;
    case embed::TokenRejection::invalid_signature:
      return ErrorCode::token_invalid_signature;
    case embed::TokenRejection::unknown_job:
      return ErrorCode::token_unknown_job;
    case embed::TokenRejection::wrong_audience:
      return ErrorCode::token_wrong_audience;
    case embed::TokenRejection::unavailable:
      return ErrorCode::unavailable;
    case embed::TokenRejection::malformed:
      break;
  }
  return ErrorCode::token_malformed;
}

class RepositoryJobDirectory final : public embed::EmbedJobDirectory {
 public:
  explicit RepositoryJobDirectory(domain::JobRepository& jobs) : jobs_(jobs) {}
  Result<bool> is_active_job(const std::string& job_key) override {
    const auto found = find_job(jobs_, job_key);
    if (!found) return fail(found.error());
    return found->has_value() && !(*found)->deleted_at;
  }

 private:
  domain::JobRepository& jobs_;
};

// jobId may be our numeric id as a JSON number; anything else must be a string.
std::optional<std::string> job_key_of(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return std::to_string(value.get<int64_t>());
  return std::nullopt;
}

void create_link(embed::EmbedLinkService& links, const Request& request, Response& response) {
  const auto body = parse_json_or_discarded(request.body);
  if (body.is_discarded() || !body.is_object()) {
    return send_error(response, ErrorCode::invalid_body,
                      "expected a JSON object {jobId, panelType}");
  }
  const auto job_key = body.contains("jobId") ? job_key_of(body["jobId"]) : std::nullopt;
  if (!job_key || job_key->empty()) {
    return send_error(response, ErrorCode::invalid_job_id, "jobId must be a non-empty string");
  }
  const auto panel = body.find("panelType");
  if (panel == body.end() || !panel->is_string()) {
    return send_error(response, ErrorCode::invalid_panel_type,
                      "panelType must be QC_PANEL, RISK_VIEW or CUSTOMER_PORTAL_VIEW");
  }
  const auto link = links.create_link(*job_key, panel->get<std::string>());
  if (!link) {
    const auto& error = link.error();
    if (error.code == "validation")
      return send_error(response, ErrorCode::invalid_panel_type, error.message);
    if (error.code == "not_found") return send_error(response, ErrorCode::not_found, error.message);
    log::error("embed link for job {} failed: {}", *job_key, error.message);
    return send_error(response, ErrorCode::internal_error, "the embed link could not be created");
  }
  send_json(response, 200,
            {{"url", link->url},
             {"panelType", std::string(embed::to_string(link->panel))},
             {"jobId", link->job_id},
             {"expiresAt", format_iso8601_seconds(link->expires_at)}});
}

void resolve_session(embed::EmbedLinkService& links, const Request& request, Response& response) {
  embed::EmbedExpectation expected;
  if (request.has_param("jobId")) expected.job_id = request.get_param_value("jobId");
  if (request.has_param("panelType")) {
    expected.panel = embed::parse_panel_type(request.get_param_value("panelType"));
    if (!expected.panel) {
      return send_error(response, ErrorCode::invalid_panel_type,
                        "panelType must be QC_PANEL, RISK_VIEW or CUSTOMER_PORTAL_VIEW");
    }
  }
  const auto session = links.resolve(request.get_param_value("token"), expected);
  if (!session) {
    const auto& rejection = session.error();
    return send_error(response, rejection_code(rejection.reason), rejection.message);
  }
  send_json(response, 200,
            {{"jobId", session->job_id},
             {"panelType", std::string(embed::to_string(session->panel))},
             {"exp", session->expires_at}});
}

}  // namespace

void add_embed_routes(Router& router, embed::EmbedLinkService& links) {
  router.post("/api/v1/embed/links", Access::internal,
              [&links](const Request& request, Response& response, const PathParams&) {
                create_link(links, request, response);
              });
  router.get("/api/v1/embed/session/resolve", Access::open,
             [&links](const Request& request, Response& response, const PathParams&) {
               resolve_session(links, request, response);
             });
}

std::unique_ptr<embed::EmbedJobDirectory> make_embed_job_directory(domain::JobRepository& jobs) {
  return std::make_unique<RepositoryJobDirectory>(jobs);
}

}  // namespace gep::http
