#include "portal/invite_mail.h"

#include "portal/html.h"

namespace gep::portal {
namespace {

std::string company_name(const CompanyContact& company) {
  return company.name.empty() ? "Your solar installer" : company.name;
}

std::string contact_lines(const CompanyContact& company) {
  std::string lines;
  if (!company.phone.empty()) lines += "Phone: " + company.phone + "\n";
  if (!company.email.empty()) lines += "E-mail: " + company.email + "\n";
  return lines;
}

}  // namespace

MailMessage compose_invite_mail(const InviteMailInput& input) {
  const std::string company = company_name(input.company);
  const std::string greeting =
      input.contact_name.empty() ? "Hello," : "Hello " + input.contact_name + ",";
  const std::string validity = std::to_string(input.valid_minutes) + " minutes";
  MailMessage message;
  message.from = input.from;
  message.from_name = company;
  message.to = input.to;
  message.subject = "Your project portal sign-in link";
  message.text_body = greeting +
                      "\n\nFollow this link to see your project's progress, photos and "
                      "documents:\n\n" +
                      input.link + "\n\nThe link works once and expires in " + validity +
                      ". If you did not expect this message, you can ignore it.\n\n" + company +
                      "\n" + contact_lines(input.company);
  std::string html = "<!doctype html><html><body style=\"font-family:sans-serif\">";
  html += "<p>" + html_escape(greeting) + "</p>";
  html += "<p>Follow this link to see your project's progress, photos and documents:</p>";
  html += "<p><a href=\"" + html_escape(input.link) + "\">Open my project portal</a></p>";
  html += "<p>The link works once and expires in " + html_escape(validity) +
          ". If you did not expect this message, you can ignore it.</p>";
  html += "<p>" + html_escape(company);
  if (!input.company.phone.empty()) html += "<br>Phone: " + html_escape(input.company.phone);
  if (!input.company.email.empty()) html += "<br>E-mail: " + html_escape(input.company.email);
  html += "</p></body></html>";
  message.html_body = std::move(html);
  return message;
}

}  // namespace gep::portal
