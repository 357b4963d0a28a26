#include "jobnimbus/curl_transport.h"

#include <curl/curl.h>
#include <fmt/format.h>

#include <strings.h>
#include <algorithm>
#include <charconv>

#include <cstring>

namespace gep::jobnimbus {
namespace {

// The JSON parser needs this many readable bytes past the end of a body; reserving them here
// saves it a copy of every page.
constexpr size_t kParserPadding = 64;

void global_init_once() {
  static std::once_flag flag;
  std::call_once(flag, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Transfer {
  HttpResponse response;
  size_t max_bytes = 0;
  bool too_large = false;
};

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == '\r' || text.back() == '\n' || text.back() == ' ' ||
                           text.back() == '\t')) {
    text.remove_suffix(1);
  }
  return text;
}

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const size_t bytes = size * count;
  if (transfer->response.body.size() + bytes > transfer->max_bytes) {
    transfer->too_large = true;
    return 0;  // makes curl fail with CURLE_WRITE_ERROR
  }
  transfer->response.body.append(data, bytes);
  return bytes;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const size_t bytes = size * count;
  const std::string_view line(data, bytes);
  if (line.rfind("HTTP/", 0) == 0) {
    transfer->response.headers.clear();  // a new response starts (e.g. after "100 Continue")
    return bytes;
  }
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return bytes;
  HttpHeader header{std::string(trim(line.substr(0, colon))),
                    std::string(trim(line.substr(colon + 1)))};
  if (strcasecmp(header.name.c_str(), "content-length") == 0) {
    size_t length = 0;
    const auto* end = header.value.data() + header.value.size();
    if (std::from_chars(header.value.data(), end, length).ec == std::errc{} &&
        length <= transfer->max_bytes) {
      transfer->response.body.reserve(length + kParserPadding);
    }
  }
  transfer->response.headers.push_back(std::move(header));
  return bytes;
}

TransportFailure failure_for(CURLcode code, CURL* handle, const char* detail) {
  TransportFailure failure;
  failure.message = detail[0] != '\0' ? fmt::format("{} ({})", curl_easy_strerror(code), detail)
                                      : std::string(curl_easy_strerror(code));
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
      failure.kind = TransportFailureKind::could_not_connect;
      failure.request_may_have_been_sent = false;
      break;
    case CURLE_OPERATION_TIMEDOUT: {
      failure.kind = TransportFailureKind::timeout;
      // Timed out while still connecting: no byte of the request can have been sent.
      curl_off_t connect_us = 0;
      long request_bytes = 0;  // NOLINT(google-runtime-int): curl's type
      curl_easy_getinfo(handle, CURLINFO_CONNECT_TIME_T, &connect_us);
      curl_easy_getinfo(handle, CURLINFO_REQUEST_SIZE, &request_bytes);
      failure.request_may_have_been_sent = connect_us > 0 || request_bytes > 0;
      break;
    }
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
      // The handshake precedes the request: nothing was sent.
      failure.kind = TransportFailureKind::tls;
      failure.request_may_have_been_sent = false;
      break;
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
      failure.kind = TransportFailureKind::other;
      failure.request_may_have_been_sent = false;
      break;
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_BAD_CONTENT_ENCODING:
      failure.kind = TransportFailureKind::connection_lost;
      break;
    default:
      failure.kind = TransportFailureKind::other;
      break;
  }
  return failure;
}

struct HeaderList {
  curl_slist* list = nullptr;
  HeaderList() = default;
  HeaderList(const HeaderList&) = delete;
  HeaderList& operator=(const HeaderList&) = delete;
  ~HeaderList() { curl_slist_free_all(list); }
  bool add(const std::string& line) {
    curl_slist* const next = curl_slist_append(list, line.c_str());
    if (next == nullptr) return false;
    list = next;
    return true;
  }
};

long to_curl_ms(std::chrono::milliseconds duration) {  // NOLINT(google-runtime-int)
  return static_cast<long>(duration.count());          // NOLINT(google-runtime-int)
}

}  // namespace

