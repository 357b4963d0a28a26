#!/usr/bin/env bash
# Installs every Debian package gep needs to build, run and test. Idempotent: when all are
# present it only checks (dpkg-query) and exits, so a second run is quick and changes nothing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  clang-format clang-tidy
  libcurl4-openssl-dev libssl-dev
  libboost-dev nlohmann-json3-dev libsimdjson-dev
  libsqlite3-dev sqlite3 libpq-dev
  libjwt-dev libargon2-dev
  libspdlog-dev libfmt-dev libcli11-dev libkainjow-mustache-dev libhowardhinnant-date-dev tzdata
  libgtest-dev libgmock-dev
  postgresql-15 postgresql-client-15
  python3 python3-aiosmtpd curl wrk procps
  libvips-dev
  chromium fonts-dejavu-core
)

# Node.js runs the browser tests' tools (tests/browser): Debian's nodejs when no node is present.
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

echo "setup: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done"
