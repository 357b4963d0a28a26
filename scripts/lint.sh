#!/usr/bin/env bash
# The curated clang-tidy checks of .clang-tidy over src/ and apps/, using build/'s compile database.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
[ -f "$build/compile_commands.json" ] || { echo "lint: configure $build first"; exit 1; }
if run-clang-tidy -p "$build" -j "$(nproc)" -quiet -extra-arg=-Wno-unknown-warning-option "$(pwd)/(src|apps)/" >/tmp/gep-tidy.log 2>&1; then
  echo "lint: clang-tidy clean"
else
  grep -E '(warning|error):' /tmp/gep-tidy.log | sort -u | head -50
  echo "lint: clang-tidy found problems"
  exit 1
fi
