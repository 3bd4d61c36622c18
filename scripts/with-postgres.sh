#!/usr/bin/env bash
# Runs a command with a PostgreSQL server for the tests: STOCKROOM_PG_URL names its maintenance
# database (each test run then creates and drops databases of its own on it).
#
#   bash scripts/with-postgres.sh npm run test:unit:pg
#
# With STOCKROOM_PG_URL already set, it simply runs the command against that server. Otherwise it
# starts a throwaway cluster (Debian's postgresql package, installed when missing) in a temp
# folder on a free port, as a non-root user (PostgreSQL refuses to run as root), with fsync off
# (test data only), and stops and removes it when the command ends, whatever its outcome.
set -euo pipefail

if [ -n "${STOCKROOM_PG_URL:-}" ]; then exec "$@"; fi

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo -n "$@"; else return 1; fi; }
bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

BIN="$(bindir)"
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  echo "with-postgres: installing PostgreSQL (Debian's postgresql package)…" >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null ||
    { echo "with-postgres: need PostgreSQL: sudo apt-get install -y postgresql (or set STOCKROOM_PG_URL)" >&2; exit 1; }
  BIN="$(bindir)"
fi

DIR="$(mktemp -d "${TMPDIR:-/tmp}/stockroom-pg-XXXXXX")"
PORT="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})")"
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$DIR"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

stop() {
  as_pg "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT

as_pg "$BIN/initdb" -D "$DIR/data" -A trust -U postgres -E UTF8 --locale=C >/dev/null
as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -t 30 \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null || { cat "$DIR/log" >&2; exit 1; }

export STOCKROOM_PG_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
echo "with-postgres: PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (throwaway)" >&2
set +e
"$@"
status=$?
exit $status
