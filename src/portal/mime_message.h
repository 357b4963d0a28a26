#pragma once
// RFC 5322 / MIME rendering of a MailMessage: multipart/alternative with text/plain and text/html
// parts (base64, so long lines and any UTF-8 survive every relay), Date and Message-ID headers.
// Header values are stripped of CR/LF (no header injection) and non-ASCII ones are encoded words.
#include <cstdint>
#include <string>
#include <string_view>

#include "portal/mailer.h"

namespace gep::portal {

// "<random@domain>" where domain is the part of `from` after '@'.
std::string new_message_id(std::string_view from);

std::string render_mime(const MailMessage& message, int64_t date, std::string_view message_id);

// RFC 5322 date: "Sun, 29 Nov 2026 12:01:08 +0000".
std::string rfc5322_date(int64_t unix_seconds);

}  // namespace gep::portal
