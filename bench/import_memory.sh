#!/usr/bin/env bash
# Peak memory of `gep seed` importing 10,000 and then 100,000 sandbox jobs (with their contacts
# and files) into SQLite: the import streams, so the larger should stay within 1.5x of the smaller.
# Each import must also end "done" (every run SUCCESS) with the mirror's active jobs, contacts and
# files equal to the sandbox's; the script exits 1 otherwise.
# Usage: bench/import_memory.sh [BUILD_DIR]
set -euo pipefail
gep=$(readlink -f "${1:-build}/gep")
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

# "jobs=M/S,contacts=M/S,files=M/S": active records in the mirror / in the sandbox.
compare_counts() {  # compare_counts DB STATS_JSON
  local out="" kind mirror sandbox
  for kind in jobs contacts files; do
    mirror=$(sqlite3 "$1" "SELECT count(*) FROM $kind WHERE deleted_at IS NULL")
    sandbox=$(jq -r ".records.$kind.active" <<<"$2")
    out+="${out:+,}$kind=$mirror/$sandbox"
  done
  echo "$out"
}

seed_peak() {  # seed_peak JOBS -> "MiB records requests seconds outcome counts"
  local jobs=$1 url=""
  "$gep" sandbox --port 0 --jobs "$jobs" --api-key bench-key-123 >"$work/sandbox-$jobs.log" 2>&1 &
  local sandbox=$!
  for _ in $(seq 1 1200); do
    url=$(sed -n 's/^sandbox: listening on //p' "$work/sandbox-$jobs.log"); [ -n "$url" ] && break; sleep 0.1
  done
  local started=$SECONDS
  GEP_ENV_FILE=/dev/null DATABASE_URL="sqlite:$work/seed-$jobs.db" JOBNIMBUS_BASE_URL="$url" \
    JOBNIMBUS_API_KEY=bench-key-123 JOBNIMBUS_MAX_RPS=100000 LOG_LEVEL=warn "$gep" seed \
    2>"$work/seed-$jobs.log" || true
  local seconds=$((SECONDS - started))
  local stats
  stats=$(curl -sf -H "Authorization: Bearer bench-key-123" "${url%/api1}/sandbox/stats")
  kill "$sandbox"; wait "$sandbox" 2>/dev/null || true
  local counts
  counts=$(compare_counts "$work/seed-$jobs.db" "$stats")
  sed -n 's/^seed: \(done\|finished with errors\); \([0-9]*\) records in the mirror, \([0-9]*\) JobNimbus requests, peak memory \([0-9]*\) MiB.*/\4 \2 \3 \1/p' \
    "$work/seed-$jobs.log" | awk -v s="$seconds" -v c="$counts" \
      '{outcome = ($4 == "done") ? "done" : "errors"; print $1, $2, $3, s, outcome, c}'
  grep -v '^seed: done' "$work/seed-$jobs.log" | grep -i 'error\|warn\|skipped' | head -5 >&2 || true
}

read -r small_mib small_records small_requests small_seconds small_outcome small_counts < <(seed_peak 10000)
read -r large_mib large_records large_requests large_seconds large_outcome large_counts < <(seed_peak 100000)
printf '%-8s %9s %9s %13s %8s %8s  %s\n' jobs records requests "peak RSS MiB" seconds outcome "mirror/sandbox active"
printf '%-8s %9s %9s %13s %8s %8s  %s\n' 10000 "$small_records" "$small_requests" "$small_mib" \
  "$small_seconds" "$small_outcome" "$small_counts"
printf '%-8s %9s %9s %13s %8s %8s  %s\n' 100000 "$large_records" "$large_requests" "$large_mib" \
  "$large_seconds" "$large_outcome" "$large_counts"
awk -v a="$large_mib" -v b="$small_mib" 'BEGIN {printf "peak RSS ratio 100k/10k: %.2f (target <= 1.5)\n", a / b}'
awk -v r="$large_records" -v q="$large_requests" 'BEGIN {printf "list requests per 1000 records: %.2f\n", 1000 * q / r}'
equal() { tr ',' '\n' <<<"$1" | awk -F'[=/]' '$2 != $3 {bad = 1} END {exit bad}'; }
if [ "$small_outcome $large_outcome" != "done done" ] || ! equal "$small_counts" || ! equal "$large_counts"; then
  echo "FAILED: an import ended with errors or its counts differ from the sandbox's" >&2
  exit 1
fi
