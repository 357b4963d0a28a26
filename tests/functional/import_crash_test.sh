#!/usr/bin/env bash
# Issue 4 acceptance: `kill -9` of gep in the middle of an import, then a restart, and the mirror
# converges: every active sandbox job, contact and file is in it, none twice, and the restarted
# import resumed from the stored cursor instead of starting over.
GEP=$(readlink -f "$1")
source "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
trap 'kill "${SANDBOX_PID:-0}" "${SEED_PID:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$work"
export GEP_ENV_FILE="$work/none.env"
key="crash-test-key-$$"
register_secret "$key"
jobs=${IMPORT_CRASH_JOBS:-20000}
start_sandbox "$work/sandbox.log" --api-key "$key" --jobs "$jobs" --photos-per-job 3 --docs-per-job 1 --latency-ms 5
seed_env=(DATABASE_URL="sqlite:$work/mirror.db" JOBNIMBUS_BASE_URL="$SANDBOX_URL" JOBNIMBUS_API_KEY="$key" JOBNIMBUS_MAX_RPS=1000)

env "${seed_env[@]}" "$GEP" seed >"$work/seed1.log" 2>&1 &
SEED_PID=$!
# Kill it once some file pages are stored, i.e. in the middle of the import.
for _ in $(seq 1 600); do
  stored=$(sqlite3 "$work/mirror.db" "SELECT count(*) FROM files" 2>/dev/null || echo 0)
  [ "${stored:-0}" -gt 5000 ] && break
  kill -0 "$SEED_PID" 2>/dev/null || break
  sleep 0.1
done
kill -9 "$SEED_PID" 2>/dev/null; wait "$SEED_PID" 2>/dev/null || true
before=$(sqlite3 "$work/mirror.db" "SELECT count(*) FROM files")
check "the first import was killed part-way (files stored: $before)" [ "$before" -gt 0 ]

env "${seed_env[@]}" "$GEP" seed >"$work/seed2.log" 2>&1 && status=0 || status=$?
check "the restarted import succeeds" [ "$status" = 0 ]
resumed_files=$(sed -n 's/^files *SUCCESS: \([0-9]*\) fetched.*/\1/p' "$work/seed2.log")
total_files=$(curl -s -H "Authorization: Bearer $key" "$SANDBOX_ROOT/sandbox/ids/files" | python3 -c "import json,sys; print(len(json.load(sys.stdin)['active']))")
check "the restart resumed from the cursor ($resumed_files of $total_files files fetched again)" [ "$resumed_files" -lt "$total_files" ]
for kind in jobs contacts files; do
  remote=$(curl -s -H "Authorization: Bearer $key" "$SANDBOX_ROOT/sandbox/ids/$kind" | python3 -c "import json,sys; print('\n'.join(json.load(sys.stdin)['active']))" | sort)
  local_ids=$(sqlite3 "$work/mirror.db" "SELECT jnid FROM $kind WHERE deleted_at IS NULL ORDER BY jnid" | sort)
  check "$kind: the mirror holds exactly JobNimbus's active records ($(wc -l <<<"$remote"))" [ "$remote" = "$local_ids" ]
done
finish
