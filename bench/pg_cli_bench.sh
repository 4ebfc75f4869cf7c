#!/usr/bin/env bash
# `faro brief` and `faro export` on a PostGIS source: counted in the database
# (default) against pulling the rows and counting on the client (--pg-client), on the 1.28 M FGJ
# rows (all offences, CDMX 2019-2024; cli/pg_aggregates.hpp; the FGJ data have no programs, so
# `faro evaluate` is checked by the tests only). Outputs are compared (they must be
# byte-identical); each run prints wall time, the client's CPU time (user+sys of faro; the
# server's work is not in it) and the 1-minute load average, since the machine may be shared.
#
#   eval "$(scripts/pg-test-cluster.sh start)"
#   bench/pg_cli_bench.sh [build/faro]          # FARO_BENCH_PG overrides FARO_TEST_PG
#   scripts/pg-test-cluster.sh stop "$FARO_TEST_PG_DIR"
#
# The table (prefix bench_cli_fgj) persists, so a second run skips the publish.
set -euo pipefail
FARO=${1:-build/faro}
PG=${FARO_BENCH_PG:-${FARO_TEST_PG:?start a server: eval \"\$(scripts/pg-test-cluster.sh start)\"}}
DATA=${FARO_SHARED_DATA:-/work/shared/data}
TABLE=bench_cli_fgj
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
load() { cut -d' ' -f1 /proc/loadavg; }

if ! "$FARO" counts --incidents "$PG" --table "$TABLE" --by none >/dev/null 2>&1; then
  echo "publishing the FGJ rows to $TABLE ..."
  /usr/bin/time -f "publish: %e s wall" "$FARO" publish --to "$PG" --table "$TABLE" \
    --sectors "$DATA/cdmx-cuadrantes/sectores_2023.geojson" \
    --incidents "$DATA/cdmx-fgj-2019-2024/fgj_todos_cdmx_2019_2024.csv.gz" >/dev/null
fi

run() {  # name output-file args...
  local name=$1 file=$2
  shift 2
  local l0
  l0=$(load)
  /usr/bin/time -f "%e %U %S" -o "$OUT/time" "$FARO" "$@" -o "$file" >"$OUT/log" 2>&1 \
    || { cat "$OUT/log"; exit 1; }
  read -r wall user sys <"$OUT/time"
  printf '%-34s wall %6.2f s  client cpu %6.2f s  load %s -> %s  (%s)\n' "$name" "$wall" \
    "$(echo "$user + $sys" | bc)" "$l0" "$(load)" "$(grep -o '[0-9]* incident rows fetched' "$OUT/log")"
}

src=(--incidents "$PG" --table "$TABLE")
for round in 1 2; do
  echo "round $round"
  run "brief --internal (database)" "$OUT/b1.csv" brief --internal "${src[@]}"
  run "brief --internal --pg-client" "$OUT/b2.csv" brief --internal --pg-client "${src[@]}"
  cmp "$OUT/b1.csv" "$OUT/b2.csv" && echo "  brief CSVs identical"
  run "export --internal --by week (database)" "$OUT/e1.csv" export --internal --by week "${src[@]}"
  run "export --internal --by week --pg-client" "$OUT/e2.csv" export --internal --by week --pg-client "${src[@]}"
  cmp "$OUT/e1.csv" "$OUT/e2.csv" && echo "  export CSVs identical"
done
