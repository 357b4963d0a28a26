#include "web/portal_pages.h"

#include "http/portal_routes.h"
#include "portal/portal_json.h"
#include "web/portal_views.h"

namespace gep::web {
namespace {

Data company_data(const portal::CompanyContact& company) {
  Data data;
  data.set("companyName", company.name.empty() ? std::string("your installer") : company.name);
  data.set("phone", company.phone);
  data.set("hasPhone", !company.phone.empty());
  data.set("email", company.email);
  data.set("hasEmail", !company.email.empty());
  return data;
}

void ask_for_a_link(const PortalPagesDeps& deps, http::Response& response, int status,
                    const std::string& heading, const std::string& message) {
  Data page = company_data(deps.company);
  page.set("heading", heading);
  page.set("message", message);
  deps.pages.send_customer(response, status, "portal_signed_out", page, heading);
}

// The contact of the request's portal session; nullopt with the page already written.
std::optional<std::string> signed_in_contact(const PortalPagesDeps& deps,
                                             const http::Request& request,
                                             http::Response& response) {
  const auto session = deps.access.session(http::cookie_value(request, http::kPortalCookie), true);
  if (!session) {
    deps.pages.send_customer_error(response, 503, "We cannot show your project right now",
                                   "Please try again in a few minutes.");
    return std::nullopt;
  }
  if (!session->has_value()) {
    ask_for_a_link(deps, response, 401, "Please sign in again",
                   "Your visit has ended, or you have not signed in on this device yet. Open the "
                   "link from your latest email, or ask us for a new one.");
    return std::nullopt;
  }
  return (*session)->contact_jnid;
}

void job_list(const PortalPagesDeps& deps, const http::Request& request, http::Response& response) {
  const auto contact = signed_in_contact(deps, request, response);
  if (!contact) return;
  const auto jobs = deps.service.jobs_for_contact(*contact);
  if (!jobs) {
    return deps.pages.send_customer_error(response, 503, "We cannot show your projects right now",
                                          "Please try again in a few minutes.");
  }
  List cards;
  for (const portal::PortalJobView& job : *jobs) {
    Data card = portal_job_view(job);
    card.set("href", "/portal/jobs/" + std::to_string(job.job_id));
    cards.push_back(card);
  }
  Data page = company_data(deps.company);
  page.set("jobs", cards);
  page.set("hasJobs", !jobs->empty());
  deps.pages.send_customer(response, 200, "portal_jobs", page, "Your projects");
}

void job_page(const PortalPagesDeps& deps, const http::Request& request, http::Response& response,
              const std::string& key) {
  const auto contact = signed_in_contact(deps, request, response);
  if (!contact) return;
  const auto view = deps.service.view_for_contact(key, *contact);
  if (!view) {
    return deps.pages.send_customer_error(response, 503, "We cannot show your project right now",
                                          "Please try again in a few minutes.");
  }
  if (!view->has_value()) {
    return deps.pages.send_customer_error(response, 404, "We could not find that project",
                                          "It may have been closed, or the address is not quite "
                                          "right. Go back to your projects to find it.");
  }
  const int64_t job_id = (**view).job_id;
  const auto path = [job_id](const portal::SharedFile& file) {
    return portal::download_path(job_id, file.id);
  };
  const SharedFileLinks links{
      [path](const portal::SharedFile& file) { return path(file) + "?w=320"; }, path};
  Data page = portal_job_view(**view, links);
  deps.pages.send_customer(response, 200, "portal_job", page, (**view).name);
}

}  // namespace

void add_portal_pages(http::Router& router, const PortalPagesDeps& deps) {
  router.get("/portal/", http::Access::open,
             [deps](const http::Request& request, http::Response& response,
                    const http::PathParams&) { job_list(deps, request, response); });
  router.get("/portal/jobs/:jobId", http::Access::open,
             [deps](const http::Request& request, http::Response& response,
                    const http::PathParams& params) {
               job_page(deps, request, response, params.at("jobId"));
             });
  router.get("/portal/link-expired", http::Access::open,
             [deps](const http::Request&, http::Response& response, const http::PathParams&) {
               ask_for_a_link(deps, response, 410, "This sign-in link has expired",
                              "Sign-in links work once and for a short time. Ask us for a new "
                              "one and we will email it to you.");
             });
}

}  // namespace gep::web
