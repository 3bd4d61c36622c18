#!/usr/bin/env bash
# npm test: every suite, on SQLite and on PostgreSQL.
#   1. the static checks and the unit tests (SQLite, and the database-level ones on PostgreSQL) side by side;
#   2. one production build;
#   3. Playwright on SQLite, then on PostgreSQL: one after the other, as each suite drives a real
#      server in real time (side by side, on two cores, they only slowed each other into timeouts).
# PostgreSQL is a throwaway cluster started by scripts/with-postgres.sh unless STOCKROOM_PG_URL names a server.
set -uo pipefail
cd "$(dirname "$0")/.."
[ -n "${STOCKROOM_PG_URL:-}" ] || exec bash scripts/with-postgres.sh bash "$0" "$@"

LOGS="$(mktemp -d "${TMPDIR:-/tmp}/stockroom-test-XXXXXX")"
pids=() names=()
run() { local name="$1"; shift; "$@" > "$LOGS/$name.log" 2>&1 & pids+=($!); names+=("$name"); }
report() {
  local failed=0
  for i in "${!pids[@]}"; do
    if wait "${pids[$i]}"; then status=passed; else status=FAILED; failed=1; fi
    echo "── ${names[$i]}: $status"
    cat "$LOGS/${names[$i]}.log"
  done
  pids=() names=()
  return $failed
}

run typecheck npm run --silent typecheck
run lint npm run --silent lint
run unit-sqlite env -u STOCKROOM_PG_URL npm run --silent test:unit  # SQLite: without the server the pg job uses
run unit-pg npm run --silent test:unit:pg
report || exit 1

bash scripts/ensure-chromium.sh && npx next build || exit 1

echo "── e2e on SQLite"
npx playwright test || exit 1
echo "── e2e on PostgreSQL"
E2E_ENGINE=pg npx playwright test || exit 1
rm -rf "$LOGS"
