#pragma once
// A plain HTTP/1.1 client for tests: keep-alive, one request at a time, written from the client
// side of Boost.Beast so it shares no code with gep's server. A failed request (refused,
// dropped, cut short) is an empty HttpResult.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "net/message.h"

namespace gep::testing {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpResponse {
  int status = 0;
  net::Headers headers;
  std::string body;

  bool has_header(const std::string& name) const { return headers.find(name) != headers.end(); }
  std::string get_header_value(const std::string& name, size_t index = 0) const;
  size_t get_header_value_count(const std::string& name) const { return headers.count(name); }
};

class HttpResult {
 public:
  HttpResult() = default;
  explicit HttpResult(HttpResponse response) : response_(std::move(response)) {}
  explicit operator bool() const { return response_.has_value(); }
  const HttpResponse* operator->() const { return &*response_; }
  const HttpResponse& operator*() const { return *response_; }
  HttpResponse* operator->() { return &*response_; }
  HttpResponse& value() { return *response_; }

 private:
  std::optional<HttpResponse> response_;
};

struct MultipartItem {
  std::string name;
  std::string content;
  std::string filename;
  std::string content_type;
};
using MultipartItems = std::vector<MultipartItem>;

class HttpClient {
 public:
  HttpClient(std::string host, uint16_t port);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;
  HttpClient(HttpClient&& other) noexcept;
  HttpClient& operator=(HttpClient&& other) noexcept;

  void set_default_headers(HttpHeaders headers) { default_headers_ = std::move(headers); }
  void set_read_timeout(int64_t seconds, int64_t microseconds = 0);
  void set_keep_alive(bool keep) { keep_alive_ = keep; }

  HttpResult Get(const std::string& path, const HttpHeaders& headers = {});
  // The body as it arrives (also when the connection ends before it is complete).
  HttpResult Get(const std::string& path,
                 const std::function<bool(const char* data, size_t length)>& receiver);
  HttpResult Post(const std::string& path, const std::string& body,
                  const std::string& content_type);
  HttpResult Post(const std::string& path, const HttpHeaders& headers, const std::string& body,
                  const std::string& content_type);
  HttpResult Post(const std::string& path, const HttpHeaders& headers, const MultipartItems& items);
  HttpResult Put(const std::string& path, const std::string& body, const std::string& content_type);
  HttpResult Put(const std::string& path, const HttpHeaders& headers, const std::string& body,
                 const std::string& content_type);
  HttpResult Delete(const std::string& path, const HttpHeaders& headers = {});

  // Any method, any headers; `body` is sent with Content-Length when `with_body`.
  HttpResult send(const std::string& method, const std::string& path, const HttpHeaders& headers,
                  const std::string& body, bool with_body, std::string* partial_body = nullptr);

 private:
  struct Connection;
  bool connect();
  bool connection_is_open() const;
  std::string host_;
  uint16_t port_;
  HttpHeaders default_headers_;
  std::chrono::milliseconds read_timeout_{30'000};
  bool keep_alive_ = true;
  std::unique_ptr<Connection> connection_;
};

}  // namespace gep::testing
