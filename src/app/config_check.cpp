#include "app/config_check.h"

#include "app/evaluation_wiring.h"
#include "portal/settings.h"
#include "qc/requirements.h"
#include "risk/engine.h"
#include "risk/risk_config.h"

namespace gep::app {

Config load_checked_config() {
  return Config(check_module_settings(Config::load_from_process()));
}

const Config& check_module_settings(const Config& config) {
  const EnvMap environment = evaluation_environment(config);
  if (auto requirements = qc::parse_qc_requirements(environment); !requirements) {
    throw ConfigError(requirements.error().message);
  }
  auto risk_config = risk::risk_config_from(config, environment);
  if (!risk_config) throw ConfigError(risk_config.error().message);
  if (auto engine = risk::RiskEngine::create(std::move(*risk_config)); !engine) {
    // The engine refuses only the time zone (local day counts); the message names the zone.
    throw ConfigError("RISK_TIMEZONE: " + engine.error().message);
  }
  if (auto views = portal::view_settings_from_config(config); !views) {
    throw ConfigError(views.error().message);
  }
  return config;
}

}  // namespace gep::app
