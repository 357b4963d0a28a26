#!/usr/bin/env bash
# Issue 5 end to end with real processes: gep sandbox as JobNimbus, gep serve importing it, then
# QC and risk evaluate-all, the listings, and the QC note written back through the outbox when a
# job's QC flips to PASS. QC_RISK_JOBS sets the account size (the acceptance run uses 25000).
GEP=$(readlink -f "$1")
JOBS=${QC_RISK_JOBS:-300}
source "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
trap 'kill "${GEP_PID:-0}" "${SANDBOX_PID:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$work"
export GEP_ENV_FILE="$work/none.env"
key="sandbox-qc-key-$$"
internal="internal-qc-key-$$"
register_secret "$key" "$internal"

start_sandbox "$work/sandbox.log" --api-key "$key" --jobs "$JOBS" --seed 5
start_gep "$work/serve.log" DATABASE_URL="sqlite:$work/serve.db" JOBNIMBUS_BASE_URL="$SANDBOX_URL" \
  JOBNIMBUS_API_KEY="$key" INTERNAL_API_KEY="$internal" JOBNIMBUS_SYNC_ENABLED=false \
  JOBNIMBUS_MAX_RPS=1000
api() { curl -s -H "x-internal-api-key: $internal" "$@"; }
control() { curl -s -H "Authorization: Bearer $key" -H 'Content-Type: application/json' "$@"; }
json_in() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }  # large answers
seconds() { python3 -c 'import time; print(f"{time.time():.3f}")'; }

t0=$(seconds)
for entity in jobs contacts files; do api -X POST -d '' "$GEP_URL/api/v1/sync/$entity" >/dev/null; done
t1=$(seconds)
echo "# import of $JOBS jobs (with re-evaluation of the changed jobs): $(python3 -c "print(round($t1-$t0,2))") s"

qc=$(api -X POST -d '' "$GEP_URL/api/v1/qc/evaluate-all")
t2=$(seconds)
check "QC evaluate-all covers every job" [ "$(json_field "$qc" "d['total']")" = "$JOBS" ]
check "QC evaluate-all counts add up" [ "$(json_field "$qc" "d['succeeded'] + d['failed'] == d['total'] and d['failed'] == 0 and d['errors'] == []")" = True ]
risk=$(api -X POST -d '' "$GEP_URL/api/v1/risk/evaluate-all")
t3=$(seconds)
check "risk evaluate-all covers every job" [ "$(json_field "$risk" "(d['totalJobs'], d['evaluated'])")" = "($JOBS, $JOBS)" ]
check "risk evaluate-all reports no errors" [ "$(json_field "$risk" "d['errors']")" = "[]" ]
check "risk levels add up" [ "$(json_field "$risk" "sum(d['byLevel'].values())")" = "$JOBS" ]
echo "# QC evaluate-all: $(python3 -c "print(round($t2-$t1,2))") s, risk evaluate-all: $(python3 -c "print(round($t3-$t2,2))") s"

total_of() { api -D - -o /dev/null "$1" | tr -d '\r' | sed -n 's/^X-Total-Count: //ip'; }
pass=$(total_of "$GEP_URL/api/v1/qc/jobs?status=PASS&limit=1")
failc=$(total_of "$GEP_URL/api/v1/qc/jobs?status=FAIL&limit=1")
notc=$(total_of "$GEP_URL/api/v1/qc/jobs?status=NOT_CHECKED&limit=1")
echo "# QC: $pass PASS, $failc FAIL, $notc NOT_CHECKED"
check "QC statuses add up to every job" [ $((pass + failc + notc)) = "$JOBS" ]
check "the QC listing answers X-Total-Count" [ "$(total_of "$GEP_URL/api/v1/qc/jobs?limit=1")" = "$JOBS" ]
overview=$(api "$GEP_URL/api/v1/qc/jobs?limit=5&offset=5")
check "GET /qc/jobs is an array of the spec's rows" [ "$(json_field "$overview" "len(d) == 5 and all(set(['jobId','jobName','qcStatus','totalPhotos','beforeCount','duringCount','afterCount','lastCheckedAt']) <= set(r) for r in d)")" = True ]
check "a bad status answers 400" [ "$(api -o /dev/null -w '%{http_code}' "$GEP_URL/api/v1/qc/jobs?status=MAYBE")" = 400 ]

high=$(total_of "$GEP_URL/api/v1/risk/jobs?level=HIGH&limit=1")
medium=$(total_of "$GEP_URL/api/v1/risk/jobs?level=MEDIUM&limit=1")
low=$(total_of "$GEP_URL/api/v1/risk/jobs?level=LOW&limit=1")
echo "# risk: $high HIGH, $medium MEDIUM, $low LOW"
check "risk levels in the API add up to every job" [ $((high + medium + low)) = "$JOBS" ]
no_reason=0
for ((offset = 0; offset < high; offset += 1000)); do
  bad=$(api "$GEP_URL/api/v1/risk/jobs?level=HIGH&limit=1000&offset=$offset" |
    json_in "sum(1 for s in d if s['riskLevel'] != 'HIGH' or len(s['reasons']) == 0)")
  no_reason=$((no_reason + bad))
