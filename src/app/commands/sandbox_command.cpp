// `gep sandbox`: a local JobNimbus stand-in (src/sandbox) for tests, the demo and benchmarks.
// Prints one line "sandbox: listening on http://HOST:PORT/api1" on stdout once it accepts
// requests (so a script can start it with --port 0 and read the port), runs until SIGINT or
// SIGTERM, then stops gracefully and saves --state.
#include <pthread.h>

#include <csignal>
#include <cstdio>
#include <memory>
#include <string>

#include "app/commands/commands.h"
#include "sandbox/sandbox_server.h"

namespace gep::app {
namespace {

struct SandboxFlags {
  sandbox::SandboxOptions options;
  int port = 0;
  std::string retry_after = "yes";
  std::string string_ranges = "honour";
  std::string string_sort = "honour";
  bool no_history = false;
};

int run_sandbox(SandboxFlags& flags) {
  sandbox::SandboxOptions options = flags.options;
  if (flags.port < 0 || flags.port > 65535) {
    std::fprintf(stderr, "gep sandbox: --port must be between 0 and 65535\n");
    return 2;
  }
  options.port = static_cast<uint16_t>(flags.port);
  options.status_history = !flags.no_history;
  const auto mode = sandbox::parse_retry_after_mode(flags.retry_after);
  if (!mode) {
    std::fprintf(stderr, "gep sandbox: %s\n", mode.error().message.c_str());
    return 2;
  }
  options.retry_after = *mode;
  const auto ranges = sandbox::parse_string_behaviour(flags.string_ranges, "--string-ranges");
  const auto sort = sandbox::parse_string_behaviour(flags.string_sort, "--string-sort");
  for (const auto* parsed : {&ranges, &sort}) {
    if (!*parsed) {
      std::fprintf(stderr, "gep sandbox: %s\n", parsed->error().message.c_str());
      return 2;
    }
  }
  options.string_ranges = *ranges;
  options.string_sort = *sort;
  if (const auto valid = sandbox::validate(options); !valid) {
    std::fprintf(stderr, "gep sandbox: %s\n", valid.error().message.c_str());
    return 2;
  }

  // Block the stop signals before any server thread exists, so every thread inherits the mask
  // and the main thread alone receives them through sigwait.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  sandbox::SandboxServer server(options);
  if (const auto started = server.start(); !started) {
    std::fprintf(stderr, "gep sandbox: %s\n", started.error().message.c_str());
    return 1;
  }
  auto& state = server.state();
  std::fprintf(stderr,
               "sandbox: %zu jobs, %zu contacts, %zu files, %zu activities, %zu tasks ready in "
               "%.2f s%s\n",
               state.count(sandbox::Kind::job), state.count(sandbox::Kind::contact),
               state.count(sandbox::Kind::file), state.count(sandbox::Kind::activity),
               state.count(sandbox::Kind::task), server.generation_seconds(),
               options.state_file.empty() ? "" : (" (state: " + options.state_file + ")").c_str());
  std::printf("sandbox: listening on %s\n", server.base_url().c_str());
  std::fflush(stdout);

  int received = 0;
  sigwait(&stop_signals, &received);
  std::fprintf(stderr, "sandbox: %s received, stopping\n",
               received == SIGINT ? "SIGINT" : "SIGTERM");
  server.stop();
  if (!options.state_file.empty()) {
    std::fprintf(stderr, "sandbox: state saved to %s\n", options.state_file.c_str());
  }
  return 0;
}

}  // namespace

void add_sandbox_command(CLI::App& root, CommandRunner& run) {
  auto* command = root.add_subcommand(
      "sandbox",
      "Run a local JobNimbus stand-in: the classic API under /api1 (same paths, auth, shapes, "
      "limits, filters, writes) over a seeded solar/roofing account, plus a control API under "
      "/sandbox to change the account and read back what clients wrote. Prints "
      "'sandbox: listening on URL' once ready; stops on SIGINT/SIGTERM.");
  auto flags = std::make_shared<SandboxFlags>();
  auto& o = flags->options;
  command->add_option("--host", o.host, "Address to listen on")->capture_default_str();
  command->add_option("--port", flags->port, "Port; 0 picks a free one (printed on stdout)")
      ->capture_default_str();
  command
      ->add_option("--api-key", o.api_key, "Key clients must send as 'Authorization: Bearer KEY'")
      ->capture_default_str();
  command->add_option("--jobs", o.jobs, "Seeded jobs")->capture_default_str();
  command->add_option("--contacts", o.contacts, "Seeded contacts (-1: as many as jobs)")
      ->capture_default_str();
  command
      ->add_option("--photos-per-job", o.photos_per_job,
                   "Average photos per job (fewer for leads, more for completed jobs)")
      ->capture_default_str();
  command
      ->add_option("--docs-per-job", o.docs_per_job,
                   "Average documents per job (contracts, permits, utility approvals, ...)")
      ->capture_default_str();
  command->add_option("--seed", o.seed, "Seed of the generated account")->capture_default_str();
  command
      ->add_option("--anchor", o.anchor_time,
                   "Unix seconds the seeded dates lead up to (0: now, rounded down to the hour)")
      ->capture_default_str();
  command->add_flag("--no-history", flags->no_history,
                    "Do not seed 'Job Created' / 'Status Changed' activities");
  command
      ->add_option("--rate-limit", o.rate_limit,
                   "Requests per second on /api1 (token bucket, 429 beyond); 0 = unlimited")
      ->capture_default_str();
  command
      ->add_option("--fault-rate", o.fault_rate,
                   "Fraction of /api1 requests that fail: 5xx, dropped connection, truncated "
                   "body; for writes also after the write was applied")
      ->capture_default_str();
  command->add_option("--latency-ms", o.latency_ms, "Delay added to every /api1 request")
      ->capture_default_str();
  command
      ->add_option("--retry-after", flags->retry_after,
                   "Retry-After on 429: yes (seconds), no (absent), mixed (seconds or HTTP-date)")
      ->capture_default_str();
  command
      ->add_option("--string-ranges", flags->string_ranges,
                   "A 'range' filter on a string field such as jnid: honour (compared as text), "
                   "ignore (matches nothing), reject (400)")
      ->capture_default_str();
  command
      ->add_option("--string-sort", flags->string_sort,
                   "A sort by a string field such as jnid: honour, ignore (arbitrary order), "
                   "reject (400)")
      ->capture_default_str();
  command
      ->add_option("--crowded-seconds", o.crowded_seconds,
                   "Extra date_updated seconds shared by this many jobs and as many files each "
                   "(a bulk edit), e.g. --crowded-seconds 12000 1500")
      ->expected(1, 16);
  command->add_option("--state", o.state_file,
                      "State file: loaded at start when it exists, saved on stop");
  command
      ->add_option(
          "--threads", o.threads,
          "Worker threads that answer requests (connections are read and written asynchronously)")
      ->capture_default_str();
  command->callback([&run, flags] { run = [flags] { return run_sandbox(*flags); }; });
}

}  // namespace gep::app
