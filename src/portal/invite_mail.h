#pragma once
// The invitation mail: a plain-text and an HTML body with the sign-in link. Every value the HTML
// shows is escaped.
#include <cstdint>
#include <string>

#include "portal/mailer.h"
#include "portal/settings.h"

namespace gep::portal {

struct InviteMailInput {
  std::string to;
  std::string contact_name;  // greeting; may be empty
  std::string link;          // ${PORTAL_BASE_URL}/portal/login?token=...
  int64_t valid_minutes = 0;
  CompanyContact company;
  std::string from;
};

MailMessage compose_invite_mail(const InviteMailInput& input);

}  // namespace gep::portal
