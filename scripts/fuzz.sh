#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/fuzz_*.cpp; clang, ASan+UBSan, in build-asan/ through
# scripts/asan-build.sh) and runs each for a bounded time, starting from its seed corpus
# tests/fuzz/<name>/. A crash, a sanitizer report, a leak, a timeout (10 s per input) or an
# out-of-memory (2 GB) fails the run; the input is kept as build-asan/fuzz-artifacts/<name>-*.
# Inputs that found new code are kept in build-asan/fuzz-corpus/<name>/ (reused by the next run).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [NAME...]     (default 60 s; all targets)
#   scripts/fuzz.sh 3600 csv_fast_loader                a longer local run of one target
# Replaying a crash: build-asan/tests/fuzz/fuzz_<name> build-asan/fuzz-artifacts/<name>-crash-...
set -euo pipefail
cd "$(dirname "$0")/.."
build="build-asan"
seconds="${1:-60}"
shift || true
if [ $# -gt 0 ]; then
  names=("$@")
else
  names=()
  for f in tests/fuzz/fuzz_*.cpp; do n=$(basename "$f" .cpp); names+=("${n#fuzz_}"); done
fi
targets=()
for n in "${names[@]}"; do targets+=("fuzz_$n"); done
scripts/asan-build.sh "${targets[@]}"
mkdir -p "$build/fuzz-artifacts"
# CI fuzzes from a fixed seed (1), so a run explores the same inputs as a local run with that seed
# and a change, not chance, decides whether it passes; locally 0 = a new random seed each run.
if [ "${CI:-}" = true ]; then seed="${FARO_FUZZ_SEED:-1}"; else seed="${FARO_FUZZ_SEED:-0}"; fi
export ASAN_OPTIONS="halt_on_error=1 abort_on_error=1 detect_stack_use_after_return=1"
export UBSAN_OPTIONS="halt_on_error=1 print_stacktrace=1"
for n in "${names[@]}"; do
  corpus="$build/fuzz-corpus/$n"
  mkdir -p "$corpus"
  log="$build/fuzz-artifacts/$n.log"
  echo "== fuzz_$n for $seconds s"
  if ! "$build/tests/fuzz/fuzz_$n" "$corpus" "tests/fuzz/$n" -max_total_time="$seconds" \
      -seed="$seed" -timeout=10 -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1 \
      -artifact_prefix="$build/fuzz-artifacts/$n-" >"$log" 2>&1; then
    tail -n 60 "$log"
    echo "fuzz_$n: FAILED (input saved under $build/fuzz-artifacts/, log $log)"
    exit 1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  echo "fuzz_$n: ${runs} executions, ${speed} exec/s, no crash"
done
