#!/usr/bin/env python3
"""Hostile clients against a running `gep serve` (issue 12): slow headers and bodies, a deeply
nested webhook, chunked bodies past the limit, CL+TE, header floods, NUL, pipelining, portal
login CSRF and log forging. Prints one `ok`/`FAIL` line per check; exits 1 on any failure.

usage: hostile_clients.py BASE_URL PID WEBHOOK_TOKEN HEADER_TIMEOUT_SECONDS
"""
import os
import select
import socket
import sys
import threading
import time

base, pid, webhook_token, header_timeout = sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4])
host, port = base.split("//")[1].split(":")
port = int(port)
failures = 0


def check(description, condition):
    global failures
    print(("ok   - " if condition else "FAIL - ") + description, flush=True)
    if not condition:
        failures += 1


def connect(timeout=10.0):
    sock = socket.create_connection((host, port), timeout=timeout)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def read_response(sock, deadline=10.0):
    """One response (status, headers, body) read by Content-Length; None if the peer closed."""
    sock.settimeout(deadline)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None, data
        data += chunk
    head, rest = data.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        rest += chunk
    return (status, headers, rest[:length]), rest[length:]


def request(raw, timeout=10.0):
    sock = connect(timeout)
    try:
        sock.sendall(raw)
        response, _ = read_response(sock, timeout)
        return response
    except (ConnectionResetError, BrokenPipeError, socket.timeout):
        return None
    finally:
        sock.close()


def rss_mib():
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return -1


def alive():
    try:
        with open(f"/proc/{pid}/status"):
            return True
    except OSError:
        return False


def probe_health():
    started = time.monotonic()
    response = request(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 5)
    return (response is not None and response[0] == 200), (time.monotonic() - started) * 1000


