#!/usr/bin/env bash
# Issue 6, items 1-8, against the real binary: embed links (create, resolve, refusals, a token
# checked by an independent HS256 implementation), frame-ancestors headers, `gep user`, staff
# sign-in with cookie flags, CSRF, logout, lockout (429), the demo user, and no secret in any log.
GEP=$(readlink -f "$1")
source "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
private=$(mktemp -d)  # cookie jars and headers: they hold session tokens, so not under $work
trap 'kill "${GEP_PID:-0}" "${DEMO_PID:-0}" 2>/dev/null || true; rm -rf "$work" "$private"' EXIT
cd "$work"
export GEP_ENV_FILE="$work/none.env"
internal_key="internal-embed-auth-$$-$RANDOM$RANDOM"
signing_secret="embed-signing-secret-$$-$RANDOM$RANDOM-0123456789abcdef"
password="staff passphrase $$ $RANDOM$RANDOM"
register_secret "$internal_key" "$signing_secret" "$password"
database="sqlite:$work/data/gep.db"

# --- a job to embed (and a deleted one), and a staff user ---
DATABASE_URL=$database "$GEP" migrate >"$work/migrate.log" 2>&1
python3 - "$work/data/gep.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for jnid, deleted in (("jn-func-1", None), ("jn-func-gone", 1700000000)):
    db.execute("INSERT INTO jobs (jnid, name, raw_json, created_at, updated_at, deleted_at) "
               "VALUES (?, 'Functional job', '{}', 1700000000, 1700000000, ?)", (jnid, deleted))
db.commit()
PY
printf '%s\n' "$password" | DATABASE_URL=$database "$GEP" user add Staffer --role staff \
  --display-name "Staff Er" >"$work/user-add.log" 2>&1 && status=0 || status=$?
check "gep user add reads the password from stdin and exits 0" [ "$status" = 0 ]
printf 'short\n' | DATABASE_URL=$database "$GEP" user add weak --role staff >"$work/weak.log" 2>&1 \
  && status=0 || status=$?
check "a weak password is refused with exit 2" [ "$status" = 2 ]
listed=$(DATABASE_URL=$database "$GEP" user list 2>"$work/list.log")
check "gep user list shows the user, role and status" grep -qE '^staffer +staff +Staff Er .*active$' <<<"$listed"

start_gep "$work/serve.log" DATABASE_URL="$database" INTERNAL_API_KEY="$internal_key" \
  EMBED_SIGNING_SECRET="$signing_secret" INTERNAL_DASHBOARD_BASE_URL=https://dash.example.com \
  EMBED_ALLOWED_ORIGINS="https://app.jobnimbus.com,https://staging.example.com" \
  JOBNIMBUS_SYNC_ENABLED=false

# --- embed links ---
create_link() {  # create_link BODY [CURL_ARGS...]
  local body=$1; shift
  curl -s -w ' %{http_code}' -X POST -H 'content-type: application/json' "$@" \
    --data-binary "$body" "$GEP_URL/api/v1/embed/links"
}
link=$(create_link '{"jobId":"jn-func-1","panelType":"RISK_VIEW"}' -H "x-internal-api-key: $internal_key")
check "POST /api/v1/embed/links answers 200" [ "${link##* }" = 200 ]
link=${link% *}
check "the url is the dashboard's /embed/risk with a token" \
  grep -q '"url":"https://dash.example.com/embed/risk?token=ey' <<<"$link"
check "the answer names panel, job and expiry" \
  bash -c "grep -q '\"panelType\":\"RISK_VIEW\"' <<<'$link' && grep -q '\"jobId\":\"jn-func-1\"' <<<'$link' && grep -qE '\"expiresAt\":\"[0-9-]+T[0-9:]+Z\"' <<<'$link'"
token=$(json_field "$link" "d['url'].split('token=')[1]")
register_secret "$token"
verified=$(python3 - "$token" "$signing_secret" <<'PY'
import base64, hashlib, hmac, json, sys, time
token, secret = sys.argv[1], sys.argv[2].encode()
def b64(part): return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
head, body, sig = token.split(".")
expected = hmac.new(secret, (head + "." + body).encode(), hashlib.sha256).digest()
header, claims = json.loads(b64(head)), json.loads(b64(body))
ok = (hmac.compare_digest(expected, b64(sig)) and header == {"alg": "HS256", "typ": "JWT"}
      and claims["sub"] == "jn-func-1" and claims["panel"] == "RISK_VIEW"
      and claims["exp"] - claims["iat"] == 1800 and abs(claims["iat"] - time.time()) < 60
      and all(k in claims for k in ("iss", "aud", "jti")))
print("verified" if ok else "refused")
PY
)
check "an independent HS256 implementation (Python hmac) verifies gep's token" [ "$verified" = verified ]
check "an unknown job answers 404" \
  [ "$(create_link '{"jobId":"nope","panelType":"QC_PANEL"}' -H "x-internal-api-key: $internal_key" | sed 's/.* //')" = 404 ]
