#include "app/smtp_mailer.h"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "core/secrets.h"
#include "core/url.h"
#include "portal/mime_message.h"

namespace gep::app {
namespace {

struct Upload {
  const std::string& data;
  size_t sent = 0;
};

size_t read_upload(char* buffer, size_t size, size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const size_t room = size * count;
  const size_t chunk = std::min(room, upload->data.size() - upload->sent);
  std::memcpy(buffer, upload->data.data() + upload->sent, chunk);
  upload->sent += chunk;
  return chunk;
}

// A password never crosses the network in clear: STARTTLS is required unless the server is on
// this machine (a local relay or the test suite's server).
long tls_requirement(const std::string& smtp_url) {
  const auto url = parse_url(smtp_url);
  const bool has_password = url && !url->password.empty();
  const bool local = url && is_loopback_host(url->host);
  return static_cast<long>(has_password && !local ? CURLUSESSL_ALL : CURLUSESSL_TRY);
}

struct CurlDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct ListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

}  // namespace

Status SmtpMailer::send(const portal::MailMessage& message) {
  const std::string mime = portal::render_mime(message, to_unix_seconds(clock_.now()),
                                               portal::new_message_id(message.from));
  std::unique_ptr<CURL, CurlDeleter> handle(curl_easy_init());
  if (!handle) return fail("mail", "cannot create a curl handle");
  const std::string from = "<" + message.from + ">";
  const std::string to = "<" + message.to + ">";
  std::unique_ptr<curl_slist, ListDeleter> recipients(curl_slist_append(nullptr, to.c_str()));
  Upload upload{mime};
  CURL* curl = handle.get();
  curl_easy_setopt(curl, CURLOPT_URL, url_.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_USE_SSL, tls_requirement(url_));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeout_ms_);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  const CURLcode code = curl_easy_perform(curl);
  if (code != CURLE_OK) {
    // curl_easy_strerror names the failure class only; scrubbed anyway, it never shows the URL.
    return fail("mail", SecretRegistry::scrub(std::string("SMTP: ") + curl_easy_strerror(code)));
  }
  return {};
}

}  // namespace gep::app
