#pragma once
// portal::Mailer over libcurl's SMTP client. SMTP_URL is smtp://host[:port] (STARTTLS when the
// server offers it) or smtps://user:password@host[:port]; the password stays inside curl and never
// reaches an error or a log line.
#include <string>

#include "core/clock.h"
#include "portal/mailer.h"

namespace gep::app {

class SmtpMailer final : public portal::Mailer {
 public:
  SmtpMailer(std::string smtp_url, const Clock& clock, long timeout_ms = 30000)
      : url_(std::move(smtp_url)), clock_(clock), timeout_ms_(timeout_ms) {}

  Status send(const portal::MailMessage& message) override;

 private:
  std::string url_;
  const Clock& clock_;
  long timeout_ms_;
};

}  // namespace gep::app
