#!/usr/bin/env bash
# ThreadSanitizer run of the threaded dashboard code: builds faro and the app and ui test binaries
# with -fsanitize=thread into build-tsan/ (a separate folder: the flags differ from build/) and
# runs both test binaries; the first data race fails the run (halt_on_error=1). This covers the
# UI thread against the load, export and density threads, timeline playback while an export runs
# included (tests/app/export_during_playback_test.cpp).
#
# Suppressions (scripts/tsan.supp) are for third-party libraries only (Mesa's llvmpipe/EGL and
# GDAL are not built with TSan, so their internal synchronisation is invisible to it); never add
# Faro code there. Called by scripts/test.sh after the normal suite; runs alone too:
#   scripts/test-tsan.sh [gtest filter]
set -euo pipefail
cd "$(dirname "$0")/.."
build=build-tsan
filter="${1:-*}"
# A build type of its own (CMake reads CMAKE_<LANG>_FLAGS_TSAN), so RelWithDebInfo's -O2 does not
# follow: -O1 keeps TSan's slowdown moderate. NDEBUG as in the normal build, so the code under test
# is the code that ships.
flags="-fsanitize=thread -g -O1 -DNDEBUG"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Tsan -DFARO_BUILD_BENCH=OFF \
  -DCMAKE_C_FLAGS_TSAN="$flags" -DCMAKE_CXX_FLAGS_TSAN="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS_TSAN="-fsanitize=thread" >/dev/null
cmake --build "$build" --parallel "$(nproc)" --target faro faro_app_tests faro_ui_tests
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$PWD/scripts/tsan.supp"
export FARO_CACHE_DIR="$PWD/$build/test-cache"
rm -rf "$FARO_CACHE_DIR"
start=$(date +%s)
for t in faro_app_tests faro_ui_tests; do
  echo "== $t under ThreadSanitizer"
  "$build/tests/$t" --gtest_filter="$filter" --gtest_brief=1
done
echo "ThreadSanitizer: no data race ($(($(date +%s) - start)) s)"
