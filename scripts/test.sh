#!/usr/bin/env bash
# npm test: the static checks and the unit tests side by side, then the production build and
# Playwright (which needs the machine to itself: its tests drive one server in real time).
set -uo pipefail
cd "$(dirname "$0")/.."

pids=() names=()
run() { npm run --silent "$1" > "${TMPDIR:-/tmp}/stockroom-$1.log" 2>&1 & pids+=($!); names+=("$1"); }
run typecheck
run lint
run test:unit

failed=0
for i in "${!pids[@]}"; do
  if wait "${pids[$i]}"; then status=passed; else status=FAILED; failed=1; fi
  echo "── ${names[$i]}: $status"
  cat "${TMPDIR:-/tmp}/stockroom-${names[$i]}.log"
done
[ "$failed" = 0 ] || exit 1

npm run test:e2e
