#!/usr/bin/env bash
# Configures build-asan/ (clang, AddressSanitizer + UndefinedBehaviorSanitizer, libFuzzer coverage)
# and builds the targets given as arguments. Shared by scripts/test-asan.sh and scripts/fuzz.sh, so
# both use one build: every object is compiled once, with
#   -fsanitize=address,undefined  memory errors and undefined behaviour
#   -fno-sanitize-recover=all     the first UB report aborts (a report fails the run)
#   -fsanitize=fuzzer-no-link     libFuzzer's coverage (-DFARO_FUZZ=ON, CMakeLists.txt)
#   -O1                           keeps the slowdown moderate; NDEBUG as in the shipped build
set -euo pipefail
cd "$(dirname "$0")/.."
build="build-asan"
flags="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -g -O1 -DNDEBUG"
link="-fsanitize=address,undefined"
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Asan \
  -DFARO_BUILD_BENCH=OFF -DFARO_FUZZ=ON \
  -DCMAKE_C_FLAGS_ASAN="$flags" -DCMAKE_CXX_FLAGS_ASAN="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS_ASAN="$link" -DCMAKE_SHARED_LINKER_FLAGS_ASAN="$link" >/dev/null
start=$(date +%s)
cmake --build "$build" --parallel "$(nproc)" --target "$@"
echo "build-asan: $* built in $(($(date +%s) - start)) s"
