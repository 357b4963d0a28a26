#pragma once
// Configuration comes from environment variables, optionally from a .env file. Every variable is
// declared once in config.cpp's table, which drives parsing, validation, `gep config` and the
// README's table (`gep config --markdown`). Invalid values throw ConfigError at start-up.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/env_file.h"

namespace gep {

// Bad startup configuration: the one place exceptions carry an expected failure, because the
// program cannot run. main() prints what() as one line and exits 2; what() never holds a secret.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class Environment { development, production };
enum class LogFormat { text, json };
enum class DatabaseKind { sqlite, postgres };

struct Config {
  Environment environment = Environment::development;
  std::string host;
  uint16_t port = 3000;

  std::string database_url;
  DatabaseKind database_kind = DatabaseKind::sqlite;
  std::string sqlite_path;  // set when database_kind == sqlite
  int database_pool_size = 8;
  int sqlite_cache_mb = 16;

  std::string log_level;
  LogFormat log_format = LogFormat::text;
  int64_t http_max_body_bytes = 0;
  int http_threads = 0;
  int64_t http_max_json_body_bytes = 0;
  int http_io_threads = 0;
  int http_max_connections = 0;
  int http_max_connections_per_client = 0;
  int http_header_timeout_seconds = 0;
  int64_t http_body_min_bytes_per_second = 0;
  int http_keep_alive_seconds = 0;

  std::string jobnimbus_base_url;
  std::string jobnimbus_api_key;
  std::string jobnimbus_app_base_url;
  std::string jobnimbus_sync_cron;
  bool jobnimbus_sync_enabled = true;
  int jobnimbus_timeout_ms = 30000;
  int jobnimbus_connect_timeout_ms = 10000;
  double jobnimbus_max_rps = 5.0;
  std::string sync_conflict_policy = "last-write-wins";  // or "manual"
  // POST /api/v1/webhooks/jobnimbus: the URL token (empty = endpoint off) and the optional
  // Standard Webhooks signing secret of a relay (empty = no signature required).
  std::string jobnimbus_webhook_secret;
  std::string jobnimbus_webhook_signing_secret;

  int risk_stuck_status_days_medium = 7;
  int risk_stuck_status_days_high = 14;
  int risk_stale_job_days_medium = 7;
  int risk_stale_job_days_high = 14;

  // QC and risk engine settings. The minimums are checked here; the formats of the text settings
  // belong to the engines (qc/requirements.h, qc/stage.h, risk/documents.h), which the
  // application runs at start-up so that a bad value stops it with the variable's name.
  int qc_required_before = 3;
  int qc_required_during = 2;
  int qc_required_after = 3;
  std::string qc_requirements_by_type;
  std::string job_stage_statuses;
  std::string risk_timezone;
  std::string risk_required_documents;
  std::string risk_document_exclude_words;

  std::string embed_signing_secret;
  int embed_token_ttl_minutes = 30;
  std::string internal_dashboard_base_url;
  std::string internal_api_key;
  // CSP frame-ancestors sources of /embed/* pages, space-separated (validated origins).
  std::string embed_allowed_origins = "https://app.jobnimbus.com";
  // Staff sessions: end after this long without a request, and this long after sign-in at most.
  int auth_session_idle_minutes = 30;
  int auth_session_absolute_hours = 12;

  // Customer portal (src/portal): where its links point, how long links and sessions live, what
  // it shares, whom customers call, and the SMTP server that mails invitations (empty = print).
  std::string portal_base_url;
  int portal_link_ttl_minutes = 60;
  int portal_session_idle_minutes = 120;
  int portal_session_absolute_hours = 168;
  std::string portal_shared_photo_categories = "AFTER,DURING";
  std::string media_cache_dir = "./data/media-cache";
  int media_cache_mb = 256;
  std::string portal_company_name;
  std::string portal_brand_color = "#14213d";  // #rrggbb, lower case
  std::string portal_company_phone;
  std::string portal_company_email;
  std::string smtp_url;  // secret: may carry a password
  std::string smtp_from;

  // Names of secrets generated for this process because development mode had none.
  std::vector<std::string> generated_secrets;

  bool is_production() const { return environment == Environment::production; }

  // Throws ConfigError naming the variable and the problem.
  static Config load(const EnvMap& environment);
  // Reads `.env` (or GEP_ENV_FILE) and the process environment, then load().
  static Config load_from_process();
};

struct ConfigEntry {
  std::string name;
  std::string value;  // effective value; secrets shown as "(set)" / "(not set)" / "(generated)"
  std::string default_value;
  std::string description;
  bool secret = false;
};

// The effective configuration, secrets redacted: what `gep config` prints.
std::vector<ConfigEntry> describe(const Config& config, const EnvMap& environment);
// The documentation table of every variable, for README.md.
std::string config_markdown_table();

}  // namespace gep