CurlTransport::CurlTransport(CurlTransportOptions options) : options_(std::move(options)) {
  global_init_once();
}

CurlTransport::~CurlTransport() {
  for (void* handle : idle_) curl_easy_cleanup(static_cast<CURL*>(handle));
}

void* CurlTransport::acquire_handle() {
  {
    const std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      void* handle = idle_.back();
      idle_.pop_back();
      return handle;
    }
  }
  return curl_easy_init();
}

void CurlTransport::release_handle(void* handle) {
  {
    const std::lock_guard lock(mutex_);
    if (idle_.size() < options_.max_idle_handles) {
      idle_.push_back(handle);
      return;
    }
  }
  curl_easy_cleanup(static_cast<CURL*>(handle));
}

Result<HttpResponse, TransportFailure> CurlTransport::send(const HttpRequest& request) {
  auto* const handle = static_cast<CURL*>(acquire_handle());
  if (handle == nullptr) {
    return fail(
        TransportFailure{TransportFailureKind::other, false, "cannot create a curl handle"});
  }
  // Reset options but keep the handle's live connections, DNS and TLS session caches.
  curl_easy_reset(handle);

  HeaderList headers;
  bool headers_ok = headers.add("Accept: application/json") && headers.add("Expect:");
  for (const auto& header : request.headers) {
    headers_ok = headers_ok && headers.add(header.name + ": " + header.value);
  }
  if (!headers_ok) {
    release_handle(handle);
    return fail(TransportFailure{TransportFailureKind::other, false, "out of memory for headers"});
  }

  Transfer transfer;
  transfer.max_bytes = options_.max_response_bytes;
  char error_detail[CURL_ERROR_SIZE] = {};

  curl_easy_setopt(handle, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR,
                   options_.allow_plain_http ? "http,https" : "https");
  curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(handle, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(handle, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);  // timeouts without SIGALRM: thread-safe
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, to_curl_ms(options_.connect_timeout));
  curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, to_curl_ms(options_.timeout));
  curl_easy_setopt(handle, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(handle, CURLOPT_ACCEPT_ENCODING, "");  // whatever curl can decode: pages shrink
  curl_easy_setopt(handle, CURLOPT_USERAGENT, options_.user_agent.c_str());
  curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers.list);
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, &on_body);
  curl_easy_setopt(handle, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, &on_header);
  curl_easy_setopt(handle, CURLOPT_HEADERDATA, &transfer);
  curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, error_detail);

  switch (request.method) {
    case HttpMethod::get:
      curl_easy_setopt(handle, CURLOPT_HTTPGET, 1L);
      break;
    case HttpMethod::post:
      // curl silently re-sends a request once when a reused keep-alive connection turns out to
      // be dead. Harmless for GET, a duplicate note for POST: writes always get a new connection.
      curl_easy_setopt(handle, CURLOPT_FRESH_CONNECT, 1L);
      [[fallthrough]];
    case HttpMethod::put:
      curl_easy_setopt(handle, CURLOPT_POST, 1L);
      curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE,
                       static_cast<curl_off_t>(request.body.size()));
      curl_easy_setopt(handle, CURLOPT_POSTFIELDS, request.body.data());
      if (request.method == HttpMethod::put) curl_easy_setopt(handle, CURLOPT_CUSTOMREQUEST, "PUT");
      break;
  }

  const CURLcode code = curl_easy_perform(handle);
  if (code != CURLE_OK) {
    TransportFailure failure = transfer.too_large
                                   ? TransportFailure{TransportFailureKind::other, true,
                                                      "the answer is larger than the allowed size"}
                                   : failure_for(code, handle, error_detail);
    release_handle(handle);
    return fail(std::move(failure));
  }
  long status = 0;  // NOLINT(google-runtime-int): curl's type
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
  release_handle(handle);
  transfer.response.status = static_cast<int>(status);
  transfer.response.body.reserve(transfer.response.body.size() + kParserPadding);
  return std::move(transfer.response);
}

}  // namespace gep::jobnimbus
