#!/usr/bin/env bash
# AddressSanitizer + UndefinedBehaviorSanitizer run of the whole test suite: builds faro and every
# test binary with clang into build-asan/ (scripts/asan-build.sh; a separate folder, the flags
# differ from build/) and runs every test binary. The first report fails the run: ASan halts on
# the first error and UBSan does not recover (-fno-sanitize-recover=all).
#
# Leak checking is off here: GDAL, PROJ, fontconfig and Mesa keep process-lifetime allocations
# that LeakSanitizer reports; the fuzz targets (scripts/fuzz.sh) do check leaks per input.
#
# Called by scripts/test.sh after the normal suite; runs alone too:
#   scripts/test-asan.sh [gtest filter]
# FARO_ASAN_BINARIES="faro_core_tests faro_io_tests" runs only some test binaries.
set -euo pipefail
cd "$(dirname "$0")/.."
build="build-asan"
filter="${1:-*}"
binaries="${FARO_ASAN_BINARIES:-faro_core_tests faro_io_tests faro_render_tests faro_ui_tests faro_app_tests faro_cli_tests}"
# shellcheck disable=SC2086
scripts/asan-build.sh faro $binaries
export ASAN_OPTIONS="halt_on_error=1 abort_on_error=1 detect_leaks=0 detect_stack_use_after_return=1 check_initialization_order=1 strict_init_order=1"
export UBSAN_OPTIONS="halt_on_error=1 print_stacktrace=1"
# The kill -9 test starts a sanitized child per kill: fewer kills here than in the normal suite.
export FARO_KILL_COUNT="${FARO_KILL_COUNT:-12}"
export FARO_CACHE_DIR="$PWD/$build/test-cache"
rm -rf "$FARO_CACHE_DIR"
start=$(date +%s)
for t in $binaries; do
  echo "== $t under ASan+UBSan"
  "$build/tests/$t" --gtest_filter="$filter" --gtest_brief=1
done
echo "ASan+UBSan: no report ($(($(date +%s) - start)) s running)"
