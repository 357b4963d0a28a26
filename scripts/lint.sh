#!/usr/bin/env bash
# The curated clang-tidy checks of .clang-tidy over src/ and apps/, using build/'s compile database.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
[ -f "$build/compile_commands.json" ] || { echo "lint: configure $build first"; exit 1; }
# A unity build (the test command's) compiles src/ as batches of files; linting the batches reads
# each batch's headers once (minutes less in CI) and reports in every .cpp of the batch, since
# HeaderFilterRegex covers src/.
if grep -q '/Unity/unity_' "$build/compile_commands.json"; then
  files="$(cd "$build" && pwd)/(src|apps)/.*/Unity/"
else
  files="$(pwd)/(src|apps)/"
fi
# The configuration is passed, not looked up beside each file: a batch lives in the build tree,
# which need not be inside the checkout.
if run-clang-tidy -p "$build" -j "$(nproc)" -quiet -config="$(cat .clang-tidy)" \
  -extra-arg=-Wno-unknown-warning-option "$files" >/tmp/gep-tidy.log 2>&1; then
  echo "lint: clang-tidy clean"
else
  grep -E '(warning|error):' /tmp/gep-tidy.log | sort -u | head -50
  echo "lint: clang-tidy found problems"
  exit 1
fi
