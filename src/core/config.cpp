#include "core/config.h"

#include <unistd.h>

#include <algorithm>
#include <sstream>

#include "core/config_values.h"
#include "core/config_variables.h"
#include "core/secrets.h"
#include "core/url.h"

extern char** environ;

namespace gep {
namespace {

using config_detail::reject;
using config_detail::Variable;
using config_detail::variables;

std::string value_or_default(const EnvMap& environment, const Variable& variable) {
  const auto found = environment.find(variable.name);
  return found == environment.end() ? variable.default_value : found->second;
}

void require_secrets(Config& config) {
  if (config.is_production()) {
    if (config.jobnimbus_api_key.empty()) reject("JOBNIMBUS_API_KEY", "is required in production");
    if (config.internal_api_key.empty()) reject("INTERNAL_API_KEY", "is required in production");
    // It opens every internal endpoint: a short one could be guessed.
    if (config.internal_api_key.size() < 24) {
      reject("INTERNAL_API_KEY", "must be at least 24 characters long in production");
    }
    if (config.embed_signing_secret.empty())
      reject("EMBED_SIGNING_SECRET", "is required in production");
  }
  if (!config.embed_signing_secret.empty() && config.embed_signing_secret.size() < 32) {
    reject("EMBED_SIGNING_SECRET", "must be at least 32 bytes long");
  }
  if (config.embed_signing_secret.empty()) {
    config.embed_signing_secret = random_hex(32);
    config.generated_secrets.emplace_back("EMBED_SIGNING_SECRET");
  }
  if (config.internal_api_key.empty()) {
    config.internal_api_key = random_hex(24);
    config.generated_secrets.emplace_back("INTERNAL_API_KEY");
  }
  for (const auto* secret :
       {&config.jobnimbus_api_key, &config.internal_api_key, &config.embed_signing_secret}) {
    SecretRegistry::add(*secret);
  }
}

}  // namespace

Config Config::load(const EnvMap& environment) {
  Config config;
  for (const auto& variable : variables())
    variable.apply(config, value_or_default(environment, variable));
  if (config.risk_stuck_status_days_medium > config.risk_stuck_status_days_high) {
    reject("RISK_STUCK_STATUS_DAYS_MEDIUM", "must not exceed RISK_STUCK_STATUS_DAYS_HIGH");
  }
  if (config.risk_stale_job_days_medium > config.risk_stale_job_days_high) {
    reject("RISK_STALE_JOB_DAYS_MEDIUM", "must not exceed RISK_STALE_JOB_DAYS_HIGH");
  }
  require_secrets(config);
  const auto database = parse_url(config.database_url);
  if (database && !database->password.empty()) SecretRegistry::add(database->password);
  return config;
}

Config Config::load_from_process() {
  const char* override_path = std::getenv("GEP_ENV_FILE");
  const std::string path = override_path != nullptr ? override_path : ".env";
  const auto file_values = read_env_file(path);
  if (!file_values) throw ConfigError(file_values.error().message);
  return load(merge_environment(*file_values, environ));
}

std::vector<ConfigEntry> describe(const Config& config, const EnvMap& environment) {
  std::vector<ConfigEntry> entries;
  for (const auto& variable : variables()) {
    ConfigEntry entry{variable.name, value_or_default(environment, variable),
                      variable.default_value, variable.description, variable.secret};
    if (variable.secret) {
      const bool generated =
          std::find(config.generated_secrets.begin(), config.generated_secrets.end(),
                    variable.name) != config.generated_secrets.end();
      entry.value = generated             ? "(generated for this process)"
                    : entry.value.empty() ? "(not set)"
                                          : "(set)";
    } else if (entry.name == "DATABASE_URL") {
      entry.value = redact_url_password(entry.value);
    } else if (entry.name == "INTERNAL_DASHBOARD_BASE_URL") {
      entry.value = config.internal_dashboard_base_url;
    } else if (entry.name == "PORTAL_BASE_URL") {
      entry.value = config.portal_base_url;
    } else if (entry.name == "SMTP_FROM") {
      entry.value = config.smtp_from;
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

std::string config_markdown_table() {
  std::ostringstream out;
  out << "| Variable | Default | Meaning |\n|---|---|---|\n";
  for (const auto& variable : variables()) {
    const std::string fallback =
        *variable.default_value ? std::string("`") + variable.default_value + "`" : "—";
    out << "| `" << variable.name << "` | " << fallback << " | " << variable.description
        << (variable.secret ? " *(secret: never printed)*" : "") << " |\n";
  }
  return out.str();
}

}  // namespace gep
