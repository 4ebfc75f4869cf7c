#!/usr/bin/env bash
# README command 2 (and what CI runs): install dependencies, build everything, run all tests.
# Real-data tests read ../shared/data and skip with a message when it is absent. Then the sanitizer
# runs (README, "Reliability"): the app and ui tests again under ThreadSanitizer
# (scripts/test-tsan.sh: ~7 min from scratch on 2 cores, of which ~40 s running), the whole suite
# under AddressSanitizer + UndefinedBehaviorSanitizer (scripts/test-asan.sh) and each libFuzzer
# target for FARO_FUZZ_SECONDS (default 30) s (scripts/fuzz.sh), the last two from one clang build.
# FARO_SANITIZERS=0 skips the three sanitizer steps (a quick local run; CI always runs them).
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
if [ "${FARO_SANITIZERS:-1}" != 0 ]; then
  scripts/test-tsan.sh
  scripts/test-asan.sh
  scripts/fuzz.sh "${FARO_FUZZ_SECONDS:-30}"
fi
