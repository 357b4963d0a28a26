#!/usr/bin/env bash
# Issue 3/4 end to end with real processes: gep sandbox as JobNimbus, gep serve syncing from it
# through the API, gep seed and gep sync from the CLI.
GEP=$(readlink -f "$1")
source "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
trap 'kill "${GEP_PID:-0}" "${SANDBOX_PID:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$work"
export GEP_ENV_FILE="$work/none.env"
key="sandbox-functional-key-$$"
internal="internal-functional-key-$$"
register_secret "$key" "$internal"

start_sandbox "$work/sandbox.log" --api-key "$key" --jobs 400 --contacts 300 --photos-per-job 3 --docs-per-job 1 --seed 11
start_gep "$work/serve.log" DATABASE_URL="sqlite:$work/serve.db" JOBNIMBUS_BASE_URL="$SANDBOX_URL" \
  JOBNIMBUS_API_KEY="$key" INTERNAL_API_KEY="$internal" JOBNIMBUS_SYNC_ENABLED=false JOBNIMBUS_MAX_RPS=1000
api() { curl -s -H "x-internal-api-key: $internal" "$@"; }

health=$(api "$GEP_URL/api/v1/integration/jobnimbus/health")
check "JobNimbus health is ok against the sandbox" [ "$health" = '{"status":"ok"}' ]
jobs=$(api -X POST -d '' "$GEP_URL/api/v1/sync/jobs")
check "POST /sync/jobs fetches every job" [ "$(json_field "$jobs" "d['fetched']")" = 400 ]
check "POST /sync/jobs creates every job" [ "$(json_field "$jobs" "d['created']")" = 400 ]
check "POST /sync/jobs answers the spec's shape" \
  [ "$(json_field "$jobs" "sorted(k for k in ['fetched','created','updated','failed','errors'] if k in d)")" = "['created', 'errors', 'failed', 'fetched', 'updated']" ]
contacts=$(api -X POST -d '' "$GEP_URL/api/v1/sync/contacts")
check "POST /sync/contacts creates every contact" [ "$(json_field "$contacts" "d['created']")" -ge 300 ]
files=$(api -X POST -d '' "$GEP_URL/api/v1/sync/files")
check "POST /sync/files stores the files" [ "$(json_field "$files" "d['created']")" -gt 400 ]

listing=$(api "$GEP_URL/api/v1/jobs?limit=5")
check "GET /jobs lists 5 of 400" [ "$(json_field "$listing" "(len(d['jobs']), d['total'])")" = "(5, 400)" ]
first_id=$(json_field "$listing" "d['jobs'][0]['id']")
first_jnid=$(json_field "$listing" "d['jobs'][0]['jobNimbusId']")
detail=$(api "$GEP_URL/api/v1/jobs/$first_jnid")
check "GET /jobs/:jnid finds the job" [ "$(json_field "$detail" "d['id']")" = "$first_id" ]
check "the job detail has contacts, photos and documents" \
  [ "$(json_field "$detail" "all(k in d for k in ['contacts','photos','documents'])")" = True ]
check "times are ISO 8601 UTC" grep -qE '"jobNimbusUpdatedAt":"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z"' <<<"$detail"
check "a bad limit answers 400" [ "$(api -o /dev/null -w '%{http_code}' "$GEP_URL/api/v1/jobs?limit=abc")" = 400 ]
check "without the key the API answers 401" [ "$(curl -s -o /dev/null -w '%{http_code}' "$GEP_URL/api/v1/jobs")" = 401 ]

again=$(api -X POST -d '' "$GEP_URL/api/v1/sync/jobs")
check "an incremental sync with nothing changed creates and updates nothing" \
  [ "$(json_field "$again" "(d['created'], d['updated'])")" = "(0, 0)" ]
check "an incremental sync with nothing changed takes a handful of requests" [ "$(json_field "$again" "d['requests']")" -le 3 ]

