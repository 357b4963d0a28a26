#include "portal/access.h"

#include <algorithm>

#include "portal/tokens.h"

namespace gep::portal {
namespace {

// Writing last_seen on every request would turn each page view into a write; a minute of slack
// in the idle expiry is harmless.
constexpr int64_t kTouchEverySeconds = 60;

Unexpected<Error> invalid_link() {
  return fail(std::string(kInvalidLink), "this sign-in link is invalid or has expired");
}

}  // namespace

Result<IssuedLink> PortalAccess::issue_link(std::string_view contact_jnid, std::string_view email,
                                            std::string_view created_by,
                                            std::optional<int64_t> ttl_seconds) {
  if (contact_jnid.empty()) return fail("validation", "a magic link needs a contact");
  const int64_t ttl = ttl_seconds.value_or(settings_.link_ttl_seconds);
  if (ttl <= 0) return fail("validation", "a magic link needs a positive lifetime");
  IssuedLink issued;
  issued.token = new_token();
  MagicLink link;
  link.token_hash = token_hash(issued.token);
  link.contact_jnid = std::string(contact_jnid);
  link.email = std::string(email);
  link.created_by = std::string(created_by);
  link.created_at = now();
  link.expires_at = link.created_at + ttl;
  auto id = links_.insert(link);
  if (!id) return fail(id.error());
  issued.id = *id;
  issued.expires_at = link.expires_at;
  return issued;
}

Result<OpenedSession> PortalAccess::sign_in(std::string_view link_token) {
  if (!looks_like_token(link_token)) return invalid_link();
  const int64_t at = now();
  auto redeemed = links_.redeem(token_hash(link_token), at);
  if (!redeemed) return fail(redeemed.error());
  if (!redeemed->has_value()) return invalid_link();
  OpenedSession opened;
  opened.token = new_token();
  PortalSession& session = opened.session;
  session.id = token_hash(opened.token);
  session.contact_jnid = (*redeemed)->contact_jnid;
  session.magic_link_id = (*redeemed)->id;
  session.created_at = at;
  session.last_seen_at = at;
  session.absolute_expires_at = at + settings_.session_absolute_seconds;
  session.idle_expires_at =
      std::min(at + settings_.session_idle_seconds, session.absolute_expires_at);
  if (auto stored = sessions_.insert(session); !stored) return fail(stored.error());
  return opened;
}

Result<std::optional<PortalSession>> PortalAccess::session(std::string_view session_token,
                                                           bool touch) {
  if (!looks_like_token(session_token)) return std::optional<PortalSession>();
  auto found = sessions_.find(token_hash(session_token));
  if (!found) return fail(found.error());
  if (!found->has_value()) return std::optional<PortalSession>();
  PortalSession session = **found;
  const int64_t at = now();
  if (session.revoked_at || at >= session.idle_expires_at || at >= session.absolute_expires_at) {
    return std::optional<PortalSession>();
  }
  if (touch && at - session.last_seen_at >= kTouchEverySeconds) {
    session.last_seen_at = at;
    session.idle_expires_at =
        std::min(at + settings_.session_idle_seconds, session.absolute_expires_at);
    if (auto touched = sessions_.touch(session.id, session.last_seen_at, session.idle_expires_at);
        !touched) {
      return fail(touched.error());
    }
  }
  return std::optional<PortalSession>(std::move(session));
}

Status PortalAccess::sign_out(std::string_view session_token) {
  if (!looks_like_token(session_token)) return {};
  auto revoked = sessions_.revoke(token_hash(session_token), now());
  if (!revoked) return fail(revoked.error());
  return {};
}

}  // namespace gep::portal
