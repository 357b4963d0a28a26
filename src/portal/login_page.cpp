#include "portal/login_page.h"

#include "portal/html.h"

namespace gep::portal {

std::string render_login_page(std::string_view token, std::string_view company_name) {
  const std::string company = html_escape(company_name.empty() ? "Project portal" : company_name);
  std::string page =
      "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<meta name=\"referrer\" content=\"no-referrer\"><title>Sign in — " +
      company +
      "</title></head><body style=\"font-family:sans-serif;max-width:32rem;margin:3rem auto\">"
      "<h1>" +
      company + "</h1>";
  if (token.empty()) {
    page += "<p>This sign-in link is incomplete. Please open the link from your e-mail again.</p>";
  } else {
    page +=
        "<p>Sign in to see your project's progress, photos and documents.</p>"
        "<form method=\"post\" action=\"" +
        html_escape(kSessionPath) + "\"><input type=\"hidden\" name=\"token\" value=\"" +
        html_escape(token) + "\"><button type=\"submit\">Sign in</button></form>";
  }
  page += "</body></html>";
  return page;
}

}  // namespace gep::portal
