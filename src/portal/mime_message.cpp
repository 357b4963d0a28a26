#include "portal/mime_message.h"

#include <array>
#include <cstdio>
#include <ctime>

#include "core/digest.h"
#include "core/secrets.h"

namespace gep::portal {
namespace {

std::string header_safe(std::string_view value) {
  std::string out;
  for (const char c : value) {
    if (c != '\r' && c != '\n') out += c;
  }
  return out;
}

bool is_ascii(std::string_view text) {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// An RFC 2047 encoded word for non-ASCII header text.
std::string header_text(std::string_view value) {
  const std::string safe = header_safe(value);
  if (is_ascii(safe)) return safe;
  return "=?UTF-8?B?" + base64_encode(safe) + "?=";
}

std::string mailbox(std::string_view name, std::string_view address) {
  const std::string bare = "<" + header_safe(address) + ">";
  if (name.empty()) return bare;
  std::string quoted;
  for (const char c : header_safe(name)) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return (is_ascii(quoted) ? "\"" + quoted + "\"" : header_text(name)) + " " + bare;
}

std::string base64_lines(std::string_view body) {
  const std::string encoded = base64_encode(body);
  std::string out;
  for (size_t i = 0; i < encoded.size(); i += 76) out += encoded.substr(i, 76) + "\r\n";
  return out;
}

std::string part(std::string_view boundary, std::string_view type, std::string_view body) {
  return "--" + std::string(boundary) + "\r\nContent-Type: " + std::string(type) +
         "; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + base64_lines(body);
}

}  // namespace

std::string rfc5322_date(int64_t unix_seconds) {
  static constexpr std::array<const char*, 7> kDays{"Sun", "Mon", "Tue", "Wed",
                                                    "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto seconds = static_cast<std::time_t>(unix_seconds);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  std::array<char, 48> text{};
  std::snprintf(text.data(), text.size(), "%s, %02d %s %04d %02d:%02d:%02d +0000",
                kDays.at(static_cast<size_t>(utc.tm_wday)), utc.tm_mday,
                kMonths.at(static_cast<size_t>(utc.tm_mon)), utc.tm_year + 1900, utc.tm_hour,
                utc.tm_min, utc.tm_sec);
  return text.data();
}

std::string new_message_id(std::string_view from) {
  const size_t at = from.rfind('@');
  const std::string domain =
      at == std::string_view::npos ? "gep.localhost" : header_safe(from.substr(at + 1));
  return "<" + random_hex(16) + "@" + domain + ">";
}

std::string render_mime(const MailMessage& message, int64_t date, std::string_view message_id) {
  const std::string boundary = "gep-" + random_hex(12);
  std::string out;
  out += "Date: " + rfc5322_date(date) + "\r\n";
  out += "From: " + mailbox(message.from_name, message.from) + "\r\n";
  out += "To: " + mailbox("", message.to) + "\r\n";
  out += "Subject: " + header_text(message.subject) + "\r\n";
  out += "Message-ID: " + header_safe(message_id) + "\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n";
  out += part(boundary, "text/plain", message.text_body);
  out += part(boundary, "text/html", message.html_body);
  out += "--" + boundary + "--\r\n";
  return out;
}

}  // namespace gep::portal
