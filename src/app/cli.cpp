#include "app/cli.h"

#include <cstdio>
#include <exception>

#include "app/commands/commands.h"
#include "core/config.h"
#include "core/version.h"

namespace gep::app {

int run_cli(int argc, char** argv) {
  CLI::App cli{
      "gep — the Green Energy Platform core: a JobNimbus mirror, write-back, photo QC, "
      "risk, embedded panels, dashboard and customer portal."};
  cli.set_version_flag("--version", std::string(kVersion));
  cli.require_subcommand(1);
  CommandRunner run;

  // One line per subcommand; keep in the order `gep --help` shows them.
  add_serve_command(cli, run);
  add_demo_command(cli, run);
  add_migrate_command(cli, run);
  add_seed_command(cli, run);
  add_sync_command(cli, run);
  add_config_command(cli, run);
  add_jobnimbus_command(cli, run);
  add_sandbox_command(cli, run);
  add_portal_command(cli, run);
  add_user_command(cli, run);

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& parse_error) {
    // --help and --version exit 0; every usage error exits 2, as documented.
    return cli.exit(parse_error) == 0 ? 0 : 2;
  }
  try {
    return run ? run() : 0;
  } catch (const ConfigError& config_error) {
    std::fprintf(stderr, "gep: invalid configuration: %s\n", config_error.what());
    return 2;
  } catch (const std::exception& unexpected) {
    std::fprintf(stderr, "gep: %s\n", unexpected.what());
    return 1;
  }
}

}  // namespace gep::app
