#include "net/http_client.h"

#include <sys/socket.h>
#include <sys/time.h>
#include <cerrno>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace gep::testing {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

struct HttpClient::Connection {
  asio::io_context io;
  tcp::socket socket{io};
  beast::flat_buffer buffer;
};

std::string HttpResponse::get_header_value(const std::string& name, size_t index) const {
  auto [first, last] = headers.equal_range(name);
  for (size_t i = 0; first != last; ++first, ++i) {
    if (i == index) return first->second;
  }
  return "";
}

HttpClient::HttpClient(std::string host, uint16_t port) : host_(std::move(host)), port_(port) {}
HttpClient::~HttpClient() = default;
HttpClient::HttpClient(HttpClient&& other) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&& other) noexcept = default;

void HttpClient::set_read_timeout(int64_t seconds, int64_t microseconds) {
  read_timeout_ = std::chrono::milliseconds(seconds * 1000 + microseconds / 1000);
}

// A kept-alive connection the server has closed (idle timeout, request cap) reads as end of file
// before anything is sent on it; such a connection is replaced rather than failing the request.
// A request is never sent twice: a server that drops it is what fault tests look for.
bool HttpClient::connection_is_open() const {
  char byte = 0;
  const auto peeked =
      ::recv(connection_->socket.native_handle(), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  return peeked > 0 || (peeked < 0 && (errno == EAGAIN || errno == EWOULDBLOCK));
}

bool HttpClient::connect() {
  connection_ = std::make_unique<Connection>();
  const auto address = asio::ip::make_address(host_ == "localhost" ? "127.0.0.1" : host_);
  beast::error_code error;
  connection_->socket.connect(tcp::endpoint(address, port_), error);
  if (error) {
    connection_.reset();
    return false;
  }
  connection_->socket.set_option(tcp::no_delay(true));
  timeval timeout{};
  timeout.tv_sec = static_cast<time_t>(read_timeout_.count() / 1000);
  timeout.tv_usec = static_cast<suseconds_t>((read_timeout_.count() % 1000) * 1000);
  ::setsockopt(connection_->socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout,
               sizeof timeout);
  return true;
}

HttpResult HttpClient::send(const std::string& method, const std::string& path,
                            const HttpHeaders& headers, const std::string& body, bool with_body,
                            std::string* partial_body) {
  if (connection_ && !connection_is_open()) connection_.reset();
  if (!connection_ && !connect()) return {};
  bhttp::request<bhttp::string_body> request{bhttp::string_to_verb(method), path, 11};
  request.method_string(method);
  request.set(bhttp::field::host, host_ + ":" + std::to_string(port_));
  for (const auto& [name, value] : default_headers_) request.set(name, value);
  for (const auto& [name, value] : headers) request.set(name, value);
  if (with_body) {
    request.body() = body;
    request.prepare_payload();
  }
  request.keep_alive(keep_alive_);
  beast::error_code error;
  bhttp::write(connection_->socket, request, error);
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(std::numeric_limits<std::uint64_t>::max());
  parser.header_limit(1024 * 1024);
  if (!error) bhttp::read(connection_->socket, connection_->buffer, parser, error);
  if (error) {
    if (partial_body != nullptr) *partial_body = parser.get().body();
    connection_.reset();
    return {};
  }
  HttpResponse response;
  const auto& message = parser.get();
  response.status = static_cast<int>(message.result_int());
  for (const auto& field : message) {
    response.headers.emplace(std::string(field.name_string()), std::string(field.value()));
  }
  response.body = message.body();
  if (!message.keep_alive() || !keep_alive_) connection_.reset();
  return HttpResult(std::move(response));
}

HttpResult HttpClient::Get(const std::string& path, const HttpHeaders& headers) {
  return send("GET", path, headers, "", false);
}

HttpResult HttpClient::Get(const std::string& path,
                           const std::function<bool(const char*, size_t)>& receiver) {
  std::string partial;
  auto result = send("GET", path, {}, "", false, &partial);
  if (result) {
    receiver(result->body.data(), result->body.size());
  } else if (!partial.empty()) {
    receiver(partial.data(), partial.size());
  }
  return result;
}

HttpResult HttpClient::Post(const std::string& path, const std::string& body,
                            const std::string& content_type) {
  return Post(path, {}, body, content_type);
}

HttpResult HttpClient::Post(const std::string& path, const HttpHeaders& headers,
                            const std::string& body, const std::string& content_type) {
  HttpHeaders all = headers;
  all.emplace_back("Content-Type", content_type);
  return send("POST", path, all, body, true);
}

HttpResult HttpClient::Post(const std::string& path, const HttpHeaders& headers,
                            const MultipartItems& items) {
  const std::string boundary = "----gep-test-boundary-7MA4YWxkTrZu0gW";
  std::string body;
  for (const auto& item : items) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + item.name + "\"";
    if (!item.filename.empty()) body += "; filename=\"" + item.filename + "\"";
    body += "\r\n";
    if (!item.content_type.empty()) body += "Content-Type: " + item.content_type + "\r\n";
    body += "\r\n" + item.content + "\r\n";
  }
  body += "--" + boundary + "--\r\n";
  return Post(path, headers, body, "multipart/form-data; boundary=" + boundary);
}

HttpResult HttpClient::Put(const std::string& path, const std::string& body,
                           const std::string& content_type) {
  return Put(path, {}, body, content_type);
}

HttpResult HttpClient::Put(const std::string& path, const HttpHeaders& headers,
                           const std::string& body, const std::string& content_type) {
  HttpHeaders all = headers;
  all.emplace_back("Content-Type", content_type);
  return send("PUT", path, all, body, true);
}

HttpResult HttpClient::Delete(const std::string& path, const HttpHeaders& headers) {
  return send("DELETE", path, headers, "", true);
}

}  // namespace gep::testing
