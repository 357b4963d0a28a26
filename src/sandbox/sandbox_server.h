#pragma once
// gep sandbox: a local JobNimbus stand-in for tests, the demo and benchmarks (see README.md).
//
//   gep::sandbox::SandboxOptions options;        // port 0: a free port
//   options.jobs = 25'000;
//   gep::sandbox::SandboxServer sandbox(options);
//   if (auto started = sandbox.start(); !started) { ... started.error().message ... }
//   client.base_url = sandbox.base_url();        // "http://127.0.0.1:PORT/api1"
//   sandbox.state().mutate({.job_updates = 100}); // what other users do meanwhile
//   sandbox.state().write_count("POST /activities");
//   sandbox.traffic().force(FaultKind::drop_after_write, "POST", "/api1/activities", 1);
//
// The JobNimbus API (/api1, facts file shapes and limits):
//   GET  /jobs /contacts /tasks /activities /files   list: size, from, sort_field, sort_direction,
//                                                   fields, filter (ES
//                                                   bool/term/terms/range/exists)
//   GET  /jobs/{jnid} /contacts/{jnid} /tasks/{jnid} /activities/{jnid}
//   GET  /files/{jnid}            302 to /sandbox-files/{jnid}?expires=..&signature=.. (no key)
//   GET  /account/settings        workflows with statuses
//   POST /activities /tasks /files, PUT /jobs/{jnid} /contacts/{jnid}   (logged writes)
// The control API (/sandbox, same bearer key; never faulted, limited or counted):
//   GET  /sandbox/health | /sandbox/stats | /sandbox/settings | /sandbox/writes?after=&endpoint=
//   PUT  /sandbox/settings {rate_limit, fault_rate, latency_ms, retry_after}
//   POST /sandbox/stats/reset, POST|DELETE /sandbox/faults {kind, method, path, count}
//   POST /sandbox/{kind} {fields}, PUT|DELETE /sandbox/{kind}/{jnid}, POST .../{jnid}/restore
//   POST /sandbox/jobs/{jnid}/files {count, record_type, kind}, POST /sandbox/touch, /mutate
//   GET  /sandbox/dump/{kind}?fields=&include_deleted=1, GET /sandbox/ids/{kind}, POST
//   /sandbox/save
#include <cstdint>
#include <memory>
#include <string>
#include <thread>

#include "core/clock.h"
#include "core/result.h"
#include "net/route_table.h"
#include "net/server.h"
#include "sandbox/sandbox_options.h"
#include "sandbox/sandbox_state.h"
#include "sandbox/traffic.h"

namespace gep::sandbox {

struct RouteContext;

class SandboxServer {
 public:
  explicit SandboxServer(SandboxOptions options);
  ~SandboxServer();
  SandboxServer(const SandboxServer&) = delete;
  SandboxServer& operator=(const SandboxServer&) = delete;

  // Loads --state (when the file exists) or generates the seeded account, binds (port 0 picks
  // a free port) and serves on a background thread; returns once listening.
  Status start();
  // Stops serving (requests in flight finish) and saves --state. Safe to call twice.
  void stop();
  // Saves --state now, if one is configured.
  Status save() const;

  uint16_t port() const { return port_; }
  std::string root_url() const;  // "http://127.0.0.1:PORT"
  std::string base_url() const;  // "http://127.0.0.1:PORT/api1"
  const std::string& api_key() const { return options_.api_key; }
  const SandboxOptions& options() const { return options_; }
  double generation_seconds() const { return generation_seconds_; }

  // The account and the traffic shaping, for tests and benchmarks that drive them directly.
  SandboxState& state() { return *state_; }
  Traffic& traffic() { return *traffic_; }

 private:
  SandboxOptions options_;
  SystemClock system_clock_;
  Clock& clock_;
  std::unique_ptr<SandboxState> state_;
  std::unique_ptr<Traffic> traffic_;
  static net::ServerLimits server_limits(const SandboxOptions& options);
  net::ServerHooks server_hooks();

  net::RouteTable routes_;
  std::unique_ptr<net::Server> server_;
  std::unique_ptr<RouteContext> context_;
  std::thread thread_;
  uint16_t port_ = 0;
  bool running_ = false;
  double generation_seconds_ = 0;
};

}  // namespace gep::sandbox
