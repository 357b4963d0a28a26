#pragma once
// Customer sign-in: single-use magic links and server-side sessions.
//
// A link's token is redeemed once (the store marks it used atomically); the redemption opens a
// session whose own token lives only in the customer's cookie. A session ends at the first of:
// idle expiry (extended on use, never past the absolute expiry), absolute expiry, or sign-out.
// Every refusal of a link is the same error ("invalid_link"), so a caller cannot tell an unknown
// link from a used or expired one.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"
#include "portal/portal_store.h"
#include "portal/settings.h"

namespace gep::portal {

inline constexpr std::string_view kInvalidLink = "invalid_link";

struct IssuedLink {
  int64_t id = 0;
  std::string token;  // goes into the URL only; never stored or logged
  int64_t expires_at = 0;
};

struct OpenedSession {
  std::string token;  // for the cookie
  PortalSession session;
};

class PortalAccess {
 public:
  PortalAccess(MagicLinkRepository& links, PortalSessionRepository& sessions, const Clock& clock,
               AccessSettings settings)
      : links_(links), sessions_(sessions), clock_(clock), settings_(settings) {}

  // `ttl_seconds` overrides the configured lifetime (> 0).
  Result<IssuedLink> issue_link(std::string_view contact_jnid, std::string_view email,
                                std::string_view created_by,
                                std::optional<int64_t> ttl_seconds = std::nullopt);
  // Redeems the link and opens a session; kInvalidLink for anything but a fresh link.
  Result<OpenedSession> sign_in(std::string_view link_token);
  // The live session of a cookie token, or nullopt. `touch` extends its idle expiry.
  Result<std::optional<PortalSession>> session(std::string_view session_token, bool touch);
  // Revokes the cookie's session (a no-op for an unknown or ended one).
  Status sign_out(std::string_view session_token);

  const AccessSettings& settings() const { return settings_; }

 private:
  int64_t now() const { return to_unix_seconds(clock_.now()); }

  MagicLinkRepository& links_;
  PortalSessionRepository& sessions_;
  const Clock& clock_;
  AccessSettings settings_;
};

}  // namespace gep::portal
