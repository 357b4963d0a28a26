#include "portal/invitations.h"

#include "portal/invite_mail.h"

namespace gep::portal {

std::string login_link(std::string_view base_url, std::string_view token) {
  std::string base(base_url);
  while (!base.empty() && base.back() == '/') base.pop_back();
  // Tokens are base64url: safe in a query string as they are.
  return base + "/portal/login?token=" + std::string(token);
}

bool is_mailable_address(std::string_view address) {
  // The address comes from JobNimbus, where anyone who edits a contact can type anything; it
  // goes into the SMTP envelope (RCPT TO:<...>) as it is, so nothing that could end or extend
  // that command may pass.
  if (address.empty() || address.size() > 254) return false;
  const auto at = address.find('@');
  if (at == 0 || at == std::string_view::npos || at + 1 == address.size()) return false;
  if (address.find('@', at + 1) != std::string_view::npos) return false;
  for (const char c : address) {
    const auto code = static_cast<unsigned char>(c);
    if (code <= 0x20 || code == 0x7f ||
        std::string_view("<>,\"\\;()[]").find(c) != std::string_view::npos) {
      return false;
    }
  }
  return true;
}

Result<Invitation> invite(PortalService& portal, PortalAccess& access, Mailer* mailer,
                          const InviteRequest& request) {
  auto contact = portal.find_contact(request.contact_key);
  if (!contact) return fail(contact.error());
  // Checked before a link exists: a link that is never sent should not be valid.
  if (mailer != nullptr && contact->email.empty()) {
    return fail("no_email", "contact " + contact->jnid + " has no e-mail address");
  }
  if (mailer != nullptr && !is_mailable_address(contact->email)) {
    return fail("no_email", "contact " + contact->jnid + " has no usable e-mail address");
  }
  auto issued =
      access.issue_link(contact->jnid, contact->email, request.created_by, request.ttl_seconds);
  if (!issued) return fail(issued.error());
  Invitation invitation;
  invitation.contact_jnid = contact->jnid;
  invitation.email = contact->email;
  invitation.link = login_link(request.base_url, issued->token);
  invitation.expires_at = issued->expires_at;
  if (mailer == nullptr) return invitation;
  InviteMailInput mail;
  mail.to = contact->email;
  mail.contact_name = contact->first_name.empty() ? contact->display_name : contact->first_name;
  mail.link = invitation.link;
  mail.valid_minutes =
      request.ttl_seconds.value_or(access.settings().link_ttl_seconds) / int64_t{60};
  mail.company = portal.settings().company;
  mail.from = request.from;
  if (auto sent = mailer->send(compose_invite_mail(mail)); !sent) {
    return fail("mail", "sending the invitation failed: " + sent.error().message);
  }
  invitation.mailed = true;
  return invitation;
}

}  // namespace gep::portal
