#pragma once
// The page behind a magic link. Mail scanners and link previews fetch GET links, so opening the
// link must not redeem it: the page only shows a button whose form POSTs the token to
// /api/v1/portal/session. No script; every value escaped.
#include <string>
#include <string_view>

namespace gep::portal {

inline constexpr std::string_view kSessionPath = "/api/v1/portal/session";

std::string render_login_page(std::string_view token, std::string_view company_name);

}  // namespace gep::portal
