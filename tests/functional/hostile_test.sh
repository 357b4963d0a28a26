#!/usr/bin/env bash
# Issue 12 acceptance, against the real binary: hostile clients (hostile_clients.py), forged log
# lines, the connection cap, and bad start-up configuration exiting 2 before any I/O.
GEP=$(readlink -f "$1")
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
work=$(mktemp -d)
trap 'kill "${GEP_PID:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$work"
export GEP_ENV_FILE="$work/none.env"
internal_key="internal-hostile-secret-$$-0123456789"
webhook_token="webhook-hostile-token-$$-abcdefgh"
register_secret "$internal_key" "$webhook_token"

start_gep "$work/serve.log" DATABASE_URL="sqlite:$work/data/gep.db" INTERNAL_API_KEY="$internal_key" \
  JOBNIMBUS_WEBHOOK_SECRET="$webhook_token" HTTP_HEADER_TIMEOUT_SECONDS=3
if python3 "$here/hostile_clients.py" "$GEP_URL" "$GEP_PID" "$webhook_token" 3 >"$work/hostile.out" 2>&1; then
  pass "hostile clients (each check below)"
else
  failed "hostile clients (each check below)"
fi
sed 's/^/     /' "$work/hostile.out"
check "a path's %0a never starts a log line" bash -c "! grep -q '^FORGED-LINE' '$work/serve.log'"
check "… it is logged escaped" grep -qF 'x\x0aFORGED-LINE\x00nul' "$work/serve.log"
check "the log holds no NUL byte" bash -c "! grep -qaP '\x00' '$work/serve.log'"
kill -TERM "$GEP_PID"; wait "$GEP_PID" || true

# --- the connection cap per client address ---
start_gep "$work/capped.log" DATABASE_URL="sqlite:$work/data/gep.db" INTERNAL_API_KEY="$internal_key" \
  HTTP_MAX_CONNECTIONS_PER_CLIENT=4
capped=$(python3 - "$GEP_URL" <<'PY'
import socket, sys, time
host, port = sys.argv[1].split("//")[1].split(":")
held = [socket.create_connection((host, int(port))) for _ in range(4)]
time.sleep(0.3)
extra = socket.create_connection((host, int(port)))
extra.settimeout(5)
print(extra.recv(4096).split(b"\r\n")[0].decode())
PY
)
check "past HTTP_MAX_CONNECTIONS_PER_CLIENT a connection gets 503 ($capped)" grep -q ' 503 ' <<<"$capped"
kill -TERM "$GEP_PID"; wait "$GEP_PID" || true

# --- bad start-up configuration: exit 2, and no database file ---
for setting in RISK_TIMEZONE=Mars/Olympus_Mons "JOB_STAGE_STATUSES=nonsense-without-colon"; do
  rm -rf "$work/bad"
  status=0
  env "$setting" DATABASE_URL="sqlite:$work/bad/gep.db" "$GEP" config >"$work/config.out" 2>&1 || status=$?
  check "gep config with $setting exits 2 (got $status)" [ "$status" = 2 ]
  status=0
  env "$setting" DATABASE_URL="sqlite:$work/bad/gep.db" PORT=0 timeout 20 "$GEP" serve >"$work/bad.out" 2>&1 || status=$?
  check "gep serve with $setting exits 2 (got $status)" [ "$status" = 2 ]
  check "… naming the variable: $(head -c 160 "$work/bad.out")" grep -q "${setting%%=*}" "$work/bad.out"
  check "… before creating the database file" test ! -e "$work/bad/gep.db"
done
finish