curl -s -X DELETE -H "Authorization: Bearer $key" "$SANDBOX_ROOT/sandbox/jobs/$first_jnid" >/dev/null
after_delete=$(api -X POST -d '' "$GEP_URL/api/v1/sync/jobs")
check "a job deleted in JobNimbus is marked deleted" [ "$(json_field "$after_delete" "d['deleted']")" = 1 ]
check "deleted jobs are hidden by default" [ "$(json_field "$(api "$GEP_URL/api/v1/jobs?limit=1")" "d['total']")" = 399 ]
check "includeDeleted shows them" [ "$(json_field "$(api "$GEP_URL/api/v1/jobs?limit=1&includeDeleted=true")" "d['total']")" = 400 ]

photos=$(api -X POST -d '' "$GEP_URL/api/v1/sync/photos?limit=3")
check "POST /sync/photos?limit=3 syncs 3 jobs" [ "$(json_field "$photos" "(d['total'], d['succeeded'], d['failed'])")" = "(3, 3, 0)" ]
logs=$(api "$GEP_URL/api/v1/sync/logs?limit=2")
check "GET /sync/logs pages the logs" [ "$(json_field "$logs" "(len(d['logs']), d['total'] >= 6)")" = "(2, True)" ]
summary=$(api "$GEP_URL/api/v1/sync/summary")
# The newest log of any kind: QC notes delivered by the outbox (PUSH) may land after the pulls.
newest_listed=$(json_field "$logs" "d['logs'][0]['id']")
check "GET /sync/summary is the newest sync log, in the spec's shape" [ "$(json_field "$summary" \
  "d['id'] >= $newest_listed and d['syncType'] in ('PULL', 'PUSH') and d['status'] == 'SUCCESS' and all(k in d for k in ('jobId', 'recordsAffected', 'createdAt'))")" = True ]
kill -TERM "$GEP_PID"; wait "$GEP_PID" || true
check "no API key in gep's log" bash -c "! grep -qF -e '$key' -e '$internal' '$work/serve.log'"

# --- CLI: seed, sync, and seed without a key ---
seed_output=$(DATABASE_URL="sqlite:$work/seed.db" JOBNIMBUS_BASE_URL="$SANDBOX_URL" JOBNIMBUS_API_KEY="$key" \
  JOBNIMBUS_MAX_RPS=1000 "$GEP" seed 2>&1) && seed_status=0 || seed_status=$?
check "gep seed exits 0" [ "$seed_status" = 0 ]
check "gep seed prints a summary" grep -q '^seed: done; [0-9]* records in the mirror' <<<"$seed_output"
sync_output=$(DATABASE_URL="sqlite:$work/seed.db" JOBNIMBUS_BASE_URL="$SANDBOX_URL" JOBNIMBUS_API_KEY="$key" \
  JOBNIMBUS_MAX_RPS=1000 "$GEP" sync jobs 2>/dev/null)
check "gep sync jobs prints JSON with nothing new" [ "$(json_field "$sync_output" "d[0]['created']")" = 0 ]
nokey=$(DATABASE_URL="sqlite:$work/untouched.db" JOBNIMBUS_BASE_URL="$SANDBOX_URL" "$GEP" seed 2>&1) && nokey_status=0 || nokey_status=$?
check "gep seed without a key exits non-zero" [ "$nokey_status" != 0 ]
check "gep seed without a key says how to set one" grep -q 'JOBNIMBUS_API_KEY is not set' <<<"$nokey"
check "gep seed without a key does not touch the database" [ ! -e "$work/untouched.db" ]
check "gep jobnimbus health with a wrong key exits 1 with unauthorized" bash -c \
  "out=\$(JOBNIMBUS_BASE_URL='$SANDBOX_URL' JOBNIMBUS_API_KEY=wrong-key-123456 '$GEP' jobnimbus health 2>&1); [ \$? = 1 ] && grep -qi unauthorized <<<\"\$out\" && ! grep -q wrong-key-123456 <<<\"\$out\""

finish
