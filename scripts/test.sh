#!/usr/bin/env bash
# README command 2 (and what CI runs): install dependencies, build everything, run all tests.
# Real-data tests read ../shared/data and skip with a message when it is absent. Then the app and
# ui tests again under ThreadSanitizer (scripts/test-tsan.sh: ~7 min from scratch on 2 cores, of
# which ~40 s running).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
# A private cache folder, so tests never read or write the user's ~/.cache/faro.
export FARO_CACHE_DIR="$PWD/build/test-cache"
rm -rf "$FARO_CACHE_DIR"
# A throw-away PostgreSQL + PostGIS server for the PostGIS tests (scripts/pg-test-cluster.sh),
# stopped when this script exits, also on failure. Under CI the server must start (the PostGIS
# tests fail without FARO_TEST_PG); elsewhere a machine without the packages skips those tests.
pg_status=0
pg_env=$(scripts/pg-test-cluster.sh start) || pg_status=$?
if [ $pg_status -eq 0 ]; then
  eval "$pg_env"
  trap 'scripts/pg-test-cluster.sh stop "$FARO_TEST_PG_DIR"' EXIT
elif [ "${CI:-}" = "true" ] || [ -n "${FARO_REQUIRE_PG:-}" ] || [ $pg_status -ne 3 ]; then
  echo "test.sh: the PostgreSQL test server did not start" >&2
  exit 1
else
  echo "test.sh: PostgreSQL/PostGIS not installed: the PostGIS tests will skip" >&2
fi
(cd build && ctest --output-on-failure --timeout 900 -j "$(nproc)")
scripts/test-tsan.sh
