#include "sandbox/fault_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <string>

namespace gep::sandbox {
namespace {

// A socket stream with a read buffer (httplib reads request lines byte by byte) and the two
// ways of failing on purpose.
class FaultStream final : public httplib::Stream {
 public:
  enum class Mode { normal, drop, truncate };

  FaultStream(socket_t sock, time_t read_timeout_ms, time_t write_timeout_ms)
      : sock_(sock), read_timeout_ms_(read_timeout_ms), write_timeout_ms_(write_timeout_ms) {}

  void reset() {
    mode_ = Mode::normal;
    headers_sent_ = false;
    header_tail_.clear();
    body_budget_ = 0;
  }
  void drop() { mode_ = Mode::drop; }
  void truncate(size_t keep) {
    mode_ = Mode::truncate;
    body_budget_ = keep;
  }
  bool faulted() const { return mode_ != Mode::normal; }
  bool has_buffered() const { return buffer_begin_ < buffer_end_; }

  bool is_readable() const override { return has_buffered() || wait(POLLIN, read_timeout_ms_); }
  bool is_writable() const override {
    return mode_ != Mode::drop && wait(POLLOUT, write_timeout_ms_);
  }

  ssize_t read(char* ptr, size_t size) override {
    if (!has_buffered()) {
      if (!wait(POLLIN, read_timeout_ms_)) return -1;
      ssize_t n = 0;
      do {
        n = ::recv(sock_, buffer_, sizeof buffer_, 0);
      } while (n < 0 && errno == EINTR);
      if (n <= 0) return n;
      buffer_begin_ = 0;
      buffer_end_ = static_cast<size_t>(n);
    }
    const size_t count = std::min(size, buffer_end_ - buffer_begin_);
    std::memcpy(ptr, buffer_ + buffer_begin_, count);
    buffer_begin_ += count;
    return static_cast<ssize_t>(count);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (mode_ == Mode::drop) return -1;
    if (mode_ == Mode::truncate) return write_truncated(ptr, size);
    return send_all(ptr, size);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    address_of(false, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    address_of(true, ip, port);
  }
  socket_t socket() const override { return sock_; }

 private:
  bool wait(short events, time_t timeout_ms) const {
    pollfd fd{sock_, events, 0};
    int ready = 0;
    do {
      ready = ::poll(&fd, 1, static_cast<int>(timeout_ms));
    } while (ready < 0 && errno == EINTR);
    return ready > 0 && (fd.revents & (events | POLLHUP | POLLERR)) != 0;
  }

  ssize_t send_all(const char* ptr, size_t size) {
    size_t sent = 0;
    while (sent < size) {
      if (!wait(POLLOUT, write_timeout_ms_)) return -1;
      const ssize_t n = ::send(sock_, ptr + sent, size - sent, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return -1;
      sent += static_cast<size_t>(n);
    }
    return static_cast<ssize_t>(size);
  }

  // Headers pass whole; of the body only the budget, then the write fails and httplib closes.
  ssize_t write_truncated(const char* ptr, size_t size) {
    size_t offset = 0;
    if (!headers_sent_) {
      header_tail_.append(ptr, size);
      const size_t end = header_tail_.find("\r\n\r\n");
      if (end == std::string::npos) return send_all(ptr, size);
      headers_sent_ = true;
      offset = size - (header_tail_.size() - (end + 4));
      if (send_all(ptr, offset) < 0) return -1;
    }
    const size_t body = size - offset;
    const size_t allowed = std::min(body, body_budget_);
    if (allowed > 0 && send_all(ptr + offset, allowed) < 0) return -1;
    body_budget_ -= allowed;
    if (allowed < body) return -1;
    return static_cast<ssize_t>(size);
  }

  void address_of(bool local, std::string& ip, int& port) const {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    auto* generic = reinterpret_cast<sockaddr*>(&address);
    const int rc =
        local ? ::getsockname(sock_, generic, &length) : ::getpeername(sock_, generic, &length);
    if (rc != 0) return;
    char text[INET6_ADDRSTRLEN] = {};
    if (address.ss_family == AF_INET) {
      const auto* v4 = reinterpret_cast<const sockaddr_in*>(&address);
      ::inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text);
      port = ntohs(v4->sin_port);
    } else if (address.ss_family == AF_INET6) {
      const auto* v6 = reinterpret_cast<const sockaddr_in6*>(&address);
      ::inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof text);
      port = ntohs(v6->sin6_port);
    }
    ip = text;
  }

  socket_t sock_;
  time_t read_timeout_ms_;
  time_t write_timeout_ms_;
  char buffer_[16 * 1024];
  size_t buffer_begin_ = 0;
  size_t buffer_end_ = 0;
  Mode mode_ = Mode::normal;
  bool headers_sent_ = false;
  std::string header_tail_;
  size_t body_budget_ = 0;
};

thread_local FaultStream* current_stream = nullptr;

}  // namespace

void FaultServer::drop_connection() {
  if (current_stream != nullptr) current_stream->drop();
}

void FaultServer::truncate_body(size_t keep) {
  if (current_stream != nullptr) current_stream->truncate(keep);
}

bool FaultServer::process_and_close_socket(socket_t sock) {
  const int on = 1;
  ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
  const auto to_ms = [](time_t sec, time_t usec) { return sec * 1000 + usec / 1000; };
  FaultStream stream(sock, to_ms(read_timeout_sec_, read_timeout_usec_),
                     to_ms(write_timeout_sec_, write_timeout_usec_));
  bool ok = false;
  size_t remaining = keep_alive_max_count_;
  const auto idle_limit = std::chrono::seconds(keep_alive_timeout_sec_);
  while (remaining > 0) {
    // Wait for the next request in short slices, so that a stopping server is noticed quickly.
    const auto idle_since = std::chrono::steady_clock::now();
    bool ready = stream.has_buffered();
    while (!ready && svr_sock_ != INVALID_SOCKET &&
           std::chrono::steady_clock::now() - idle_since < idle_limit) {
      pollfd fd{sock, POLLIN, 0};
      const int polled = ::poll(&fd, 1, 50);
      if (polled < 0 && errno != EINTR) break;
      ready = polled > 0;
    }
    if (!ready || svr_sock_ == INVALID_SOCKET) break;
    stream.reset();
    current_stream = &stream;
    bool connection_closed = false;
    ok = process_request(stream, remaining == 1, connection_closed, [](httplib::Request& request) {
      // Compressing a 1 MB page would cost more than serving it; the API answers identity.
      request.headers.erase("Accept-Encoding");
    });
    current_stream = nullptr;
    if (!ok || connection_closed || stream.faulted()) break;
    --remaining;
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ok;
}

}  // namespace gep::sandbox
