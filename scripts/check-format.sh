#!/usr/bin/env bash
# Fails when any C++ file differs from .clang-format; `scripts/check-format.sh --fix` rewrites them.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files --cached --others --exclude-standard -- 'src/*' 'apps/*' 'tests/*' 'bench/*' |
  grep -E '\.(cpp|h|hpp)$' | while read -r f; do [ -f "$f" ] && echo "$f"; done)
if [ "${1:-}" = "--fix" ]; then
  clang-format -i "${files[@]}"
  echo "format: rewrote ${#files[@]} files"
  exit 0
fi
if clang-format --dry-run --Werror "${files[@]}" 2>/tmp/gep-format.log; then
  echo "format: ${#files[@]} files clean"
else
  grep -E '^[^ ].*: (error|warning):' /tmp/gep-format.log | cut -d: -f1 | sort -u | sed 's/^/format: needs clang-format: /'
  echo "format: run scripts/check-format.sh --fix"
  exit 1
fi
