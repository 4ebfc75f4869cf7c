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
(cd build && ctest --output-on-failure --timeout 900 -j "$(nproc)")
scripts/test-tsan.sh
