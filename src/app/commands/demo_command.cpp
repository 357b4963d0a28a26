#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "app/access_wiring.h"
#include "app/commands/commands.h"
#include "app/config_check.h"
#include "app/initial_import.h"
#include "app/serve_loop.h"
#include "app/sync_wiring.h"
#include "core/logging.h"
#include "core/secrets.h"
#include "sandbox/sandbox_server.h"

extern char** environ;

namespace gep::app {
namespace {

struct DemoArguments {
  int64_t jobs = 2000;
  uint64_t seed = 7;
  std::string state_file = "./data/sandbox-account.jsonl";
};

// The configuration of `gep serve`, pointed at the in-process sandbox.
Config demo_config(const sandbox::SandboxServer& sandbox) {
  const char* override_path = std::getenv("GEP_ENV_FILE");
  const auto file_values = read_env_file(override_path != nullptr ? override_path : ".env");
  if (!file_values) throw ConfigError(file_values.error().message);
  EnvMap environment = merge_environment(*file_values, environ);
  environment["JOBNIMBUS_BASE_URL"] = sandbox.base_url();
  environment["JOBNIMBUS_API_KEY"] = sandbox.api_key();
  if (!environment.contains("JOBNIMBUS_MAX_RPS")) environment["JOBNIMBUS_MAX_RPS"] = "500";
  return Config(check_module_settings(Config::load(environment)));
}

bool import_account(const Config& config) {
  auto components = build_sync_components(config);
  if (!components) {
    std::fprintf(stderr, "demo: %s\n", components.error().message.c_str());
    return false;
  }
  import_everything(**components, config, "demo");
  return true;
}

// The first demo start creates user "demo" and prints its password once, on stdout (never in
// the log); later starts leave existing users alone.
bool announce_demo_user(const Config& config) {
  const auto created = create_demo_user_if_none(config);
  if (!created) {
    std::fprintf(stderr, "demo: users: %s\n", created.error().message.c_str());
    return false;
  }
  // A wildcard bind is reached on this machine as localhost.
  const bool wildcard = config.host == "0.0.0.0" || config.host == "::";
  const std::string dashboard = "http://" + (wildcard ? std::string("localhost") : config.host) +
                                ":" + std::to_string(config.port) + "/login";
  if (created->has_value()) {
    std::printf(
        "demo: dashboard at %s: sign in as user \"demo\" with password \"%s\" (shown once; "
        "change it with: gep user reset-password demo)\n",
        dashboard.c_str(), (*created)->c_str());
  } else {
    std::printf(
        "demo: dashboard at %s: sign in as user \"demo\" (its password was shown at the first "
        "start; set a new one with: gep user reset-password demo)\n",
        dashboard.c_str());
  }
  std::fflush(stdout);
  return true;
}

int run_demo(const DemoArguments& arguments) {
  const sigset_t signals = block_shutdown_signals();
  std::filesystem::create_directories(std::filesystem::path(arguments.state_file).parent_path());
  sandbox::SandboxOptions options;
  options.jobs = arguments.jobs;
  options.seed = arguments.seed;
  options.state_file = arguments.state_file;
  options.api_key = "demo-" + random_hex(12);
  sandbox::SandboxServer sandbox(options);
  if (const auto started = sandbox.start(); !started) {
    std::fprintf(stderr, "demo: sandbox: %s\n", started.error().message.c_str());
    return 1;
  }
  const Config config = demo_config(sandbox);
  log::init(config.log_level, config.log_format);
  log::info("demo: JobNimbus sandbox with {} jobs at {} (account kept in {})", arguments.jobs,
            sandbox.base_url(), arguments.state_file);
  if (!import_account(config)) return 1;
  if (!announce_demo_user(config)) return 1;
  const int status = serve_until_signal(config, signals);
  sandbox.stop();
  return status;
}

}  // namespace

void add_demo_command(CLI::App& root, CommandRunner& run) {
  auto arguments = std::make_shared<DemoArguments>();
  auto* command = root.add_subcommand(
      "demo",
      "Start a local JobNimbus sandbox with a realistic solar/roofing account, import it into "
      "the mirror (DATABASE_URL) and serve, until SIGTERM. The account survives restarts.");
  command->add_option("--jobs", arguments->jobs, "Jobs in the sandbox account (first start only)")
      ->check(CLI::Range(int64_t{1}, int64_t{200'000}))
      ->capture_default_str();
  command->add_option("--seed", arguments->seed, "Seed of the generated account")
      ->capture_default_str();
  command->add_option("--state", arguments->state_file, "Where the sandbox account is kept")
      ->capture_default_str();
  command->callback([&run, arguments] { run = [arguments] { return run_demo(*arguments); }; });
}

}  // namespace gep::app
