#pragma once
// Inviting a contact: a fresh magic link, mailed when a Mailer is configured (SMTP_URL), else
// handed back for the operator to pass on (development).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"
#include "portal/access.h"
#include "portal/mailer.h"
#include "portal/portal_service.h"

namespace gep::portal {

struct InviteRequest {
  std::string contact_key;  // jnid or e-mail
  std::optional<int64_t> ttl_seconds;
  std::string created_by;
  std::string base_url;  // PORTAL_BASE_URL
  std::string from;      // SMTP_FROM
};

struct Invitation {
  std::string contact_jnid;
  std::string email;
  std::string link;  // holds the token: print it only when it was not mailed
  int64_t expires_at = 0;
  bool mailed = false;
};

// ${base_url}/portal/login?token=...
std::string login_link(std::string_view base_url, std::string_view token);
// A plain addr-spec safe for the SMTP envelope: one '@', no spaces, controls or delimiters.
bool is_mailable_address(std::string_view address);

// Errors: not_found / ambiguous (contact), no_email (a mailer but no address), mail (sending).
Result<Invitation> invite(PortalService& portal, PortalAccess& access, Mailer* mailer,
                          const InviteRequest& request);

}  // namespace gep::portal
