#pragma once
// Everything `gep sandbox` can be told on its command line, and what tests and benchmarks set
// when they run a SandboxServer in-process. Defaults give a small but realistic account.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"

namespace gep::sandbox {

// How a 429 tells the client when to come back: the real API sometimes says nothing.
enum class RetryAfterMode { yes, no, mixed };

std::string_view to_string(RetryAfterMode mode);
Result<RetryAfterMode> parse_retry_after_mode(std::string_view text);

// What the API does with the two things the facts file leaves open: a `range` on a string field
// (`jnid`) and a sort by a string field. Elasticsearch applies both only when the field is mapped
// as a keyword, so a client must cope with each answer.
//   honour: applied, comparing the text;
//   ignore: a string range matches nothing; a string sort comes back in arbitrary order;
//   reject: 400.
enum class StringBehaviour { honour, ignore, reject };

std::string_view to_string(StringBehaviour behaviour);
// `flag` names the option in the error ("--string-ranges").
Result<StringBehaviour> parse_string_behaviour(std::string_view text, std::string_view flag);

struct SandboxOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 0;  // 0 picks a free port; SandboxServer::port() tells which
  std::string api_key = "sandbox-key";

  // The seeded account. contacts < 0 means "as many as jobs". The per-job counts are averages:
  // a lead has no install photos yet, a closed job has many.
  int64_t jobs = 1000;
  int64_t contacts = -1;
  double photos_per_job = 5.0;
  double docs_per_job = 2.0;
  uint64_t seed = 1;
  // Seeded dates are offsets back from this instant (unix seconds); 0 = the clock's now rounded
  // down to the hour, so one seed gives the same account within the hour and exactly the same
  // account whenever the anchor is given.
  int64_t anchor_time = 0;
  bool status_history = true;  // "Job Created" / "Status Changed" activities for seeded jobs

  // Traffic shaping, all adjustable at run time through the control API.
  double rate_limit = 0.0;  // requests per second on /api1; 0 = unlimited
  double fault_rate = 0.0;  // fraction of /api1 requests that fail in one of the fault kinds
  int latency_ms = 0;       // added to every /api1 request
  RetryAfterMode retry_after = RetryAfterMode::yes;
  StringBehaviour string_ranges = StringBehaviour::honour;
  StringBehaviour string_sort = StringBehaviour::honour;

  // Extra seconds of date_updated, each shared by this many jobs and as many files (a bulk edit
  // stamps every record it touches with one second); e.g. {12000, 1500}.
  std::vector<int64_t> crowded_seconds;

  std::string state_file;  // load on start when present, save on stop; empty = in memory only

  int threads = 64;  // each open keep-alive connection holds one worker
  int signed_url_ttl_seconds = 300;

  // Time of records and of the rate limiter; nullptr = the system clock. Not owned.
  Clock* clock = nullptr;
};

// One line saying what is wrong, for the CLI and for SandboxServer::start().
Status validate(const SandboxOptions& options);

}  // namespace gep::sandbox
