#include <cstdio>
#include <string>

#include "app/commands/commands.h"
#include "app/config_check.h"
#include "core/config.h"
#include "core/logging.h"
#include "store/database.h"

namespace gep::app {
namespace {

int report_failure(const Error& error) {
  std::fprintf(stderr, "migrate: %s\n", error.message.c_str());
  return 1;
}

int migrate_database() {
  const Config config = load_checked_config();
  log::init(config.log_level, config.log_format);
  auto database = store::open_database(config);
  if (!database) return report_failure(database.error());
  const auto report = (*database)->migrate();
  if (!report) return report_failure(report.error());
  if (report->applied.empty()) {
    std::printf("migrate: database already at version %d; nothing to do\n", report->to_version);
  } else {
    const size_t count = report->applied.size();
    std::printf("migrate: applied %zu migration%s (schema now at version %d)\n", count,
                count == 1 ? "" : "s", report->to_version);
  }
  return 0;
}

}  // namespace

void add_migrate_command(CLI::App& root, CommandRunner& run) {
  auto* command = root.add_subcommand(
      "migrate", "Apply pending database migrations (DATABASE_URL); a no-op when up to date.");
  command->callback([&run] { run = migrate_database; });
}

}  // namespace gep::app