check "a deleted job answers 404" \
  [ "$(create_link '{"jobId":"jn-func-gone","panelType":"QC_PANEL"}' -H "x-internal-api-key: $internal_key" | sed 's/.* //')" = 404 ]
check "a bad panel type answers 400" \
  [ "$(create_link '{"jobId":"jn-func-1","panelType":"EVERYTHING"}' -H "x-internal-api-key: $internal_key" | sed 's/.* //')" = 400 ]
check "no key answers 401" [ "$(create_link '{"jobId":"jn-func-1","panelType":"QC_PANEL"}' | sed 's/.* //')" = 401 ]
check "a wrong key answers 401" \
  [ "$(create_link '{"jobId":"jn-func-1","panelType":"QC_PANEL"}' -H 'x-internal-api-key: wrong' | sed 's/.* //')" = 401 ]

resolve() { curl -s -w ' %{http_code}' "$GEP_URL/api/v1/embed/session/resolve?token=$1"; }
resolved=$(resolve "$token")
check "resolve answers 200" [ "${resolved##* }" = 200 ]
check "resolve names job, panel and exp" \
  grep -qE '^\{"exp":[0-9]+,"jobId":"jn-func-1","panelType":"RISK_VIEW"\} 200$' <<<"$resolved"
tampered="${token%?}$([ "${token: -1}" = A ] && echo B || echo A)"
check "a tampered token answers 401 invalid_signature" \
  grep -q '"code":"invalid_signature".* 401$' <<<"$(resolve "$tampered")"
