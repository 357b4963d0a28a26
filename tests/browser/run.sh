#!/usr/bin/env bash
# The browser tests: a sandbox account imported into `gep serve` (SQLite), a staff user, then
# dashboard.test.mjs in Debian's Chromium. Usage: tests/browser/run.sh PATH/TO/gep
# Installs the pinned tools (package-lock.json) when they are missing.
set -euo pipefail
GEP=$(readlink -f "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
source "$root/tests/functional/lib.sh"
if [ ! -d "$here/node_modules/playwright-core" ] || [ ! -d "$here/node_modules/axe-core" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
work=$(mktemp -d)
trap 'kill "${GEP_PID:-0}" "${SANDBOX_PID:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$work"
export GEP_ENV_FILE="$work/none.env"
key="browser-sandbox-key-$$"
internal="browser-internal-key-$$"
password="browser test passphrase $$"
register_secret "$key" "$internal"

start_sandbox "$work/sandbox.log" --api-key "$key" --jobs "${BROWSER_JOBS:-400}" --seed 11
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
allowed_port=$(free_port)
other_port=$(free_port)
embed_secret="browser-embed-secret-$$-0123456789abcdef"
register_secret "$embed_secret"
common=(DATABASE_URL="sqlite:$work/gep.db" JOBNIMBUS_BASE_URL="$SANDBOX_URL" JOBNIMBUS_API_KEY="$key"
  INTERNAL_API_KEY="$internal" JOBNIMBUS_SYNC_ENABLED=false JOBNIMBUS_MAX_RPS=1000
  EMBED_SIGNING_SECRET="$embed_secret" EMBED_ALLOWED_ORIGINS="http://127.0.0.1:$allowed_port")
env "${common[@]}" "$GEP" migrate >/dev/null
printf '%s\n' "$password" | env "${common[@]}" "$GEP" user add browser --role staff >/dev/null
start_gep "$work/serve.log" "${common[@]}"
api() { curl -sf -H "x-internal-api-key: $internal" -X POST -d '' "$GEP_URL$1" >/dev/null; }
for entity in jobs contacts files; do api "/api/v1/sync/$entity"; done
api /api/v1/qc/evaluate-all
api /api/v1/risk/evaluate-all

env "${common[@]}" GEP_BINARY="$GEP" GEP_URL="$GEP_URL" GEP_USER=browser GEP_PASSWORD="$password" GEP_INTERNAL_KEY="$internal" \
  ALLOWED_HOST_PORT="$allowed_port" OTHER_HOST_PORT="$other_port" \
  SCREENSHOTS="${SCREENSHOTS:-$root/build/screenshots}" node "$here/dashboard.test.mjs"
