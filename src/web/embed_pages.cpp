#include "web/embed_pages.h"

#include "domain/job_lookup.h"
#include "web/portal_views.h"
#include "web/qc_views.h"
#include "web/risk_views.h"

namespace gep::web {
namespace {

void refuse(const Pages& pages, http::Response& response, const embed::Rejection& rejection) {
  switch (rejection.reason) {
    case embed::TokenRejection::expired:
      return pages.send_panel_error(response, 401, "This panel has expired",
                                    "Panel links last a short while. Reopen the panel from the "
                                    "job in JobNimbus.");
    case embed::TokenRejection::unknown_job:
      return pages.send_panel_error(response, 404, "This job is no longer here",
                                    "The job was deleted, or it is not in gep yet. Reopen the "
                                    "panel from the job in JobNimbus.");
    case embed::TokenRejection::unavailable:
      return pages.send_panel_error(response, 503, "The panel is unavailable",
                                    "gep cannot check this link right now. Try again in a "
                                    "moment.");
    case embed::TokenRejection::invalid_signature:
    case embed::TokenRejection::malformed:
    case embed::TokenRejection::wrong_audience:
      break;
  }
  pages.send_panel_error(response, 401, "This link is not valid",
                         "It was not made for this panel, or it was changed. Reopen the panel "
                         "from the job in JobNimbus.");
}

void unavailable(const Pages& pages, http::Response& response) {
  pages.send_panel_error(response, 503, "The panel is unavailable",
                         "The job could not be read right now. Try again in a moment.");
}

void show(const EmbedPagesDeps& deps, embed::PanelType panel, const domain::Job& job,
          const embed::EmbedSession& session, http::Response& response) {
  Result<Data> view = fail("internal", "no panel");
  const char* name = "embed_qc";
  std::string title = "Photo QC";
  // The panel's photos load through /media with a signature that expires with its token.
  const auto signed_thumbnail = [&deps, expires_at = session.expires_at](const int64_t file_id) {
    return deps.signed_links.path(file_id, 320, expires_at);
  };
  if (panel == embed::PanelType::qc) {
    view = qc_check_view(deps.store, job,
                         [&](const domain::File& photo) { return signed_thumbnail(photo.id); });
  } else if (panel == embed::PanelType::risk) {
    view = risk_detail_view(deps.store, deps.risk, job, to_unix_seconds(deps.clock.now()));
    name = "embed_risk";
    title = "Risk";
  } else {
    const auto portal = deps.portal.view(std::to_string(job.id));
    if (portal && !portal->has_value()) {
      return refuse(deps.pages, response, {embed::TokenRejection::unknown_job, ""});
    }
    view = portal ? Result<Data>(portal_job_view(**portal, {[&](const portal::SharedFile& photo) {
                                                              return signed_thumbnail(photo.id);
                                                            },
                                                            {}}))
                  : Result<Data>(fail(portal.error()));
    name = "embed_portal";
    title = "Your project";
  }
  if (!view) return unavailable(deps.pages, response);
  Data data = std::move(view).value();
  data.set("jobName", job.name);
  deps.pages.send_panel(response, 200, name, data, title, session.expires_at);
}

void panel_page(const EmbedPagesDeps& deps, embed::PanelType panel, const http::Request& request,
                http::Response& response) {
  const auto session = deps.links.resolve(request.get_param_value("token"), {std::nullopt, panel});
  if (!session) return refuse(deps.pages, response, session.error());
  const auto job = domain::find_job(deps.store.jobs(), session->job_id);
  if (!job) return unavailable(deps.pages, response);
  if (!job->has_value() || (*job)->deleted_at) {
    return refuse(deps.pages, response, {embed::TokenRejection::unknown_job, ""});
  }
  show(deps, panel, **job, *session, response);
}

}  // namespace

void add_embed_pages(http::Router& router, const EmbedPagesDeps& deps) {
  for (const auto panel :
       {embed::PanelType::qc, embed::PanelType::risk, embed::PanelType::portal}) {
    router.get(
        "/embed/" + std::string(embed::embed_path_segment(panel)), http::Access::open,
        [deps, panel](const http::Request& request, http::Response& response,
                      const http::PathParams&) { panel_page(deps, panel, request, response); });
  }
}

}  // namespace gep::web
