#!/usr/bin/env bash
# Issue 6, items 9-11 end to end with real processes: gep sandbox as JobNimbus, gep serve importing
# it, a real SMTP server (python3-aiosmtpd, with AUTH), `gep portal invite` mailing a magic link,
# then the customer's browser: the login page (which must not consume the link), sign-in, the
# contact's jobs only, another customer's job answering like a missing one, link reuse, logout.
GEP=$(readlink -f "$1")
source "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
mail_dir=$(mktemp -d)  # holds the mailed token: kept out of $work, whose files are grepped
trap 'kill "${GEP_PID:-0}" "${SANDBOX_PID:-0}" "${SMTP_PID:-0}" 2>/dev/null || true; rm -rf "$work" "$mail_dir"' EXIT
cd "$work"
export GEP_ENV_FILE="$work/none.env"
key="sandbox-portal-key-$$"
internal="internal-portal-key-$$"
smtp_password="smtp-pw-$$-$RANDOM$RANDOM"
register_secret "$key" "$internal" "$smtp_password"

# Debian's python3 has python3-aiosmtpd; a pyenv/venv python3 earlier on PATH may not.
PY=python3
if ! python3 -c 'import aiosmtpd' 2>/dev/null && /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null; then
  PY=/usr/bin/python3
fi
cat >"$work/smtp_server.py" <<'PY'
import os, socket, sys, time
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

out_dir, user, password = sys.argv[1:4]

class Handler:
    async def handle_DATA(self, server, session, envelope):
        n = len([f for f in os.listdir(out_dir) if f.endswith(".eml")])
        base = os.path.join(out_dir, "mail%d" % n)
        with open(base + ".env", "w") as f:
            f.write("%s\n%s\n%s\n" % (envelope.mail_from, ",".join(envelope.rcpt_tos),
                                      "auth" if session.authenticated else "noauth"))
        with open(base + ".tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(base + ".tmp", base + ".eml")
        return "250 Message accepted"

def authenticate(server, session, envelope, mechanism, auth_data):
    ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user
          and auth_data.password.decode() == password)
    return AuthResult(success=ok)

probe = socket.socket()
probe.bind(("127.0.0.1", 0))
port = probe.getsockname()[1]
probe.close()
controller = Controller(Handler(), hostname="127.0.0.1", port=port, authenticator=authenticate,
                        auth_required=True, auth_require_tls=False)
controller.start()
with open(os.path.join(out_dir, "port"), "w") as f:
    f.write(str(port))
while True:
    time.sleep(3600)
PY
"$PY" "$work/smtp_server.py" "$mail_dir" portal-mailer "$smtp_password" >"$work/smtp.log" 2>&1 &
SMTP_PID=$!
for _ in $(seq 1 200); do [ -s "$mail_dir/port" ] && break; sleep 0.05; done
[ -s "$mail_dir/port" ] || { echo "the SMTP server did not start:"; cat "$work/smtp.log"; exit 1; }
smtp_port=$(cat "$mail_dir/port")

start_sandbox "$work/sandbox.log" --api-key "$key" --jobs 40 --seed 11
common=(DATABASE_URL="sqlite:$work/gep.db" JOBNIMBUS_BASE_URL="$SANDBOX_URL" JOBNIMBUS_API_KEY="$key"
  INTERNAL_API_KEY="$internal" JOBNIMBUS_SYNC_ENABLED=false JOBNIMBUS_MAX_RPS=1000
  PORTAL_COMPANY_NAME="Sunny & Sons Solar" PORTAL_COMPANY_PHONE="801-555-0100")
start_gep "$work/serve.log" "${common[@]}"
api() { curl -s -H "x-internal-api-key: $internal" "$@"; }
for entity in jobs contacts files; do api -X POST -d '' "$GEP_URL/api/v1/sync/$entity" >/dev/null; done

# Every job's contacts, from the internal API: the customer and the jobs they should see.
api "$GEP_URL/api/v1/jobs?limit=1000" >"$work/jobs.json"
for id in $(json_field "$(cat "$work/jobs.json")" "' '.join(str(j['id']) for j in d['jobs'])"); do
  api "$GEP_URL/api/v1/jobs/$id"; echo
done >"$work/details.jsonl"
# A customer with e-mail whose job shares at least one photo (to follow a download too).
first="" contact_jnid="" email=""
while read -r job_id candidate candidate_email; do
  # A JPEG or PNG one: the sandbox also seeds HEIC photos, whose stand-in bytes no decoder reads.
  photos=$(json_field "$(api "$GEP_URL/api/v1/portal/internal/jobs/$job_id")" \
    "sum(p['contentType'] in ('image/jpeg', 'image/png') for p in d['photos'])")
  if [ "$photos" -gt 0 ]; then first=$job_id contact_jnid=$candidate email=$candidate_email; break; fi
