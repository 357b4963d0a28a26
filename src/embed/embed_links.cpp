#include "embed/embed_links.h"

namespace gep::embed {

EmbedLinkService::EmbedLinkService(const EmbedTokens& tokens, EmbedJobDirectory& jobs,
                                   std::string dashboard_base_url)
    : tokens_(tokens), jobs_(jobs), dashboard_base_url_(std::move(dashboard_base_url)) {
  while (!dashboard_base_url_.empty() && dashboard_base_url_.back() == '/') {
    dashboard_base_url_.pop_back();
  }
}

Result<EmbedLink> EmbedLinkService::create_link(const std::string& job_key,
                                                std::string_view panel_type) {
  const auto panel = parse_panel_type(panel_type);
  if (!panel) {
    return fail("validation", "panelType must be QC_PANEL, RISK_VIEW or CUSTOMER_PORTAL_VIEW");
  }
  if (job_key.empty()) return fail("validation", "jobId is required");
  const auto active = jobs_.is_active_job(job_key);
  if (!active) return fail(active.error());
  if (!*active) return fail("not_found", "no job " + job_key);
  auto issued = tokens_.issue(job_key, *panel);
  if (!issued) return fail(issued.error());
  // Tokens are base64url parts joined by dots: safe in a query string as they are.
  std::string url = dashboard_base_url_ + "/embed/" + std::string(embed_path_segment(*panel)) +
                    "?token=" + issued->token;
  return EmbedLink{std::move(url), *panel, job_key, issued->claims.expires_at};
}

Result<EmbedSession, Rejection> EmbedLinkService::resolve(std::string_view token,
                                                          const EmbedExpectation& expected) {
  auto claims = tokens_.verify(token);
  if (!claims) return fail(claims.error());
  if (expected.job_id && *expected.job_id != claims->job_id) {
    return fail(Rejection{TokenRejection::wrong_audience, "the token was issued for another job"});
  }
  if (expected.panel && *expected.panel != claims->panel) {
    return fail(
        Rejection{TokenRejection::wrong_audience, "the token was issued for another panel"});
  }
  const auto active = jobs_.is_active_job(claims->job_id);
  if (!active) {
    return fail(Rejection{TokenRejection::unavailable, "the job could not be checked"});
  }
  if (!*active) {
    return fail(Rejection{TokenRejection::unknown_job, "the token's job no longer exists"});
  }
  return EmbedSession{claims->job_id, claims->panel, claims->expires_at};
}

}  // namespace gep::embed
