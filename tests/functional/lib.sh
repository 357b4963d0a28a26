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

# Secrets a test hands to gep. finish() fails when one of them shows up in any file under $work
# (server logs, CLI output saved there), and registers them with the suite (GEP_SUITE_SECRETS),
# which greps every test's output for them once all tests have run (scripts/test.sh).
secrets=()
register_secret() {
  local value
  for value in "$@"; do
    secrets+=("$value")
    if [ -n "${GEP_SUITE_SECRETS:-}" ]; then printf '%s\n' "$value" >>"$GEP_SUITE_SECRETS"; fi
  done
}
check_logs_hold_no_secret() {
  [ -n "${work:-}" ] && [ -d "$work" ] && [ "${#secrets[@]}" -gt 0 ] || return 0
  local value files leaked=""
  for value in "${secrets[@]}"; do
    files=$(grep -rlsF --exclude='*.db*' --exclude='*.state' --exclude='*.json' -- "$value" "$work" || true)
    if [ -n "$files" ]; then leaked+=" $(xargs -n1 basename <<<"$files" | tr '\n' ' ')"; fi
  done
  if [ -z "$leaked" ]; then
    pass "no secret in any log of this test (${#secrets[@]} checked)"
  else
    failed "a secret appears in:$leaked"
  fi
}

finish() {
  check_logs_hold_no_secret
  echo "$passes passed, $failures failed"
  [ "$failures" -eq 0 ]
}

# start_gep LOGFILE [ENV=VALUE...]: starts `gep serve` on a free port; sets GEP_PID and GEP_URL.
start_gep() {
  local log=$1; shift
  : >"$log"  # exists before the first read below, however late the background process starts
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

# start_sandbox LOGFILE [FLAGS...]: starts `gep sandbox` on a free port; sets SANDBOX_PID and
# SANDBOX_URL (the /api1 base URL).
start_sandbox() {
  local log=$1; shift
  : >"$log"
  "$GEP" sandbox --port 0 "$@" >"$log" 2>&1 &
  SANDBOX_PID=$!
  SANDBOX_URL=""
  for _ in $(seq 1 600); do
    SANDBOX_URL=$(sed -n 's/^sandbox: listening on //p' "$log" | head -n1)
    [ -n "$SANDBOX_URL" ] && break
    kill -0 "$SANDBOX_PID" 2>/dev/null || break
    sleep 0.05
  done
  if [ -z "$SANDBOX_URL" ]; then
    echo "gep sandbox did not start:"; cat "$log"; return 1
  fi
  SANDBOX_ROOT=${SANDBOX_URL%/api1}
}

json_field() {  # json_field JSON PYTHON_EXPRESSION_ON_d
  python3 -c "import json,sys; d=json.loads(sys.argv[1]); print($2)" "$1"
}
