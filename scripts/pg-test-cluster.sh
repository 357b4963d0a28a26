#!/usr/bin/env bash
# A private, throwaway PostgreSQL 15 cluster for the storage tests.
#
#   scripts/pg-test-cluster.sh start   # initdb + start on 127.0.0.1:<free port>, create gep_test
#   scripts/pg-test-cluster.sh env     # prints GEP_TEST_DATABASE_URL=postgres://...
#   scripts/pg-test-cluster.sh stop    # stops the server and removes its directory
#
# Usage in a test script:  export "$(scripts/pg-test-cluster.sh env)"
#
# The cluster lives in a temp dir recorded in a state file (GEP_PG_TEST_STATE, default
# /tmp/gep-pg-test.state), so `start` after an interrupted run first removes the leftover.
# initdb refuses to run as root (CI runs as root), so the server runs as the `postgres` user.
# Loopback-only with trust auth: nothing else can reach it and it holds only test data.
# fsync=off, synchronous_commit=off and full_page_writes=off trade crash safety, which a cluster
# deleted after the run never needs, for speed; the tests measure correctness, not durability.
# GEP_PG_TEST_DURABLE=1 keeps PostgreSQL's durable defaults, for measurements that compare
# commit-bound write paths (one autocommit per row pays an fsync per commit there).
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
STATE_FILE=${GEP_PG_TEST_STATE:-/tmp/gep-pg-test.state}
DB_NAME=gep_test

die() { echo "pg-test-cluster: $*" >&2; exit 1; }

# Runs a PostgreSQL binary as the cluster's owner.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

state_value() {  # state_value KEY -> value from the state file, empty when absent
  [ -f "$STATE_FILE" ] || return 0
  sed -n "s/^$1=//p" "$STATE_FILE" | head -n 1
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

stop_cluster() {
  local dir
  dir=$(state_value DIR)
  if [ -n "$dir" ] && [ -d "$dir" ]; then
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
  fi
  rm -f "$STATE_FILE"
}

start_cluster() {
  [ -x "$PG_BIN/initdb" ] || die "PostgreSQL 15 binaries not found in $PG_BIN (scripts/setup.sh installs postgresql-15)"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || die "running as root needs the 'postgres' user (package postgresql-15 creates it)"
  fi
  stop_cluster  # a leftover of an earlier run, if any

  local dir
  dir=$(mktemp -d "${TMPDIR:-/tmp}/gep-pg.XXXXXX")
  chmod 700 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  printf 'DIR=%s\n' "$dir" >"$STATE_FILE"

  as_owner "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }

  # A random free port; retried because another process may take it between check and start.
  local fast="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ "${GEP_PG_TEST_DURABLE:-0}" = 1 ] && fast=""
  local port="" attempt
  for attempt in 1 2 3 4 5 6 7 8; do
    local candidate=$((20000 + RANDOM % 40000))
    port_in_use "$candidate" && continue
    if as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
      "-c listen_addresses=127.0.0.1 -c port=$candidate -c unix_socket_directories=$dir \
       $fast -c max_connections=300 -c shared_buffers=128MB" >/dev/null 2>&1; then
      port=$candidate
      break
    fi
    echo "pg-test-cluster: start on port $candidate failed (attempt $attempt), retrying" >&2
  done
  [ -n "$port" ] || { tail -n 20 "$dir/server.log" >&2 || true; die "could not start PostgreSQL"; }

  as_owner "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres \
    -c "CREATE DATABASE $DB_NAME" >/dev/null || die "could not create database $DB_NAME"

  local url="postgres://postgres@127.0.0.1:$port/$DB_NAME"
  printf 'DIR=%s\nPORT=%s\nGEP_TEST_DATABASE_URL=%s\n' "$dir" "$port" "$url" >"$STATE_FILE"
  echo "GEP_TEST_DATABASE_URL=$url"
}

case "${1:-}" in
  start) start_cluster ;;
  stop) stop_cluster ;;
  env)
    url=$(state_value GEP_TEST_DATABASE_URL)
    [ -n "$url" ] || die "no cluster running (run: $0 start)"
    echo "GEP_TEST_DATABASE_URL=$url"
    ;;
  *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
