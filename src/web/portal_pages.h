#pragma once
// The customer portal for homeowners (a magic-link session, cookie gep_portal):
//   GET /portal/               the customer's jobs
//   GET /portal/jobs/:id       one job: where the project is and what comes next, the timeline,
//                              the shared photos and documents, the company's contact
//   GET /portal/link-expired   a used or expired sign-in link: what happened, whom to ask
// Mobile-first and in plain language, with the company's name from PORTAL_COMPANY_NAME.
// Another customer's job is the same 404 page as a missing one. The pages read through the
// same PortalService calls as /api/v1/portal/jobs[/:jobId].
#include "http/router.h"
#include "portal/access.h"
#include "portal/portal_service.h"
#include "portal/settings.h"
#include "web/page_response.h"

namespace gep::web {

struct PortalPagesDeps {
  portal::PortalAccess& access;
  portal::PortalService& service;
  portal::CompanyContact company;
  const Pages& pages;
};

void add_portal_pages(http::Router& router, const PortalPagesDeps& deps);

}  // namespace gep::web
