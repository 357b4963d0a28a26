#!/usr/bin/env bash
# gep serve's GET /api/v1/health (SQLite) against its ceiling: a minimal Boost.Beast server
# (bench/beast_reference_server.cpp) answering the same body bytes on as many io threads. Both
# measured with wrk -t2 -c64 in one run on loopback; then 1,000 keep-alive connections are held
# open on gep and its req/s is measured again while they stay open.
# Usage: bench/http_requests.sh [BUILD_DIR] [SECONDS]
set -euo pipefail
build=$(readlink -f "${1:-build}")
seconds=${2:-8}
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
command -v wrk >/dev/null || { echo "wrk is missing: run scripts/setup.sh"; exit 1; }
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

measure() {  # measure URL CONNECTIONS -> "requests/s p50 p99"
  wrk -t2 -c"$2" -d"${seconds}s" --latency "$1" >"$work/wrk.txt"
  awk '/Requests\/sec/ {rps=$2} $1=="50%" {p50=$2} $1=="99%" {p99=$2} END {print rps, p50, p99}' \
    "$work/wrk.txt"
}

wait_for_port() {  # wait_for_port LOG SED_EXPRESSION -> the port
  for _ in $(seq 1 200); do
    local port
    port=$(sed -n "$2" "$1" | head -n1)
    [ -n "$port" ] && { echo "$port"; return; }
    sleep 0.05
  done
  echo "no port in $1" >&2; exit 1
}

# gep logs every request at info, as in production. Every connection here comes from one
# address, so the per-client cap is raised above the 1,000 held connections plus wrk's 64.
GEP_ENV_FILE=/dev/null PORT=0 DATABASE_URL="sqlite:$work/gep.db" \
  HTTP_MAX_CONNECTIONS_PER_CLIENT=2000 "$build/gep" serve \
  >"$work/gep.log" 2>&1 &
pids+=($!)
gep_pid=$!
gep_port=$(wait_for_port "$work/gep.log" 's/.*listening on http:\/\/[^:]*:\([0-9]*\).*/\1/p')
health="http://127.0.0.1:$gep_port/api/v1/health"
for _ in $(seq 1 100); do curl -sf -o "$work/health.json" "$health" && break; sleep 0.05; done
"$build/bench/beast_reference_server" "$work/health.json" 2 >"$work/ref.log" 2>&1 &
pids+=($!)
ref_port=$(wait_for_port "$work/ref.log" 's/^listening on //p')
cmp -s "$work/health.json" <(curl -sf "http://127.0.0.1:$ref_port/api/v1/health") ||
  { echo "the reference server does not answer gep's bytes"; exit 1; }

read -r ref_rps ref_p50 ref_p99 < <(measure "http://127.0.0.1:$ref_port/api/v1/health" 64)
read -r gep_rps gep_p50 gep_p99 < <(measure "$health" 64)

# 1,000 idle keep-alive connections held open (each has sent one request and read its answer).
python3 - "$gep_port" 1000 >"$work/held.txt" 2>&1 <<'PY' &
import socket, sys, time
port, count = int(sys.argv[1]), int(sys.argv[2])
held = []
for _ in range(count):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: bench\r\n\r\n")
    held.append(s)
answered = 0
for s in held:
    s.settimeout(10)
    if s.recv(65536).startswith(b"HTTP/1.1 200"):
        answered += 1
print(f"held {answered}", flush=True)
time.sleep(3600)
PY
pids+=($!)
for _ in $(seq 1 400); do grep -q '^held' "$work/held.txt" && break; sleep 0.05; done
held=$(sed -n 's/^held //p' "$work/held.txt")
open_fds=$(ls "/proc/$gep_pid/fd" | wc -l)
read -r held_rps held_p50 held_p99 < <(measure "$health" 64)
still=$(ls "/proc/$gep_pid/fd" | wc -l)

printf '%-58s %12s %10s %10s\n' "server (wrk -t2 -c64, ${seconds}s, loopback)" "requests/s" "p50" "p99"
printf '%-58s %12s %10s %10s\n' "minimal Beast server, gep's /health bytes, 2 io threads" \
  "$ref_rps" "$ref_p50" "$ref_p99"
printf '%-58s %12s %10s %10s\n' "gep serve GET /api/v1/health (SQLite, probed ≤ 1/s)" \
  "$gep_rps" "$gep_p50" "$gep_p99"
printf '%-58s %12s %10s %10s\n' "gep serve, with ${held:-0} idle keep-alive connections open" \
  "$held_rps" "$held_p50" "$held_p99"
awk -v a="$gep_rps" -v b="$ref_rps" 'BEGIN {printf "ratio gep/ceiling: %.2fx\n", a / b}'
echo "keep-alive connections held open and answered: ${held:-0} of 1000;" \
  "gep's open descriptors: $open_fds before the run, $still after it"