# --- 1. slow clients: 200 trickling headers, 50 trickling bodies -----------------------------
def slow_clients():
    header_socks = []
    body_socks = []
    for _ in range(200):
        sock = connect()
        sock.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        header_socks.append(sock)
    for _ in range(50):
        sock = connect()
        sock.sendall(b"POST /api/v1/portal/session HTTP/1.1\r\nHost: x\r\n"
                     b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\ntoken=")
        body_socks.append(sock)
    opened = time.monotonic()
    closed_at = {}
    stop = threading.Event()

    def trickle():
        while not stop.is_set():
            for sock in header_socks + body_socks:
                if sock in closed_at:
                    continue
                try:
                    sock.send(b"a")
                except OSError:
                    closed_at[sock] = time.monotonic() - opened
            readable, _, _ = select.select([s for s in header_socks + body_socks if s not in closed_at], [], [], 1.0)
            for sock in readable:
                try:
                    if not sock.recv(65536):
                        closed_at[sock] = time.monotonic() - opened
                except OSError:
                    closed_at[sock] = time.monotonic() - opened

    worker = threading.Thread(target=trickle)
    worker.start()
    probes = []
    while time.monotonic() - opened < header_timeout + 1.5:
        probes.append(probe_health())
        time.sleep(0.2)
    slowest = max(ms for _, ms in probes)
    check(f"/api/v1/health answered all {len(probes)} probes beside 250 trickling connections "
          f"(slowest {slowest:.1f} ms, every one < 100 ms)",
          all(ok for ok, _ in probes) and slowest < 100)
    # Bodies have a 10 s grace, then the minimum rate.
    while time.monotonic() - opened < 14 and len(closed_at) < 250:
        time.sleep(0.2)
    stop.set()
    worker.join()
    header_times = [closed_at.get(s) for s in header_socks]
    body_times = [closed_at.get(s) for s in body_socks]
    check(f"all 200 trickling headers were closed by the header deadline ({header_timeout:.0f} s; "
          f"last at {max(t or 99 for t in header_times):.1f} s)",
          all(t is not None and t <= header_timeout + 1.5 for t in header_times))
    check(f"all 50 trickling bodies were closed by their deadline (10 s grace; last at "
          f"{max(t or 99 for t in body_times):.1f} s)",
          all(t is not None and t <= 12.5 for t in body_times))
    for sock in header_socks + body_socks:
        sock.close()


# --- 2. a webhook body nested 100,000 deep ---------------------------------------------------
def deep_webhook():
    depth = 100_000
    body = ('{"jnid":"deep1","type":"job","custom":' + "[" * depth + "]" * depth + "}").encode()
    raw = (f"POST /api/v1/webhooks/jobnimbus?token={webhook_token} HTTP/1.1\r\nHost: x\r\n"
           f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode() + body
    response = request(raw)
    check("a webhook nested 100,000 deep answers 400", response is not None and response[0] == 400)
    check("… and gep lives on", alive() and probe_health()[0])


# --- 3. 30 MiB chunked bodies ----------------------------------------------------------------
def chunked_flood(method, path):
    sock = connect(20)
    sock.sendall(f"{method} {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                 f"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n".encode())
    chunk = b"%x\r\n" % 65536 + b"[" * 65536 + b"\r\n"
    try:
        for _ in range(30 * 16):  # 30 MiB
            sock.sendall(chunk)
        sock.sendall(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass
    try:
        response, _ = read_response(sock, 20)
    except (ConnectionResetError, socket.timeout):
        response = None
    sock.close()
    return response


def chunked_limits():
    routes = [("POST", "/api/v1/portal/session"), ("POST", f"/api/v1/webhooks/jobnimbus?token={webhook_token}"),
              ("POST", "/api/v1/auth/login"), ("POST", "/api/v1/embed/links"),
              ("POST", "/api/v1/jobs/abc/attachments"), ("POST", "/api/v1/jobs/abc/notes"),
              ("POST", "/api/v1/sync/jobs"), ("PUT", "/api/v1/anything"), ("GET", "/api/v1/health")]
    statuses = [(method, path.split("?")[0], (chunked_flood(method, path) or (None,))[0]) for method, path in routes]
    check("a 30 MiB chunked body answers 413 on every route tried: " +
          ", ".join(f"{m} {p} {s}" for m, p, s in statuses), all(s == 413 for _, _, s in statuses))
    peak = rss_mib()
    if os.environ.get("GEP_SANITIZED_BUILD") == "1":
        # ASan holds freed blocks in quarantine and maps shadow memory, so RSS measures the
        # sanitizer, not gep's buffering; the release build's pass makes this check.
        print(f"     skip - resident memory ({peak:.0f} MiB): sanitizer build, checked in the release pass")
        return
    check(f"… and the resident memory stays below 100 MB ({peak:.0f} MiB)", 0 < peak < 100)


# --- 4. framing and header abuse -------------------------------------------------------------
def framing():
    both = request(b"POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                   b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
    check("Content-Length with Transfer-Encoding answers 400", both is not None and both[0] == 400)
    flood = b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n" + b"".join(
        b"X-H%d: v\r\n" % i for i in range(10_000)) + b"\r\n"
    many = request(flood)
    check("10,000 headers answer 431", many is not None and many[0] == 431)
    nul = request(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Nul: a\x00b\r\n\r\n")
    check("a NUL in a header value answers 400", nul is not None and nul[0] == 400)
    no_length = request(b"POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\n\r\n")
    check("a POST without Content-Length answers 411", no_length is not None and no_length[0] == 411)


def pipelining():
    sock = connect()
    sock.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n"
                 b"GET /api/v1/no-such-route HTTP/1.1\r\nHost: x\r\n\r\n"
                 b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    statuses = []
    leftover = b""
    for _ in range(3):
        response, leftover = read_response_with(sock, leftover)
        statuses.append(response[0] if response else None)
    sock.close()
    check(f"three pipelined requests are answered in order (200, 404, 200): {statuses}",
          statuses == [200, 404, 200])


def read_response_with(sock, pending):
    class Buffered:
        def __init__(self, sock, data):
            self.sock, self.data = sock, data

        def settimeout(self, t):
            self.sock.settimeout(t)

        def recv(self, n):
            if self.data:
                data, self.data = self.data, b""
                return data
            return self.sock.recv(n)
    return read_response(Buffered(sock, pending))


def login_csrf():
    def sign_in(extra):
        body = b"token=not-a-real-link"
        raw = (b"POST /api/v1/portal/session HTTP/1.1\r\nHost: " + f"{host}:{port}".encode() +
               b"\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
               str(len(body)).encode() + b"\r\n" + extra + b"Connection: close\r\n\r\n" + body)
        response = request(raw)
        return response[0] if response else None
    check("portal sign-in with Origin: https://evil.example answers 403",
          sign_in(b"Origin: https://evil.example\r\n") == 403)
    check("portal sign-in with Origin: null answers 403", sign_in(b"Origin: null\r\n") == 403)
    check("portal sign-in with a foreign Referer answers 403",
          sign_in(b"Referer: https://evil.example/page\r\n") == 403)
    check("portal sign-in with Sec-Fetch-Site: same-site answers 403",
          sign_in(b"Sec-Fetch-Site: same-site\r\n") == 403)
    own = f"Origin: http://{host}:{port}\r\n".encode()
    # A form whose link is bad is sent to the page that explains it (303 /portal/link-expired).
    check("portal sign-in from its own origin reaches the token check (303 to link-expired)",
          sign_in(own) == 303)


def forged_log_line():
    response = request(b"GET /api/v1/x%0aFORGED-LINE%00nul HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    check("a path with %0a and %00 answers 404", response is not None and response[0] == 404)


for test in (slow_clients, deep_webhook, framing, pipelining, login_csrf, forged_log_line, chunked_limits):
    test()
check("gep is still serving after all of it", alive() and probe_health()[0])
sys.exit(1 if failures else 0)
