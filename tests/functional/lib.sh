# Shared helpers of the functional tests: assertions and a gep server on a free port.
set -euo pipefail

failures=0
passes=0
pass() { passes=$((passes + 1)); echo "ok   - $*"; }
failed() { failures=$((failures + 1)); echo "FAIL - $*"; }
check() {  # check DESCRIPTION COMMAND...
  local description=$1; shift
  if "$@"; then pass "$description"; else failed "$description"; fi
}
finish() {
  echo "$passes passed, $failures failed"
  [ "$failures" -eq 0 ]
}

# start_gep LOGFILE [ENV=VALUE...]: starts `gep serve` on a free port; sets GEP_PID and GEP_URL.
start_gep() {
  local log=$1; shift
  env "$@" PORT=0 "$GEP" serve >"$log" 2>&1 &
  GEP_PID=$!
  local port=""
  for _ in $(seq 1 200); do
    port=$(sed -n 's/.*listening on http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$log" | head -n1)
    [ -n "$port" ] && break
    kill -0 "$GEP_PID" 2>/dev/null || break
    sleep 0.05
  done
  if [ -z "$port" ]; then
    echo "gep serve did not start:"; cat "$log"; return 1
  fi
  GEP_URL="http://127.0.0.1:$port"
}
