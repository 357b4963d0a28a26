#!/usr/bin/env bash
# Requests/s of gep serve's GET /api/v1/health (SQLite) against cpp-httplib with its defaults,
# measured with wrk in one run on loopback. Usage: bench/http_requests.sh [BUILD_DIR] [SECONDS]
set -euo pipefail
build=$(readlink -f "${1:-build}")
seconds=${2:-5}
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
command -v wrk >/dev/null || { echo "wrk is missing: run scripts/setup.sh"; exit 1; }

measure() {  # measure URL -> "requests/s p50 p99"
  wrk -t1 -c16 -d"${seconds}s" --latency "$1" >"$work/wrk.txt"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  p50=$(awk '$1=="50%" {print $2}' "$work/wrk.txt")
  p99=$(awk '$1=="99%" {print $2}' "$work/wrk.txt")
  echo "$rps $p50 $p99"
}

"$build/bench/httplib_defaults_server" >"$work/ref.log" 2>&1 &
pids+=($!)
GEP_ENV_FILE=/dev/null PORT=0 DATABASE_URL="sqlite:$work/gep.db" "$build/gep" serve >"$work/gep.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
  ref_port=$(sed -n 's/^listening on //p' "$work/ref.log")
  [ -n "$ref_port" ] && break; sleep 0.05
done
# gep logs every request at info, as in production; its first lines name the port.
for _ in $(seq 1 100); do
  gep_port=$(sed -n 's/.*listening on http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$work/gep.log" | head -n1)
  [ -n "$gep_port" ] && break; sleep 0.05
done

read -r ref_rps ref_p50 ref_p99 < <(measure "http://127.0.0.1:$ref_port/api/v1/health")
read -r gep_rps gep_p50 gep_p99 < <(measure "http://127.0.0.1:$gep_port/api/v1/health")
printf '%-44s %12s %10s %10s\n' "server (wrk -t1 -c16, ${seconds}s, loopback)" "requests/s" "p50" "p99"
printf '%-44s %12s %10s %10s\n' "cpp-httplib defaults, static 200-byte JSON" "$ref_rps" "$ref_p50" "$ref_p99"
printf '%-44s %12s %10s %10s\n' "gep serve GET /api/v1/health (SQLite ping)" "$gep_rps" "$gep_p50" "$gep_p99"
awk -v a="$gep_rps" -v b="$ref_rps" 'BEGIN {printf "ratio gep/defaults: %.1fx\n", a / b}'