done < <(python3 -c '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
for r in rows:
    for c in r["contacts"]:
        if c.get("email") and c.get("isPrimary"):
            print(r["id"], c["jobNimbusId"], c["email"])' "$work/details.jsonl")
mine=$(python3 -c '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
print(" ".join(sorted(str(r["id"]) for r in rows if any(c["jobNimbusId"] == sys.argv[2] for c in r["contacts"]))))' "$work/details.jsonl" "$contact_jnid")
other=$(python3 -c '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
print(next(r["id"] for r in rows if all(c["jobNimbusId"] != sys.argv[2] for c in r["contacts"])))' "$work/details.jsonl" "$contact_jnid")
check "the import has a customer with e-mail and jobs ($contact_jnid: $mine)" test -n "$email" -a -n "$mine"

# --- invite: mailed through the SMTP server, with authentication ---
invite_env=("${common[@]}" PORTAL_BASE_URL="$GEP_URL" SMTP_FROM=portal@sunny.example
  SMTP_URL="smtp://portal-mailer:$smtp_password@127.0.0.1:$smtp_port")
check "gep portal invite --help documents --contact and --ttl-minutes" \
  bash -c "'$GEP' portal invite --help | grep -q -- '--contact' && '$GEP' portal invite --help | grep -q -- '--ttl-minutes'"
env "${invite_env[@]}" "$GEP" portal invite --contact "$email" >"$work/invite.out" 2>"$work/invite.err"
check "portal invite exits 0 and says it mailed the link" grep -q "mailed a single-use sign-in link to" "$work/invite.out"
for _ in $(seq 1 100); do [ -f "$mail_dir/mail0.eml" ] && break; sleep 0.05; done
check "the SMTP server received one mail" [ -f "$mail_dir/mail0.eml" ]
check "it was sent with SMTP AUTH to the contact, from SMTP_FROM" \
  [ "$(tr '\n' ' ' <"$mail_dir/mail0.env")" = "portal@sunny.example $email auth " ]
parsed=$("$PY" - "$mail_dir/mail0.eml" <<'PY'
import email, json, re, sys
from email import policy
message = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=policy.default)
parts = {p.get_content_type(): p.get_content() for p in message.walk() if not p.is_multipart()}
text, html = parts.get("text/plain", ""), parts.get("text/html", "")
link = re.search(r"\S+/portal/login\?token=[A-Za-z0-9_-]+", text)
print(json.dumps({"type": message.get_content_type(), "date": bool(message["Date"]),
                  "id": bool(re.match(r"<[^@>]+@sunny\.example>$", message["Message-ID"] or "")),
                  "subject": message["Subject"], "link": link.group(0) if link else "",
                  "html_link": bool(link) and link.group(0).replace("&", "&amp;") in html,
                  "html_escaped": "Sunny &amp; Sons Solar" in html}))
PY
)
check "the mail is multipart/alternative with Date and Message-ID" \
  [ "$(json_field "$parsed" "(d['type'], d['date'], d['id'])")" = "('multipart/alternative', True, True)" ]
check "both bodies carry the link; the HTML escapes the company name" \
  [ "$(json_field "$parsed" "d['html_link'] and d['html_escaped']")" = True ]
link=$(json_field "$parsed" "d['link']")
token=${link##*token=}
register_secret "$token"
check "the link points at PORTAL_BASE_URL/portal/login" [ "${link%%\?*}" = "$GEP_URL/portal/login" ]

# --- the link page must not consume the link (mail scanners prefetch GET links) ---
for _ in 1 2 3; do curl -s -o "$work/page.html" -w '%{http_code}' "$link" >"$work/page.status"; done
check "GET of the link answers the sign-in page" [ "$(cat "$work/page.status")" = 200 ]
check "the page posts the token to /api/v1/portal/session" \
  grep -q 'action="/api/v1/portal/session"' "$work/page.html"
rm -f "$work/page.html"  # it holds the token

session() { curl -s -c "$mail_dir/cookies" -D "$work/session.headers" -H 'Content-Type: application/json' -d "{\"token\":\"$1\"}" "$GEP_URL/api/v1/portal/session"; }
signed_in=$(session "$token")
check "POST /api/v1/portal/session redeems the link after three page views" \
  [ "$(json_field "$signed_in" "d['contact']['email'].lower()")" = "${email,,}" ]
check "the session cookie is HttpOnly and SameSite=Lax" \
  grep -qiE '^Set-Cookie: gep_portal=[A-Za-z0-9_-]{43}; Path=/; Max-Age=[0-9]+; HttpOnly; SameSite=Lax' "$work/session.headers"
session_token=$(sed -n 's/^Set-Cookie: gep_portal=\([A-Za-z0-9_-]*\);.*/\1/ip' "$work/session.headers" | tr -d '\r')
register_secret "$session_token"
rm -f "$work/session.headers"
customer() { curl -s -b "$mail_dir/cookies" "$@"; }
listed=$(customer "$GEP_URL/api/v1/portal/jobs")
check "the customer's job list is exactly their jobs" \
  [ "$(json_field "$listed" "' '.join(sorted(str(j['id']) for j in d['jobs']))")" = "$mine" ]
# $first: the customer's job with a shared photo, picked above
view=$(customer "$GEP_URL/api/v1/portal/jobs/$first")
check "one of their jobs answers the PortalJobView" \
  [ "$(json_field "$view" "d['id'] == $first and len(d['timeline']) == 6 and d['company']['phone'] == '801-555-0100'")" = True ]
check "the view holds no internal field" \
  [ "$(json_field "$view" "sorted(d)")" = "['address', 'company', 'documents', 'id', 'name', 'nextSteps', 'number', 'photos', 'stage', 'timeline']" ]
check "shared photos are only DURING and AFTER ones" \
  [ "$(json_field "$view" "all(p['category'] in ('DURING', 'AFTER') for p in d['photos'])")" = True ]
photo_path=$(json_field "$view" \
  "next((p['downloadPath'] for p in d['photos'] if p['contentType'] in ('image/jpeg', 'image/png')), '')")
# gep serves the bytes itself (never a redirect to JobNimbus's short-lived signed URL).
check "a shared photo's downloadPath serves the photo as an attachment" \
  [ "$(customer -D "$work/photo.headers" -o "$work/photo.bin" -w '%{http_code} %{redirect_url}' "$GEP_URL$photo_path")" = "200 " ]
magic=$(head -c 3 "$work/photo.bin" | od -An -tx1 | tr -d ' \n')
check "whose bytes are the picture (JPEG or PNG, as the sandbox made it)" \
  grep -qxE 'ffd8ff|89504e' <<<"$magic"
check "sent with Content-Disposition: attachment and nosniff" \
  bash -c "grep -qi '^Content-Disposition: attachment' '$work/photo.headers' && grep -qi '^X-Content-Type-Options: nosniff' '$work/photo.headers'"
check "and ?w=320 answers a thumbnail" \
  [ "$(customer -o "$work/thumb.bin" -w '%{http_code} %{content_type}' "$GEP_URL$photo_path?w=320")" = "200 image/jpeg" ]
check "another job's file answers 404" \
  [ "$(customer -o /dev/null -w '%{http_code}' "$GEP_URL/api/v1/portal/jobs/$other/files/1")" = 404 ]
customer -o "$work/theirs.body" -w '%{http_code}' "$GEP_URL/api/v1/portal/jobs/$other" >"$work/theirs.status"
customer -o "$work/missing.body" -w '%{http_code}' "$GEP_URL/api/v1/portal/jobs/999999999" >"$work/missing.status"
check "another customer's job answers 404" [ "$(cat "$work/theirs.status")" = 404 ]
check "exactly like a job that does not exist" cmp -s "$work/theirs.body" "$work/missing.body"
internal_view=$(api "$GEP_URL/api/v1/portal/internal/jobs/$other")
check "the internal preview shows any job with the key" [ "$(json_field "$internal_view" "d['id']")" = "$other" ]
check "the internal preview refuses a customer cookie" \
  [ "$(customer -o /dev/null -w '%{http_code}' "$GEP_URL/api/v1/portal/internal/jobs/$other")" = 401 ]

again=$(curl -s -w ' %{http_code}' -H 'Content-Type: application/json' -d "{\"token\":\"$token\"}" "$GEP_URL/api/v1/portal/session")
check "a used link answers 401 invalid_link" [ "${again##* }:$(grep -c '"invalid_link"' <<<"$again")" = "401:1" ]
customer -X POST -d '' "$GEP_URL/api/v1/portal/logout" >/dev/null
check "after logout the session answers 401" \
  [ "$(customer -o /dev/null -w '%{http_code}' "$GEP_URL/api/v1/portal/jobs")" = 401 ]

# --- development: no SMTP_URL prints the link; unknown contacts fail with one line ---
env "${common[@]}" PORTAL_BASE_URL="$GEP_URL" "$GEP" portal invite --contact "$contact_jnid" --ttl-minutes 5 \
  >"$mail_dir/dev.out" 2>"$mail_dir/dev.err"
dev_link=$(grep -o 'http[^ ]*/portal/login?token=[A-Za-z0-9_-]*' "$mail_dir/dev.out" | head -n1)
check "without SMTP_URL the link is printed" [ -n "$dev_link" ]
check "and logged" grep -qF "$dev_link" "$mail_dir/dev.err"
check "the printed link signs in" [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d "{\"token\":\"${dev_link##*token=}\"}" "$GEP_URL/api/v1/portal/session")" = 200 ]
set +e
env "${invite_env[@]}" "$GEP" portal invite --contact nobody@example.invalid >"$work/unknown.out" 2>"$work/unknown.err"
rc=$?
set -e
check "an unknown contact exits 1 with a one-line reason" \
  [ "$rc:$(grep -v '^[0-9-]*T[0-9:.]*Z ' "$work/unknown.err")" = "1:portal invite: no contact with e-mail nobody@example.invalid" ]

kill -TERM "$GEP_PID"; wait "$GEP_PID" || true
check "no SMTP password, API key, link or session token in gep's log" \
  bash -c "! grep -qF -e '$smtp_password' -e '$token' -e '$session_token' -e '$internal' '$work/serve.log' '$work/invite.out' '$work/invite.err'"
finish
