#pragma once
// Sending mail is the composition root's business (libcurl SMTP in src/app); the portal only
// says what to send.
#include <string>

#include "core/result.h"

namespace gep::portal {

struct MailMessage {
  std::string from;       // bare address: portal@example.com
  std::string from_name;  // display name, may be empty
  std::string to;         // bare address
  std::string subject;
  std::string text_body;
  std::string html_body;
};

class Mailer {
 public:
  virtual ~Mailer() = default;
  // Errors never contain credentials.
  virtual Status send(const MailMessage& message) = 0;
};

}  // namespace gep::portal