none_token=$(python3 -c '
import base64, json, sys, time
b = lambda o: base64.urlsafe_b64encode(json.dumps(o).encode()).decode().rstrip("=")
now = int(time.time())
print(b({"alg": "none", "typ": "JWT"}) + "." + b({"sub": "jn-func-1", "panel": "QC_PANEL", "iat": now, "exp": now + 600, "iss": "gep", "aud": "gep-embed"}) + ".")')
check "an alg:none token answers 401 invalid_signature" \
  grep -q '"code":"invalid_signature".* 401$' <<<"$(resolve "$none_token")"
check "garbage answers 401 malformed" grep -q '"code":"malformed".* 401$' <<<"$(resolve not-a-token)"

# --- framing ---
api_csp=$(curl -s -D - -o /dev/null "$GEP_URL/api/v1/health" | tr -d '\r' | grep -i '^content-security-policy:')
check "API answers may be framed by nobody" [ "$api_csp" = "Content-Security-Policy: frame-ancestors 'none'" ]
embed_csp=$(curl -s -D - -o /dev/null "$GEP_URL/embed/risk?token=$token" | tr -d '\r' | grep -i '^content-security-policy:')
# A page's policy has other directives too; framing is decided by frame-ancestors alone.
embed_framing=$(tr ';' '\n' <<<"$embed_csp" | sed -n 's/^ *\(Content-Security-Policy: \)\{0,1\}\(frame-ancestors .*\)$/\2/p')
check "/embed/* may be framed by EMBED_ALLOWED_ORIGINS only" \
  [ "$embed_framing" = "frame-ancestors https://app.jobnimbus.com https://staging.example.com" ]

# --- staff sign-in ---
login() {  # login USERNAME PASSWORD [CURL_ARGS...]: prints BODY STATUS, headers in $private/headers
  local body
  body=$(python3 -c 'import json,sys; print(json.dumps({"username": sys.argv[1], "password": sys.argv[2]}))' "$1" "$2")
  shift 2
  printf '%s' "$body" | curl -s -w ' %{http_code}' -D "$private/headers" -H 'content-type: application/json' \
    --data-binary @- "$@" "$GEP_URL/api/v1/auth/login"
}
signed_in=$(login staffer "$password" -c "$private/jar")
check "login answers 200" [ "${signed_in##* }" = 200 ]
check "login answers the user" grep -q '"user":{"displayName":"Staff Er","role":"staff","username":"staffer"}' <<<"$signed_in"
set_cookie=$(tr -d '\r' <"$private/headers" | grep -i '^set-cookie: gep_session=')
check "the session cookie is HttpOnly and SameSite=Lax" bash -c "grep -q 'HttpOnly' <<<'$set_cookie' && grep -q 'SameSite=Lax' <<<'$set_cookie'"
check "the cookie is not Secure over plain http" bash -c "! grep -q 'Secure' <<<'$set_cookie'"
session_token=$(sed -n 's/^set-cookie: gep_session=\([^;]*\).*/\1/Ip' <<<"$set_cookie")
csrf=$(json_field "${signed_in% *}" "d['csrfToken']")
register_secret "$session_token" "$csrf"
secure_login=$(login staffer "$password" -H 'X-Forwarded-Proto: https')
check "behind an https proxy the cookie is Secure" grep -qi '^set-cookie: gep_session=.*; Secure' <<<"$(tr -d '\r' <"$private/headers")"
register_secret "$(json_field "${secure_login% *}" "d['csrfToken']")"
me=$(curl -s -w ' %{http_code}' -b "$private/jar" "$GEP_URL/api/v1/auth/me")
check "GET /api/v1/auth/me answers the signed-in user" grep -q '"username":"staffer".* 200$' <<<"$me"
check "a session without x-csrf-token cannot POST (403)" \
  [ "$(create_link '{"jobId":"jn-func-1","panelType":"QC_PANEL"}' -b "$private/jar" | sed 's/.* //')" = 403 ]
check "a session with x-csrf-token creates an embed link" \
  [ "$(create_link '{"jobId":"jn-func-1","panelType":"QC_PANEL"}' -b "$private/jar" -H "x-csrf-token: $csrf" | sed 's/.* //')" = 200 ]
check "the session opens an internal API route" \
  [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$private/jar" "$GEP_URL/api/v1/jobs")" = 200 ]
logout=$(curl -s -w ' %{http_code}' -X POST -d '' -b "$private/jar" -H "x-csrf-token: $csrf" "$GEP_URL/api/v1/auth/logout")
check "logout answers 200" [ "${logout##* }" = 200 ]
check "after logout the session opens nothing (401)" \
  [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$private/jar" "$GEP_URL/api/v1/auth/me")" = 401 ]

# --- failed sign-ins: one answer for unknown and known users, then a lockout ---
unknown=$(login nobody-here "wrong password 1")
wrong=$(login staffer "wrong password 1")
check "unknown and known usernames get the same 401" [ "$unknown" = "$wrong" ]
check "the refusal is 401 invalid_credentials" grep -q '"code":"invalid_credentials".* 401$' <<<"$wrong"
for attempt in 2 3 4 5; do login staffer "wrong password $attempt" >/dev/null; done
locked=$(login staffer "$password")
check "after 5 failures even the right password answers 429" [ "${locked##* }" = 429 ]
retry_after=$(tr -d '\r' <"$private/headers" | sed -n 's/^retry-after: //Ip')
check "429 says when to retry (Retry-After)" bash -c "[ '${retry_after:-0}' -gt 800 ] && [ '${retry_after:-0}' -le 900 ]"

kill -TERM "$GEP_PID"; wait "$GEP_PID" || true
check "the request log holds no query string" bash -c "! grep -q 'token=' '$work/serve.log'"
check "the server logged the sign-in routes" grep -q 'http POST /api/v1/auth/login 429' "$work/serve.log"

# --- the demo creates a demo user once and prints its password ---
DATABASE_URL="sqlite:$work/demo/gep.db" PORT=0 JOBNIMBUS_SYNC_ENABLED=false \
  "$GEP" demo --jobs 3 --state "$work/demo/sandbox.jsonl" >"$work/demo.out" 2>"$work/demo.log" &
DEMO_PID=$!
for _ in $(seq 1 600); do
  grep -q 'listening on' "$work/demo.log" 2>/dev/null && break
  kill -0 "$DEMO_PID" 2>/dev/null || break
  sleep 0.1
done
demo_password=$(sed -n 's/.*as user "demo" with password "\([^"]*\)".*/\1/p' "$work/demo.out")
check "gep demo prints the demo user's credentials" [ -n "$demo_password" ]
demo_port=$(sed -n 's/.*listening on http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$work/demo.log" | head -n1)
if [ -n "$demo_password" ] && [ -n "$demo_port" ]; then
  GEP_URL="http://127.0.0.1:$demo_port"
  check "the demo user can sign in" [ "$(login demo "$demo_password" | sed 's/.* //')" = 200 ]
  check "the demo password is not in the log" bash -c "! grep -qF -- '$demo_password' '$work/demo.log'"
fi
kill -TERM "$DEMO_PID" 2>/dev/null; wait "$DEMO_PID" 2>/dev/null || true
rm -f "$work/demo.out"  # it shows the demo password on purpose, once

finish
