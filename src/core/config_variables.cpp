// Every configuration variable: its default, its meaning and how its value is parsed and
// checked. One table drives loading, `gep config` and the README's table.
#include "core/config_variables.h"

#include "core/config_values.h"
#include "core/cron.h"
#include "core/secrets.h"
#include "core/url.h"
#include "core/webhook_signature.h"

namespace gep::config_detail {

const std::vector<Variable>& variables() {
  static const std::vector<Variable> table = {
      {"GEP_ENV", "development", "development or production; production refuses missing secrets.",
       false,
       [](Config& c, const std::string& v) {
         c.environment = parse_choice("GEP_ENV", v, {"development", "production"}) == "production"
                             ? Environment::production
                             : Environment::development;
       }},
      {"HOST", "127.0.0.1", "Address `gep serve` binds to (0.0.0.0 for every interface).", false,
       [](Config& c, const std::string& v) {
         if (v.empty()) reject("HOST", "must not be empty");
         c.host = v;
       }},
      {"PORT", "3000", "Port of `gep serve` (0 picks a free port and logs it).", false,
       [](Config& c, const std::string& v) {
         c.port = static_cast<uint16_t>(parse_int("PORT", v, 0, 65535));
       }},
      {"DATABASE_URL", "sqlite:./data/gep.db",
       "`sqlite:PATH` (embedded, the default) or `postgres://user:pass@host:port/db`.", false,
       apply_database_url},
      {"DATABASE_POOL_SIZE", "8", "Database connections kept open by one process.", false,
       [](Config& c, const std::string& v) {
         c.database_pool_size = parse_int("DATABASE_POOL_SIZE", v, 1, 256);
       }},
      {"SQLITE_CACHE_MB", "16",
       "Page cache of each SQLite connection in MiB, taken only as pages are used. Smaller "
       "saves memory; imports slow down below 16.",
       false,
       [](Config& c, const std::string& v) {
         c.sqlite_cache_mb = parse_int("SQLITE_CACHE_MB", v, 1, 4096);
       }},
      {"LOG_LEVEL", "info", "trace, debug, info, warn or error.", false,
       [](Config& c, const std::string& v) {
         c.log_level = parse_choice("LOG_LEVEL", v, {"trace", "debug", "info", "warn", "error"});
       }},
      {"LOG_FORMAT", "text", "text (one line per event) or json (one JSON object per line).", false,
       [](Config& c, const std::string& v) {
         c.log_format = parse_choice("LOG_FORMAT", v, {"text", "json"}) == "json" ? LogFormat::json
                                                                                  : LogFormat::text;
       }},
      {"HTTP_MAX_BODY_BYTES", "26214400",
       "Largest upload (attachment routes); larger ones answer 413, chunked or not.", false,
       [](Config& c, const std::string& v) {
         c.http_max_body_bytes = parse_integer("HTTP_MAX_BODY_BYTES", v, 1024, int64_t{1} << 31);
       }},
      {"HTTP_MAX_JSON_BODY_BYTES", "1048576",
       "Largest body of every other route (JSON, forms, webhooks); larger ones answer 413.", false,
       [](Config& c, const std::string& v) {
         c.http_max_json_body_bytes =
             parse_integer("HTTP_MAX_JSON_BODY_BYTES", v, 1024, int64_t{1} << 31);
       }},
      {"HTTP_THREADS", "32",
       "Worker threads that run handlers (database, JobNimbus calls); connections do not hold "
       "them.",
       false,
       [](Config& c, const std::string& v) {
         c.http_threads = parse_int("HTTP_THREADS", v, 2, 1024);
       }},
      {"HTTP_IO_THREADS", "2", "Threads that accept, read and write connections.", false,
       [](Config& c, const std::string& v) {
         c.http_io_threads = parse_int("HTTP_IO_THREADS", v, 1, 64);
       }},
      {"HTTP_MAX_CONNECTIONS", "10000",
       "Open connections in all; past it a new connection gets 503 and is closed.", false,
       [](Config& c, const std::string& v) {
         c.http_max_connections = parse_int("HTTP_MAX_CONNECTIONS", v, 16, 1000000);
       }},
      {"HTTP_MAX_CONNECTIONS_PER_CLIENT", "1000",
       "Open connections from one client address (behind a proxy: the proxy's); past it 503.",
       false,
       [](Config& c, const std::string& v) {
         c.http_max_connections_per_client =
             parse_int("HTTP_MAX_CONNECTIONS_PER_CLIENT", v, 1, 1000000);
       }},
      {"HTTP_HEADER_TIMEOUT_SECONDS", "10",
       "Time a client has to send a request's whole header, however slowly; then it is closed.",
       false,
       [](Config& c, const std::string& v) {
         c.http_header_timeout_seconds = parse_int("HTTP_HEADER_TIMEOUT_SECONDS", v, 1, 600);
       }},
      {"HTTP_BODY_MIN_BYTES_PER_SECOND", "16384",
       "After a 10 s grace, a body slower than this is cut (408).", false,
       [](Config& c, const std::string& v) {
         c.http_body_min_bytes_per_second =
             parse_integer("HTTP_BODY_MIN_BYTES_PER_SECOND", v, 1, int64_t{1} << 31);
       }},
      {"HTTP_KEEP_ALIVE_SECONDS", "30", "Idle time after which a keep-alive connection closes.",
       false,
       [](Config& c, const std::string& v) {
         c.http_keep_alive_seconds = parse_int("HTTP_KEEP_ALIVE_SECONDS", v, 1, 3600);
       }},
      {"JOBNIMBUS_BASE_URL", "https://app.jobnimbus.com/api1",
       "JobNimbus API base URL; https is required except for loopback hosts (the sandbox).", false,
       [](Config& c, const std::string& v) {
         c.jobnimbus_base_url = parse_http_url("JOBNIMBUS_BASE_URL", v);
         const auto url = parse_url(c.jobnimbus_base_url);
         if (url->scheme != "https" && !is_loopback_host(url->host)) {
           reject("JOBNIMBUS_BASE_URL", "must use https unless the host is loopback");
         }
       }},
      {"JOBNIMBUS_API_KEY", "", "JobNimbus API key (Settings > API). Required in production.", true,
       [](Config& c, const std::string& v) { c.jobnimbus_api_key = v; }},
      {"JOBNIMBUS_APP_BASE_URL", "https://app.jobnimbus.com",
       "JobNimbus web app, for deep links `${JOBNIMBUS_APP_BASE_URL}/job/${jnid}`.", false,
       [](Config& c, const std::string& v) {
         c.jobnimbus_app_base_url = parse_http_url("JOBNIMBUS_APP_BASE_URL", v);
       }},
      {"JOBNIMBUS_SYNC_CRON", "*/15 * * * *",
       "Schedule of the incremental sync: five cron fields, evaluated in UTC.", false,
       [](Config& c, const std::string& v) {
         const auto schedule = CronSchedule::parse(v);
         if (!schedule) reject("JOBNIMBUS_SYNC_CRON", schedule.error().message);
         c.jobnimbus_sync_cron = v;
       }},
      {"JOBNIMBUS_SYNC_ENABLED", "true", "Run the scheduled sync inside `gep serve`.", false,
       [](Config& c, const std::string& v) {
         c.jobnimbus_sync_enabled = parse_bool("JOBNIMBUS_SYNC_ENABLED", v);
       }},
      {"JOBNIMBUS_TIMEOUT_MS", "30000", "Total time allowed for one JobNimbus request.", false,
       [](Config& c, const std::string& v) {
         c.jobnimbus_timeout_ms = parse_int("JOBNIMBUS_TIMEOUT_MS", v, 100, 600000);
       }},
      {"JOBNIMBUS_CONNECT_TIMEOUT_MS", "10000", "Time allowed to connect to JobNimbus.", false,
       [](Config& c, const std::string& v) {
         c.jobnimbus_connect_timeout_ms = parse_int("JOBNIMBUS_CONNECT_TIMEOUT_MS", v, 100, 120000);
       }},
      {"JOBNIMBUS_MAX_RPS", "5",
       "Requests per second this process sends to JobNimbus at most (shared by all threads).",
       false,
       [](Config& c, const std::string& v) {
         c.jobnimbus_max_rps = parse_positive_number("JOBNIMBUS_MAX_RPS", v);
       }},
      {"SYNC_CONFLICT_POLICY", "last-write-wins",
       "A job status set through gep and also changed in JobNimbus: `last-write-wins` (the later "
       "change wins) or `manual` (recorded, held until resolved at /api/v1/sync/conflicts).",
       false,
       [](Config& c, const std::string& v) {
         c.sync_conflict_policy =
             parse_choice("SYNC_CONFLICT_POLICY", v, {"last-write-wins", "manual"});
       }},
      // Optional even in production: webhooks only speed sync up (the schedule stays the
      // source of truth), so a deployment without JobNimbus Automations needs no secret.
      {"JOBNIMBUS_WEBHOOK_SECRET", "",
       "Token of `POST /api/v1/webhooks/jobnimbus`, at least 16 characters: put it in the "
       "Automation's URL as `?token=...` (or send header `x-webhook-token`). Unset: the endpoint "
       "answers 503.",
       true,
       [](Config& c, const std::string& v) {
         if (!v.empty() && v.size() < 16) {
           reject("JOBNIMBUS_WEBHOOK_SECRET", "must be at least 16 characters");
         }
         c.jobnimbus_webhook_secret = v;
         SecretRegistry::add(v);
       }},
      {"JOBNIMBUS_WEBHOOK_SIGNING_SECRET", "",
       "Standard Webhooks secret (`whsec_` + base64) of a relay in front of the webhook; when set, "
       "deliveries need valid `webhook-id`/`webhook-timestamp`/`webhook-signature` headers (5 "
       "minutes tolerance).",
       true,
       [](Config& c, const std::string& v) {
         if (!v.empty() && !decode_webhook_signing_secret(v)) {
           reject("JOBNIMBUS_WEBHOOK_SIGNING_SECRET",
                  "expected base64, optionally prefixed whsec_");
         }
         c.jobnimbus_webhook_signing_secret = v;
         SecretRegistry::add(v);
       }},
      {"RISK_STUCK_STATUS_DAYS_MEDIUM", "7", "Days in one status that make a job MEDIUM risk.",
       false,
       [](Config& c, const std::string& v) {
         c.risk_stuck_status_days_medium = parse_int("RISK_STUCK_STATUS_DAYS_MEDIUM", v, 1, 3650);
       }},
      {"RISK_STUCK_STATUS_DAYS_HIGH", "14", "Days in one status that make a job HIGH risk.", false,
       [](Config& c, const std::string& v) {
         c.risk_stuck_status_days_high = parse_int("RISK_STUCK_STATUS_DAYS_HIGH", v, 1, 3650);
       }},
      {"RISK_STALE_JOB_DAYS_MEDIUM", "7",
       "Days without a JobNimbus update that make a job MEDIUM risk.", false,
       [](Config& c, const std::string& v) {
         c.risk_stale_job_days_medium = parse_int("RISK_STALE_JOB_DAYS_MEDIUM", v, 1, 3650);
       }},
      {"RISK_STALE_JOB_DAYS_HIGH", "14",
       "Days without a JobNimbus update that make a job HIGH risk.", false,
       [](Config& c, const std::string& v) {
         c.risk_stale_job_days_high = parse_int("RISK_STALE_JOB_DAYS_HIGH", v, 1, 3650);
       }},
      {"QC_REQUIRED_BEFORE", "3",
       "Photos a job needs in the BEFORE category (from Sold on); 0 turns the category off.", false,
       [](Config& c, const std::string& v) {
         c.qc_required_before = parse_int("QC_REQUIRED_BEFORE", v, 0, 1000);
       }},
      {"QC_REQUIRED_DURING", "2",
       "Photos a job needs in the DURING category (from In Progress on); 0 turns it off.", false,
       [](Config& c, const std::string& v) {
         c.qc_required_during = parse_int("QC_REQUIRED_DURING", v, 0, 1000);
       }},
      {"QC_REQUIRED_AFTER", "3",
       "Photos a job needs in the AFTER category (from Completed on); 0 turns it off.", false,
       [](Config& c, const std::string& v) {
         c.qc_required_after = parse_int("QC_REQUIRED_AFTER", v, 0, 1000);
       }},
      {"QC_REQUIREMENTS_BY_TYPE", "",
       "Per job record type (workflow) minimums, e.g. `Commercial:BEFORE=5,DURING=4,AFTER=5;"
       "Roofing:DURING=3`; categories left out keep the global values.",
       false, [](Config& c, const std::string& v) { c.qc_requirements_by_type = v; }},
      {"JOB_STAGE_STATUSES", "",
       "Extra status-to-stage mappings for QC and risk, e.g. `sold:Deposit Paid|Contract "
       "Signed;install:Installing` (stages: lead, sold, permitting, scheduled, install, "
       "complete, unknown).",
       false, [](Config& c, const std::string& v) { c.job_stage_statuses = v; }},
      {"RISK_TIMEZONE", "UTC", "IANA time zone in which risk day counts are whole days.", false,
       [](Config& c, const std::string& v) {
         if (v.empty()) reject("RISK_TIMEZONE", "must not be empty (UTC is the default)");
         c.risk_timezone = v;
       }},
      {"RISK_REQUIRED_DOCUMENTS", "",
       "Documents a job must have by stage, `kind:required_from:high_from:keyword|keyword;...` "
       "(empty: signed contract, permit, interconnection approval; `none` turns the rule off).",
       false, [](Config& c, const std::string& v) { c.risk_required_documents = v; }},
      {"RISK_DOCUMENT_EXCLUDE_WORDS", "",
       "Comma-separated words that make a file no proof of a document (empty: draft, unsigned, "
       "application, pending, request, ...).",
       false, [](Config& c, const std::string& v) { c.risk_document_exclude_words = v; }},
      {"EMBED_SIGNING_SECRET", "",
       "HS256 secret of embed tokens, at least 32 bytes. Required in production; generated per "
       "process in development.",
       true, [](Config& c, const std::string& v) { c.embed_signing_secret = v; }},
      {"EMBED_TOKEN_TTL_MINUTES", "30", "Lifetime of an embed token.", false,
       [](Config& c, const std::string& v) {
         c.embed_token_ttl_minutes = parse_int("EMBED_TOKEN_TTL_MINUTES", v, 1, 1440);
       }},
      {"INTERNAL_DASHBOARD_BASE_URL", "",
       "Public base URL of the dashboard that serves /embed/* (default: http://localhost:PORT, "
       "since `gep serve` serves the dashboard itself).",
       false,
       [](Config& c, const std::string& v) {
         c.internal_dashboard_base_url = v.empty()
                                             ? "http://localhost:" + std::to_string(c.port)
                                             : parse_http_url("INTERNAL_DASHBOARD_BASE_URL", v);
       }},
      {"INTERNAL_API_KEY", "",
       "Key for internal endpoints (header x-internal-api-key). Required in production (at least "
       "24 characters); generated per process in development.",
       true, [](Config& c, const std::string& v) { c.internal_api_key = v; }},
      {"EMBED_ALLOWED_ORIGINS", "https://app.jobnimbus.com",
       "Origins allowed to frame /embed/* panels (CSP `frame-ancestors`), separated by spaces or "
       "commas; every other page may be framed by nobody.",
       false,
       [](Config& c, const std::string& v) {
         c.embed_allowed_origins = parse_origin_list("EMBED_ALLOWED_ORIGINS", v);
       }},
      {"AUTH_SESSION_IDLE_MINUTES", "30",
       "A staff session ends after this many minutes without a request.", false,
       [](Config& c, const std::string& v) {
         c.auth_session_idle_minutes = parse_int("AUTH_SESSION_IDLE_MINUTES", v, 1, 1440);
       }},
      {"AUTH_SESSION_ABSOLUTE_HOURS", "12",
       "A staff session ends this many hours after sign-in, however active.", false,
       [](Config& c, const std::string& v) {
         c.auth_session_absolute_hours = parse_int("AUTH_SESSION_ABSOLUTE_HOURS", v, 1, 720);
       }},
      {"PORTAL_BASE_URL", "",
       "Public base URL of the customer portal; magic links point at `${PORTAL_BASE_URL}/portal/"
       "login?token=…` (default: INTERNAL_DASHBOARD_BASE_URL). Cookies are Secure when it is "
       "https.",
       false,
       [](Config& c, const std::string& v) {
         c.portal_base_url =
             v.empty() ? c.internal_dashboard_base_url : parse_http_url("PORTAL_BASE_URL", v);
       }},
      {"PORTAL_LINK_TTL_MINUTES", "60", "Lifetime of a customer's single-use sign-in link.", false,
       [](Config& c, const std::string& v) {
         c.portal_link_ttl_minutes = parse_int("PORTAL_LINK_TTL_MINUTES", v, 1, 10080);
       }},
      {"PORTAL_SESSION_IDLE_MINUTES", "120",
       "A customer session ends after this many minutes without a request.", false,
       [](Config& c, const std::string& v) {
         c.portal_session_idle_minutes = parse_int("PORTAL_SESSION_IDLE_MINUTES", v, 1, 43200);
       }},
      {"PORTAL_SESSION_ABSOLUTE_HOURS", "168",
       "A customer session ends this many hours after sign-in, however active.", false,
       [](Config& c, const std::string& v) {
         c.portal_session_absolute_hours = parse_int("PORTAL_SESSION_ABSOLUTE_HOURS", v, 1, 2160);
       }},
      {"PORTAL_SHARED_PHOTO_CATEGORIES", "AFTER,DURING",
       "QC photo categories customers see (BEFORE, DURING, AFTER, comma-separated, or `none`); "
       "UNCATEGORIZED and private photos are never shared.",
       false, [](Config& c, const std::string& v) { c.portal_shared_photo_categories = v; }},
      {"MEDIA_CACHE_DIR", "./data/media-cache",
       "Where photo thumbnails and originals served under /media are cached on disk.", false,
       [](Config& c, const std::string& v) { c.media_cache_dir = v; }},
      {"MEDIA_CACHE_MB", "256",
       "Size bound of MEDIA_CACHE_DIR in MiB; the least recently used files are evicted past it.",
       false,
       [](Config& c, const std::string& v) {
         c.media_cache_mb = parse_int("MEDIA_CACHE_MB", v, 1, 1048576);
       }},
      {"PORTAL_COMPANY_NAME", "", "Company name the portal and its e-mails show.", false,
       [](Config& c, const std::string& v) { c.portal_company_name = v; }},
      {"PORTAL_BRAND_COLOR", "#14213d",
       "The company's colour (#rrggbb or #rgb) on the portal's header; its text turns black or "
       "white, whichever reads better on it.",
       false, [](Config& c, const std::string& v) {
         c.portal_brand_color = parse_hex_colour("PORTAL_BRAND_COLOR", v);
       }},
      {"PORTAL_COMPANY_PHONE", "", "Phone number customers are given for questions.", false,
       [](Config& c, const std::string& v) { c.portal_company_phone = v; }},
      {"PORTAL_COMPANY_EMAIL", "", "E-mail address customers are given for questions.", false,
       [](Config& c, const std::string& v) { c.portal_company_email = v; }},
      {"SMTP_URL", "",
       "SMTP server that mails portal invitations, `smtp://[user:password@]host:port` (STARTTLS; "
       "required with a password unless the host is loopback) or "
       "`smtps://user:password@host:465`. Unset: `gep portal invite` prints the link.",
       true,
       [](Config& c, const std::string& v) {
         if (v.empty()) return;
         const auto url = parse_url(v);
         if (!url || (url->scheme != "smtp" && url->scheme != "smtps")) {
           reject("SMTP_URL", "expected smtp://host[:port] or smtps://user:password@host[:port]");
         }
         if (!url->password.empty()) SecretRegistry::add(url->password);
         c.smtp_url = v;
         SecretRegistry::add(v);
       }},
      {"SMTP_FROM", "",
       "Sender address of portal e-mails (default: PORTAL_COMPANY_EMAIL); required with SMTP_URL.",
       false,
       [](Config& c, const std::string& v) {
         c.smtp_from = v.empty() ? c.portal_company_email : v;
         if (!c.smtp_from.empty() && (c.smtp_from.find('@') == std::string::npos ||
                                      c.smtp_from.find_first_of(" \r\n<>") != std::string::npos)) {
           reject("SMTP_FROM", "expected a bare e-mail address, got " + shown(c.smtp_from));
         }
         if (c.smtp_from.empty() && !c.smtp_url.empty()) {
           reject("SMTP_FROM", "is required when SMTP_URL is set (or set PORTAL_COMPANY_EMAIL)");
         }
       }},
  };
  return table;
}

}  // namespace gep::config_detail