done
check "every HIGH job in the API has at least one reason" [ "$no_reason" = 0 ]
stale=$(api "$GEP_URL/api/v1/risk/jobs?reason=STALE_JOB&sort=-evaluatedAt&limit=20")
check "the reason filter keeps only jobs with that reason" [ "$(json_field "$stale" "all(any(r['code'] == 'STALE_JOB' for r in s['reasons']) for s in d)")" = True ]
first=$(api "$GEP_URL/api/v1/risk/jobs?limit=1")
first_jnid=$(json_field "$first" "d[0]['jobNimbusId']")
one=$(api "$GEP_URL/api/v1/risk/jobs/$first_jnid")
check "GET /risk/jobs/:jnid answers the snapshot with its deep link" [ "$(json_field "$one" "d['jobNimbusUrl'].endswith('/job/' + d['jobNimbusId']) and d['riskLevel'] in ('LOW','MEDIUM','HIGH')")" = True ]
check "GET /risk/jobs/:unknown answers 404" [ "$(api -o /dev/null -w '%{http_code}' "$GEP_URL/api/v1/risk/jobs/no-such-job")" = 404 ]
check "times are ISO 8601 UTC" grep -qE '"evaluatedAt":"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z"' <<<"$one"

# --- a FAIL job gets the photos it misses in JobNimbus, is synced, and flips to PASS ---
fails=$(api "$GEP_URL/api/v1/qc/jobs?status=FAIL&limit=1")
target=$(json_field "$fails" "d[0]['jobNimbusId']")
before=$(api "$GEP_URL/api/v1/qc/jobs/$target")
check "the chosen job is FAIL" [ "$(json_field "$before" "d['status']")" = FAIL ]
notes_for() {  # notes_for JNID PREFIX: delivered notes in the sandbox's write log
  control "$SANDBOX_ROOT/sandbox/writes?endpoint=POST%20/activities" | json_in "sum(1 for w in d['writes'] if w['request'].get('primary', {}).get('id') == '$1' and w['request'].get('note', '').startswith('$2') and not w['fault'])"
}
wait_for_notes() {  # wait_for_notes JNID PREFIX COUNT: the outbox worker delivers in the background
  for _ in $(seq 1 200); do [ "$(notes_for "$1" "$2")" -ge "$3" ] && return 0; sleep 0.1; done
  return 1
}
check "the import's FAIL note reached JobNimbus" wait_for_notes "$target" "QC Review: FAIL" 1
notes_before=$(notes_for "$target" "QC Review:")
for category in BEFORE DURING AFTER; do
  missing=$(json_field "$before" "sum(m['missing'] for m in d['missingCategories'] if m['category'] == '$category')")
  [ "$missing" -gt 0 ] || continue
  kind=$(tr '[:upper:]' '[:lower:]' <<<"$category")
  control -X POST -d "{\"count\": $missing, \"record_type\": 2, \"kind\": \"$kind\"}" \
    "$SANDBOX_ROOT/sandbox/jobs/$target/files" >/dev/null
done
synced=$(api -X POST -d '' "$GEP_URL/api/v1/sync/photos?jobId=$target")
check "the job's photos are synced" [ "$(json_field "$synced" "d['succeeded']")" = 1 ]
after=$(api "$GEP_URL/api/v1/qc/jobs/$target")
check "the job's QC is PASS after the sync" [ "$(json_field "$after" "d['status']")" = PASS ]
check "its PASS note reached JobNimbus" wait_for_notes "$target" "QC Review: PASS" 1
again=$(api -X POST -d '' "$GEP_URL/api/v1/qc/jobs/$target/evaluate")
check "evaluating again keeps PASS" [ "$(json_field "$again" "d['status']")" = PASS ]
api -X POST -d '' "$GEP_URL/api/v1/qc/evaluate-all" >/dev/null
check "the flip wrote exactly one new note" [ "$(notes_for "$target" "QC Review:")" = $((notes_before + 1)) ]
synced_at() { json_field "$(api "$GEP_URL/api/v1/qc/jobs/$target")" "d['jobNimbusSyncedAt'] is not None"; }
wait_synced() { for _ in $(seq 1 100); do [ "$(synced_at)" = True ] && return 0; sleep 0.1; done; return 1; }
check "the note's delivery shows as jobNimbusSyncedAt" wait_synced
kill -TERM "$GEP_PID"; wait "$GEP_PID" || true
check "no API key in gep's log" bash -c "! grep -qF -e '$key' -e '$internal' '$work/serve.log'"
finish
