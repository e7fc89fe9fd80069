#!/usr/bin/env bash
# npm test: every check, in order of cost. Any failure, on either database, fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n== %s\n' "$*"; }
started=$SECONDS

step "schema: generated Postgres copy is in step"
node scripts/postgres-schema.mjs --check
step "types"
npx tsc --noEmit
step "lint (layers and React rules)"
npx eslint . --max-warnings=0
step "unit"
npx vitest run --project unit
step "integration on SQLite and on Postgres (${VIGIL_TEST_PG_URL:-postgresql://postgres@127.0.0.1:5432/postgres}), side by side"
# Each run has a database of its own and runs its files one at a time: two runs fill the two cores CI has.
# Their output is printed one after the other once both are done.
logs=$(mktemp -d)
VIGIL_TEST_DB=sqlite npx vitest run --project integration >"$logs/sqlite" 2>&1 & sqlite_pid=$!
VIGIL_TEST_DB=postgres npx vitest run --project integration >"$logs/postgres" 2>&1 & postgres_pid=$!
sqlite_rc=0; postgres_rc=0
wait "$sqlite_pid" || sqlite_rc=$?
wait "$postgres_pid" || postgres_rc=$?
step "integration on SQLite (exit $sqlite_rc)"; cat "$logs/sqlite"
step "integration on Postgres (exit $postgres_rc)"; cat "$logs/postgres"
rm -rf "$logs"
if [ "$sqlite_rc" -ne 0 ] || [ "$postgres_rc" -ne 0 ]; then exit 1; fi
step "build"
npx next build
step "e2e in Chromium against next start"
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "Chromium not found at ${CHROMIUM_PATH:-/usr/bin/chromium}: install it with 'apt-get install -y chromium'." >&2
  exit 1
fi
npx playwright test

printf '\nAll checks passed in %ss.\n' "$((SECONDS - started))"
