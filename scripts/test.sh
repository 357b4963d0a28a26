#!/usr/bin/env bash
# The whole test suite, from a fresh clone: install what is missing, check formatting, build,
# run every test on SQLite and on a private PostgreSQL 15 cluster, then build with ASan+UBSan
# and run the tests again. Exit 0 only when everything passed.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
step() { printf '\n==> %s (%ss)\n' "$*" "$(($(date +%s) - started))"; }
jobs=$(nproc)
# Paths relative to the checkout in ccache's keys, so a fresh clone (CI) reuses earlier compiles.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1

step "setup"
bash scripts/setup.sh

step "format check"
bash scripts/check-format.sh

# Unity builds (CMake compiles each target's sources in batches of 8): every header is parsed and
# every template instantiated once per batch instead of once per file, a cold build in about a
# quarter of the time. It also proves the sources can share a batch: no two files of one target
# may define the same name in an anonymous namespace.
unity=-DCMAKE_UNITY_BUILD=ON

step "build (RelWithDebInfo)"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGEP_LINE_TABLES_ONLY=ON "$unity" >/dev/null
cmake --build build -j "$jobs"

step "clang-tidy"
bash scripts/lint.sh build

step "private PostgreSQL cluster"
bash scripts/pg-test-cluster.sh start
trap 'bash scripts/pg-test-cluster.sh stop' EXIT
eval "$(bash scripts/pg-test-cluster.sh env)"
export GEP_TEST_DATABASE_URL
echo "PostgreSQL test database: $GEP_TEST_DATABASE_URL"

# Functional tests register every secret they hand to gep here; after each ctest run the suite
# greps all the output it produced (ctest keeps every test's output in LastTest.log) for them.
GEP_SUITE_SECRETS=$(mktemp)
export GEP_SUITE_SECRETS
no_secret_in_test_output() {
  local log=$1/Testing/Temporary/LastTest.log
  [ -s "$GEP_SUITE_SECRETS" ] || { echo "secrets: no test registered a secret"; return 1; }
  if grep -qFf <(sort -u "$GEP_SUITE_SECRETS") "$log"; then
    echo "secrets: a registered secret appears in $log"
    return 1
  fi
  echo "secrets: none of $(sort -u "$GEP_SUITE_SECRETS" | wc -l) registered secrets appears in the test output"
}

step "tests (SQLite and PostgreSQL)"
ctest --test-dir build --output-on-failure -j "$jobs" --timeout 900
no_secret_in_test_output build

step "sanitizer build (ASan+UBSan)"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DGEP_SANITIZE=ON -DGEP_BUILD_BENCH=OFF \
  -DGEP_LINE_TABLES_ONLY=ON "$unity" >/dev/null
cmake --build build-asan -j "$jobs"

step "tests under ASan+UBSan"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# Tests labelled "heavy" (large imports, benchmarks-sized data) run once, above; under the
# sanitizers they would only repeat the same code paths ten times slower.
ctest --test-dir build-asan --output-on-failure -j "$jobs" --timeout 900 -LE heavy
no_secret_in_test_output build-asan

step "done in $(($(date +%s) - started))s"
