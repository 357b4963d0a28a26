#include "jobnimbus/scripted_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace gep::testing {
namespace {

std::string reason_for(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 302:
      return "Found";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    default:
      return "Status";
  }
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t sent = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(sent));
  }
  return true;
}

// Reads more bytes into `buffer`; false on close, error or stop (polls so stop() is noticed).
bool read_more(int fd, std::string& buffer, const std::atomic<bool>& stopping) {
  while (!stopping.load()) {
    pollfd poll_fd{fd, POLLIN, 0};
    const int ready = ::poll(&poll_fd, 1, 50);
    if (ready < 0) return false;
    if (ready == 0) continue;
    char chunk[16384];
    const ssize_t got = ::recv(fd, chunk, sizeof chunk, 0);
    if (got <= 0) return false;
    buffer.append(chunk, static_cast<size_t>(got));
    return true;
  }
  return false;
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

RecordedRequest parse_head(std::string_view head) {
  RecordedRequest request;
  const size_t line_end = head.find("\r\n");
  const std::string_view request_line = head.substr(0, line_end);
  const size_t first_space = request_line.find(' ');
  const size_t second_space = request_line.find(' ', first_space + 1);
  request.method = std::string(request_line.substr(0, first_space));
  request.target =
      std::string(request_line.substr(first_space + 1, second_space - first_space - 1));
  const size_t question = request.target.find('?');
  request.path = request.target.substr(0, question);
  if (question != std::string::npos) {
    std::string_view query = std::string_view(request.target).substr(question + 1);
    while (!query.empty()) {
      const size_t amp = query.find('&');
      const std::string_view pair = query.substr(0, amp);
      const size_t equals = pair.find('=');
      request.query[url_decode(pair.substr(0, equals))] =
          equals == std::string_view::npos ? "" : url_decode(pair.substr(equals + 1));
      if (amp == std::string_view::npos) break;
      query.remove_prefix(amp + 1);
    }
  }
  size_t pos = line_end + 2;
  while (pos < head.size()) {
    const size_t end = head.find("\r\n", pos);
    const std::string_view line = head.substr(pos, end - pos);
    pos = end == std::string_view::npos ? head.size() : end + 2;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    request.headers[lower(std::string(line.substr(0, colon)))] = std::string(value);
  }
  return request;
}

}  // namespace

std::string url_decode(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      out.push_back(static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else if (text[i] == '+') {
      out.push_back(' ');
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

ScriptedReply ScriptedReply::http(int status, std::string body,
                                  std::vector<std::pair<std::string, std::string>> headers,
                                  std::string content_type) {
  std::string bytes = "HTTP/1.1 " + std::to_string(status) + " " + reason_for(status) + "\r\n";
  if (!content_type.empty()) bytes += "Content-Type: " + content_type + "\r\n";
  for (const auto& [name, value] : headers) bytes += name + ": " + value + "\r\n";
  bytes += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  return ScriptedReply{std::move(bytes), std::chrono::milliseconds{0}, false};
}

ScriptedReply ScriptedReply::drop() {
  return ScriptedReply{"", std::chrono::milliseconds{0}, true};
}

ScriptedReply ScriptedReply::truncated(std::string body, size_t missing) {
  std::string bytes = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                      std::to_string(body.size() + missing) + "\r\n\r\n" + body;
  return ScriptedReply{std::move(bytes), std::chrono::milliseconds{0}, true};
}

ScriptedServer::ScriptedServer() {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  if (listen_fd_ < 0) throw std::runtime_error("socket() failed");
  const int yes = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(listen_fd_, 64) != 0) {
    ::close(listen_fd_);
    throw std::runtime_error("bind/listen on 127.0.0.1:0 failed");
  }
  socklen_t length = sizeof address;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length);
  port_ = ntohs(address.sin_port);
  acceptor_ = std::thread([this] { accept_loop(); });
}

ScriptedServer::~ScriptedServer() {
  stop();
}

std::string ScriptedServer::base_url() const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/api1";
}

void ScriptedServer::enqueue(ScriptedReply reply) {
  const std::lock_guard lock(mutex_);
  queue_.push_back(std::move(reply));
}

void ScriptedServer::set_handler(Handler handler) {
  const std::lock_guard lock(mutex_);
  handler_ = std::move(handler);
}

std::vector<RecordedRequest> ScriptedServer::requests() const {
  const std::lock_guard lock(mutex_);
  return requests_;
}

size_t ScriptedServer::request_count() const {
  const std::lock_guard lock(mutex_);
  return requests_.size();
}

void ScriptedServer::stop() {
  if (stopping_.exchange(true)) return;
  stop_signal_.notify_all();
  if (acceptor_.joinable()) acceptor_.join();
  std::vector<std::thread> workers;
  {
    const std::lock_guard lock(mutex_);
    workers.swap(workers_);
  }
  for (auto& worker : workers) worker.join();
  ::close(listen_fd_);
}

void ScriptedServer::accept_loop() {
  while (!stopping_.load()) {
    pollfd poll_fd{listen_fd_, POLLIN, 0};
    if (::poll(&poll_fd, 1, 50) <= 0) continue;
    const int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    ++connections_;
    const std::lock_guard lock(mutex_);
    workers_.emplace_back([this, fd] { serve(fd); });
  }
}

ScriptedReply ScriptedServer::next_reply(const RecordedRequest& request) {
  std::unique_lock lock(mutex_);
  requests_.push_back(request);
  if (!queue_.empty()) {
    ScriptedReply reply = std::move(queue_.front());
    queue_.pop_front();
    return reply;
  }
  if (handler_) {
    const Handler handler = handler_;
    lock.unlock();
    return handler(request);
  }
  return ScriptedReply::http(599, "unscripted request", {}, "text/plain");
}

bool ScriptedServer::wait_or_stop(std::chrono::milliseconds delay) {
  std::unique_lock lock(mutex_);
  return !stop_signal_.wait_for(lock, delay, [this] { return stopping_.load(); });
}

void ScriptedServer::serve(int fd) {
  std::string buffer;
  while (!stopping_.load()) {
    size_t head_end = buffer.find("\r\n\r\n");
    while (head_end == std::string::npos) {
      if (!read_more(fd, buffer, stopping_)) {
        ::close(fd);
        return;
      }
      head_end = buffer.find("\r\n\r\n");
    }
    RecordedRequest request = parse_head(std::string_view(buffer).substr(0, head_end));
    size_t body_length = 0;
    if (const auto found = request.headers.find("content-length"); found != request.headers.end()) {
      body_length = std::stoul(found->second);
    }
    while (buffer.size() < head_end + 4 + body_length) {
      if (!read_more(fd, buffer, stopping_)) {
        ::close(fd);
        return;
      }
    }
    request.body = buffer.substr(head_end + 4, body_length);
    buffer.erase(0, head_end + 4 + body_length);

    const ScriptedReply reply = next_reply(request);
    if (reply.delay.count() > 0 && !wait_or_stop(reply.delay)) break;
    if (!write_all(fd, reply.bytes) || reply.close_after) break;
  }
  ::close(fd);
}

uint16_t unused_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

}  // namespace gep::testing
