#!/usr/bin/env bash
# Peak memory of `gep seed` importing 10,000 and then 100,000 sandbox jobs (with their contacts
# and files) into SQLite: the import streams, so the larger should stay within 1.5x of the smaller.
# Usage: bench/import_memory.sh [BUILD_DIR]
set -euo pipefail
gep=$(readlink -f "${1:-build}/gep")
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

seed_peak() {  # seed_peak JOBS -> "MiB records requests seconds"
  local jobs=$1 url=""
  "$gep" sandbox --port 0 --jobs "$jobs" --api-key bench-key-123 >"$work/sandbox-$jobs.log" 2>&1 &
  local sandbox=$!
  for _ in $(seq 1 1200); do
    url=$(sed -n 's/^sandbox: listening on //p' "$work/sandbox-$jobs.log"); [ -n "$url" ] && break; sleep 0.1
  done
  local started=$SECONDS
  GEP_ENV_FILE=/dev/null DATABASE_URL="sqlite:$work/seed-$jobs.db" JOBNIMBUS_BASE_URL="$url" \
    JOBNIMBUS_API_KEY=bench-key-123 JOBNIMBUS_MAX_RPS=100000 LOG_LEVEL=warn "$gep" seed 2>"$work/seed-$jobs.log"
  local seconds=$((SECONDS - started))
  kill "$sandbox"; wait "$sandbox" 2>/dev/null || true
  sed -n 's/^seed: done; \([0-9]*\) records in the mirror, \([0-9]*\) JobNimbus requests, peak memory \([0-9]*\) MiB.*/\3 \1 \2/p' \
    "$work/seed-$jobs.log" | awk -v s="$seconds" '{print $0, s}'
}

read -r small_mib small_records small_requests small_seconds < <(seed_peak 10000)
read -r large_mib large_records large_requests large_seconds < <(seed_peak 100000)
printf '%-10s %10s %10s %14s %10s\n' jobs records requests "peak RSS MiB" seconds
printf '%-10s %10s %10s %14s %10s\n' 10000 "$small_records" "$small_requests" "$small_mib" "$small_seconds"
printf '%-10s %10s %10s %14s %10s\n' 100000 "$large_records" "$large_requests" "$large_mib" "$large_seconds"
awk -v a="$large_mib" -v b="$small_mib" 'BEGIN {printf "peak RSS ratio 100k/10k: %.2f (target <= 1.5)\n", a / b}'
awk -v r="$large_records" -v q="$large_requests" 'BEGIN {printf "list requests per 1000 records: %.2f\n", 1000 * q / r}'
