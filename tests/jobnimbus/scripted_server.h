#pragma once
// A tiny HTTP/1.1 server on 127.0.0.1:0 for the client's "nock" tests. It speaks raw sockets so a
// test controls every byte: exact statuses and headers, a body cut short, a connection dropped
// after the request was read, an answer that comes too late. Replies are consumed in order from
// a queue; when the queue is empty a handler (if any) answers, else a 599.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace gep::testing {

struct RecordedRequest {
  std::string method;
  std::string target;                          // path and query as sent
  std::string path;                            // without the query
  std::map<std::string, std::string> query;    // decoded
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
};

struct ScriptedReply {
  std::string bytes;                   // written as is
  std::chrono::milliseconds delay{0};  // before writing (timeouts)
  bool close_after = false;            // close the connection after writing

  static ScriptedReply http(int status, std::string body,
                            std::vector<std::pair<std::string, std::string>> headers = {},
                            std::string content_type = "application/json");
  static ScriptedReply json(std::string body) { return http(200, std::move(body)); }
  // Reads the request, then closes without a byte of answer.
  static ScriptedReply drop();
  // Announces `body.size() + missing` bytes, sends `body`, then closes.
  static ScriptedReply truncated(std::string body, size_t missing);
};

class ScriptedServer {
 public:
  using Handler = std::function<ScriptedReply(const RecordedRequest&)>;

  ScriptedServer();
  ~ScriptedServer();
  ScriptedServer(const ScriptedServer&) = delete;
  ScriptedServer& operator=(const ScriptedServer&) = delete;

  void enqueue(ScriptedReply reply);
  void set_handler(Handler handler);
  uint16_t port() const { return port_; }
  std::string base_url() const;  // "http://127.0.0.1:PORT/api1"
  std::vector<RecordedRequest> requests() const;
  size_t request_count() const;
  size_t connection_count() const { return connections_.load(); }
  void stop();

 private:
  void accept_loop();
  void serve(int fd);
  ScriptedReply next_reply(const RecordedRequest& request);
  bool wait_or_stop(std::chrono::milliseconds delay);

  int listen_fd_ = -1;
  uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<size_t> connections_{0};
  mutable std::mutex mutex_;
  std::condition_variable stop_signal_;
  std::deque<ScriptedReply> queue_;
  Handler handler_;
  std::vector<RecordedRequest> requests_;
  std::vector<int> open_fds_;
  std::vector<std::thread> workers_;
  std::thread acceptor_;
};

// A port on which nothing listens (bound, then closed): connecting is refused.
uint16_t unused_port();

// Percent-decoding for query values.
std::string url_decode(std::string_view text);

}  // namespace gep::testing
