#!/usr/bin/env bash
# Issue 4 item 11 end to end: gep sandbox as JobNimbus, gep serve without a schedule, and
# JobNimbus Automation deliveries to POST /api/v1/webhooks/jobnimbus. The delivered body is stale
# on purpose: the mirror must show what JobNimbus says now, proving the event was re-fetched.
GEP=$(readlink -f "$1")
source "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
trap 'kill "${GEP_PID:-0}" "${SANDBOX_PID:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$work"
export GEP_ENV_FILE="$work/none.env"
key="sandbox-webhook-key-$$"
internal="internal-webhook-key-$$"
token="webhook-token-$$-abcdefghijklmnop"
bad_token="not-the-webhook-token-$$"
register_secret "$key" "$internal" "$token"

start_sandbox "$work/sandbox.log" --api-key "$key" --jobs 30 --contacts 30 --photos-per-job 1 --docs-per-job 0 --seed 5
start_gep "$work/serve.log" DATABASE_URL="sqlite:$work/serve.db" JOBNIMBUS_BASE_URL="$SANDBOX_URL" \
  JOBNIMBUS_API_KEY="$key" INTERNAL_API_KEY="$internal" JOBNIMBUS_SYNC_ENABLED=false \
  JOBNIMBUS_MAX_RPS=1000 JOBNIMBUS_WEBHOOK_SECRET="$token"
api() { curl -s -H "x-internal-api-key: $internal" "$@"; }
jn() { curl -s -H "Authorization: Bearer $key" "$@"; }
hook_url="$GEP_URL/api/v1/webhooks/jobnimbus"
deliver() {  # deliver BODY [CURL_ARGS...]: prints "STATUS BODY"
  local body=$1; shift
  curl -s -o "$work/answer.json" -w '%{http_code}' -H 'Content-Type: application/json' \
    --data-binary "$body" "$@"
  echo " $(cat "$work/answer.json")"
}
mirror_status() { json_field "$(api "$GEP_URL/api/v1/jobs/$1")" "d['status']"; }
wait_for_status() {  # wait_for_status JNID STATUS: polls the mirror for up to 10 s
  for _ in $(seq 1 100); do
    [ "$(mirror_status "$1")" = "$2" ] && return 0
    sleep 0.1
  done
  return 1
}

imported=$(api -X POST -d '' "$GEP_URL/api/v1/sync/jobs")
check "the initial import stores the jobs" [ "$(json_field "$imported" "d['created']")" = 30 ]
jnid=$(json_field "$(api "$GEP_URL/api/v1/jobs?limit=1")" "d['jobs'][0]['jobNimbusId']")
before=$(mirror_status "$jnid")
stale=$(jn "$SANDBOX_URL/jobs/$jnid")
check "the stale record carries the old status" [ "$(json_field "$stale" "d['status_name']")" = "$before" ]
new_status="On Hold"; [ "$before" = "On Hold" ] && new_status="Lost"
jn -X PUT -H 'Content-Type: application/json' -d "{\"status_name\":\"$new_status\"}" \
  "$SANDBOX_ROOT/sandbox/jobs/$jnid" >/dev/null
check "the sandbox changed the status" [ "$(json_field "$(jn "$SANDBOX_URL/jobs/$jnid")" "d['status_name']")" = "$new_status" ]

answer=$(deliver "$stale" "$hook_url?token=$token")
check "a delivery answers 202" [ "${answer%% *}" = 202 ]
check "the delivery is identified as a new job event" \
  [ "$(json_field "${answer#* }" "(d['type'], d['jnid'], d['duplicate'])")" = "('job', '$jnid', False)" ]
check "the mirror shows JobNimbus's new status, not the body's" wait_for_status "$jnid" "$new_status"

again=$(deliver "$stale" "$hook_url?token=$token")
check "a repeated delivery answers 202 duplicate" \
  [ "${again%% *} $(json_field "${again#* }" "d['duplicate']")" = "202 True" ]
wrapped=$(deliver "{\"data\":$stale}" -H "x-webhook-token: $token" "$hook_url")
check "a {data: record} delivery with the header token is the same event" \
  [ "${wrapped%% *} $(json_field "${wrapped#* }" "d['duplicate']")" = "202 True" ]
check "the event was processed once" \
  [ "$(grep -c "webhook: event [0-9]* (job $jnid) re-fetched" "$work/serve.log")" = 1 ]

bad=$(deliver "$stale" "$hook_url?token=$bad_token")
check "a wrong token answers 401" [ "${bad%% *}" = 401 ]
check "the 401 uses the error envelope" [ "$(json_field "${bad#* }" "d['error']['code']")" = unauthorized ]
check "a missing token answers 401" [ "$(deliver "$stale" "$hook_url" | cut -d' ' -f1)" = 401 ]
malformed=$(deliver '{"jnid": "abc", ' "$hook_url?token=$token")
check "a malformed body answers 400" [ "${malformed%% *}" = 400 ]
check "the 400 uses the error envelope" [ "$(json_field "${malformed#* }" "d['error']['code']")" = bad_request ]
check "a record without a jnid answers 400" \
  [ "$(deliver '{"type":"job","name":"x"}' "$hook_url?token=$token" | cut -d' ' -f1)" = 400 ]

# A deleted job: JobNimbus answers 404 to the re-fetch, so the mirror marks it deleted.
gone=$(json_field "$(api "$GEP_URL/api/v1/jobs?limit=2")" "d['jobs'][1]['jobNimbusId']")
jn -X DELETE "$SANDBOX_ROOT/sandbox/jobs/$gone" >/dev/null
check "a delivery about a deleted job answers 202" \
  [ "$(deliver "{\"jnid\":\"$gone\",\"type\":\"job\",\"date_updated\":1}" "$hook_url?token=$token" | cut -d' ' -f1)" = 202 ]
deleted=false
for _ in $(seq 1 100); do
  [ "$(json_field "$(api "$GEP_URL/api/v1/jobs/$gone")" "d['deletedAt'] is not None")" = True ] && { deleted=true; break; }
  sleep 0.1
done
check "the job JobNimbus no longer has is marked deleted" [ "$deleted" = true ]

kill -TERM "$GEP_PID"; wait "$GEP_PID" || true
check "rejections are logged" grep -q 'webhook: 401 from .*invalid webhook token' "$work/serve.log"
check "no webhook token (good or bad) in gep's log" \
  bash -c "! grep -qF -e '$token' -e '$bad_token' -e 'token=' '$work/serve.log'"
check "no API key in gep's log" bash -c "! grep -qF -e '$key' -e '$internal' '$work/serve.log'"

finish
