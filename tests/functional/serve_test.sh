#!/usr/bin/env bash
# Issue 2 acceptance, against the real binary: health, error envelopes, body limit, graceful
# stop, configuration errors, idempotent migrations on SQLite and (when available) PostgreSQL.
GEP=$(readlink -f "$1")
source "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
trap 'kill "${GEP_PID:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$work"
export GEP_ENV_FILE="$work/none.env"
secret_key="jn-functional-secret-$$"
internal_key="internal-functional-secret-$$"
register_secret "$secret_key" "$internal_key"

# --- serve on SQLite ---
start_gep "$work/serve.log" DATABASE_URL="sqlite:$work/data/gep.db" JOBNIMBUS_API_KEY="$secret_key" \
  INTERNAL_API_KEY="$internal_key" HTTP_MAX_BODY_BYTES=2048
health=$(curl -s -w ' %{http_code}' "$GEP_URL/api/v1/health")
check "health answers 200" [ "${health##* }" = 200 ]
check "health reports the database" grep -q '"database":{"backend":"sqlite","schemaVersion":[1-9]' <<<"$health"
missing=$(curl -s -w ' %{http_code}' "$GEP_URL/api/v1/does-not-exist?token=$internal_key")
check "unknown route answers 404" [ "${missing##* }" = 404 ]
check "404 uses the JSON error envelope" grep -q '^{"error":{"code":"not_found","message":' <<<"$missing"
big=$(head -c 4096 /dev/zero | tr '\0' 'x' | curl -s -w ' %{http_code}' -X POST --data-binary @- \
  -H 'content-type: application/octet-stream' "$GEP_URL/api/v1/health")
check "a body over the limit answers 413" [ "${big##* }" = 413 ]
check "413 uses the JSON error envelope" grep -q '"code":"payload_too_large"' <<<"$big"
check "the SQLite file is under the configured path" test -f "$work/data/gep.db"
kill -TERM "$GEP_PID"
wait "$GEP_PID"; status=$?
check "SIGTERM stops gep serve with exit 0" [ "$status" = 0 ]
check "the request log names method, path and status" grep -q 'http GET /api/v1/health 200' "$work/serve.log"
check "no secret or query string in the log" bash -c "! grep -q -e '$secret_key' -e '$internal_key' -e 'token=' '$work/serve.log'"

# --- configuration errors: exit 2, one line, no secret ---
config_error() {  # config_error EXPECTED_TEXT ENV=VALUE...
  local expected=$1; shift
  local output status
  output=$(env "$@" JOBNIMBUS_API_KEY="$secret_key" "$GEP" serve 2>&1) && status=0 || status=$?
  check "$* exits 2" [ "$status" = 2 ]
  check "$* prints one line" [ "$(printf '%s\n' "$output" | wc -l)" = 1 ]
  check "$* names the problem" grep -qF "$expected" <<<"$output"
  check "$* prints no secret" bash -c "! grep -qF '$secret_key' <<<'$output'"
}
config_error 'PORT: expected an integer' PORT=abc
config_error 'DATABASE_URL: expected sqlite:PATH or postgres://' DATABASE_URL=nonsense://x
config_error "JOBNIMBUS_SYNC_CRON: minute field '61' is out of range" 'JOBNIMBUS_SYNC_CRON=61 * * * *'
config_error 'INTERNAL_API_KEY: is required in production' GEP_ENV=production
config_error 'GEP_ENV: expected one of development|production' GEP_ENV=staging

# --- gep config redacts secrets ---
shown=$(DATABASE_URL="postgres://gep:pw-$$-secret@127.0.0.1:1/gep" JOBNIMBUS_API_KEY="$secret_key" "$GEP" config)
check "gep config shows the effective configuration" grep -q '^JOBNIMBUS_SYNC_CRON=\*/15 \* \* \* \*$' <<<"$shown"
check "gep config redacts the API key" grep -q '^JOBNIMBUS_API_KEY=(set)$' <<<"$shown"
check "gep config redacts the database password" bash -c "! grep -q 'pw-$$-secret' <<<'$shown'"

# --- migrate twice: the second run is a no-op ---
migrate_twice() {  # migrate_twice LABEL DATABASE_URL
  local first second
  first=$(DATABASE_URL=$2 "$GEP" migrate 2>&1)
  second=$(DATABASE_URL=$2 "$GEP" migrate 2>&1)
  check "$1: first migrate applies migrations" grep -q 'applied' <<<"$first"
  check "$1: second migrate is a no-op" grep -q 'nothing to do' <<<"$second"
}
migrate_twice sqlite "sqlite:$work/fresh.db"
if [ -n "${GEP_TEST_DATABASE_URL:-}" ]; then
  schema="functional_$$"
  PGOPTIONS=--client-min-messages=warning psql -q "$GEP_TEST_DATABASE_URL" -c "DROP SCHEMA IF EXISTS $schema CASCADE; CREATE SCHEMA $schema"
  pg_url="$GEP_TEST_DATABASE_URL?options=-csearch_path%3D$schema"
  migrate_twice postgres "$pg_url"
  start_gep "$work/pg.log" DATABASE_URL="$pg_url"
  check "serve on PostgreSQL reports it in health" \
    grep -q '"backend":"postgres"' <<<"$(curl -s "$GEP_URL/api/v1/health")"
  kill -TERM "$GEP_PID"; wait "$GEP_PID" || true
  PGOPTIONS=--client-min-messages=warning psql -q "$GEP_TEST_DATABASE_URL" -c "DROP SCHEMA $schema CASCADE"
else
  failed "GEP_TEST_DATABASE_URL is not set: the PostgreSQL functional checks did not run"
fi

finish
