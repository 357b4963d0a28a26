#include "app/sync_wiring.h"

namespace gep::app {

Result<std::unique_ptr<SyncComponents>> build_sync_components(const Config& config) {
  if (config.jobnimbus_api_key.empty()) {
    return fail("configuration",
                "JOBNIMBUS_API_KEY is not set; set it in the environment or in .env "
                "(JobNimbus: Settings > API > New API key)");
  }
  auto client = jobnimbus::JobNimbusClient::create(jobnimbus::ClientOptions::from_config(config));
  if (!client) return fail("configuration", client.error().describe());
  auto components = std::make_unique<SyncComponents>();
  components->client = std::move(client.value());
  auto database = store::open_migrated_database(config);
  if (!database) return fail(database.error());
  components->database = std::move(database.value());
  components->gateway = std::make_unique<JobNimbusGatewayAdapter>(*components->client);
  components->pull = std::make_unique<sync::PullEngine>(*components->gateway, *components->database,
                                                        components->clock);
  return components;
}

std::optional<sync::PullEntity> parse_pull_entity(std::string_view text) {
  if (text == "jobs") return sync::PullEntity::jobs;
  if (text == "contacts") return sync::PullEntity::contacts;
  if (text == "files") return sync::PullEntity::files;
  return std::nullopt;
}

}  // namespace gep::app
