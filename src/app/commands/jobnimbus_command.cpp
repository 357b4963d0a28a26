// `gep jobnimbus health|jobs|job`: lets an admin check a key and look at raw records before the
// first import. Output is the records' raw JSON; errors are one line without the key.
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "app/commands/commands.h"
#include "app/config_check.h"
#include "core/config.h"
#include "core/time_format.h"
#include "jobnimbus/client.h"

namespace gep::app {
namespace {

constexpr const char* kNoKey = "JOBNIMBUS_API_KEY is not set; set it in the environment or .env";

// Null (after printing why) when there is no usable client.
std::unique_ptr<jobnimbus::JobNimbusClient> make_client() {
  const Config config = load_checked_config();
  if (config.jobnimbus_api_key.empty()) {
    std::fprintf(stderr, "%s\n", kNoKey);
    return nullptr;
  }
  auto client = jobnimbus::JobNimbusClient::create(jobnimbus::ClientOptions::from_config(config));
  if (!client) {
    std::fprintf(stderr, "%s\n", client.error().describe().c_str());
    return nullptr;
  }
  return std::move(client).value();
}

int report(const jobnimbus::ApiError& error) {
  std::fprintf(stderr, "%s\n", error.describe().c_str());
  return 1;
}

int run_health() {
  const auto client = make_client();
  if (!client) return 1;
  const jobnimbus::HealthReport health = client->health_check();
  if (!health.ok) {
    std::printf("%s\n", health.message.c_str());
    return 1;
  }
  std::printf("ok\n");
  return 0;
}

int run_jobs(int limit, const std::string& updated_since) {
  jobnimbus::ListOptions options;
  options.limit = limit;
  if (!updated_since.empty()) {
    options.updated_since = parse_time_to_unix_seconds(updated_since);
    if (!options.updated_since) {
      std::fprintf(stderr,
                   "--updated-since: expected YYYY-MM-DD, an ISO 8601 time or unix seconds\n");
      return 2;
    }
  }
  const auto client = make_client();
  if (!client) return 1;
  const auto page = client->fetch_jobs(options);
  if (!page) return report(page.error());
  std::string out = "[";
  for (size_t i = 0; i < page->records.size(); ++i) {
    if (i > 0) out += ",\n";
    out += page->records[i].raw_json;
  }
  out += "]\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  for (const auto& skipped : page->skipped) {
    std::fprintf(stderr, "skipped record #%zu: %s\n", skipped.index, skipped.reason.c_str());
  }
  return 0;
}

int run_job(const std::string& jnid) {
  const auto client = make_client();
  if (!client) return 1;
  const auto job = client->fetch_job_by_id(jnid);
  if (!job) return report(job.error());
  std::cout << job->raw_json << "\n";
  return 0;
}

}  // namespace

void add_jobnimbus_command(CLI::App& root, CommandRunner& run) {
  auto* command = root.add_subcommand(
      "jobnimbus", "Talk to JobNimbus directly: check the API key, look at records.");
  command->require_subcommand(1);

  auto* health = command->add_subcommand(
      "health", "Check that JobNimbus accepts the API key (exit 0 ok, 1 not).");
  health->callback([&run] { run = [] { return run_health(); }; });

  auto* jobs = command->add_subcommand("jobs", "Print jobs as JSON (the raw records).");
  auto limit = std::make_shared<int>(jobnimbus::kDefaultPageSize);
  auto updated_since = std::make_shared<std::string>();
  jobs->add_option("--limit", *limit, "How many jobs (1-1000)")
      ->check(CLI::Range(1, jobnimbus::kMaxPageSize));
  jobs->add_option("--updated-since", *updated_since,
                   "Only jobs updated at or after DATE (ISO 8601 or unix seconds)");
  jobs->callback([&run, limit, updated_since] {
    run = [limit, updated_since] { return run_jobs(*limit, *updated_since); };
  });

  auto* job = command->add_subcommand("job", "Print one job as JSON (the raw record).");
  auto jnid = std::make_shared<std::string>();
  job->add_option("jnid", *jnid, "The job's JobNimbus id")->required();
  job->callback([&run, jnid] { run = [jnid] { return run_job(*jnid); }; });
}

}  // namespace gep::app
