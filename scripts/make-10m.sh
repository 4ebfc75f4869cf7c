#!/usr/bin/env bash
# Makes the 10 M-incident synthetic set (issue 22 part 2) OUTSIDE the repository:
#   scripts/make-10m.sh [DIR] [N] [SEED]      (defaults: /work/data-10m, 10000000, 42)
# Writes DIR/faro-demo.gpkg (sectors, incidents, programs, program_sectors; EPSG:32614) and
# DIR/faro-demo-incidents.csv.gz (id, fecha_hecho, hora_hecho, delito, sector, distrito, latitud,
# longitud) with `faro demo --incidents N`: deterministic from the seed, streamed a month at a time
# (flat memory). Then, for example:
#   FARO_BENCH_10M_DIR=DIR build/bench/scale_10m_bench
#   FARO_BENCH_SECTORS=DIR/faro-demo.gpkg FARO_BENCH_INCIDENTS=DIR/faro-demo-incidents.csv.gz \
#     build/bench/dashboard_frame_bench
#   build/faro dashboard --sectors DIR/faro-demo.gpkg --incidents DIR/faro-demo-incidents.csv.gz
# Never commit the output (about 0.6 GB GeoPackage + 0.2 GB gzip CSV at 10 M rows).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-/work/data-10m}"
n="${2:-10000000}"
seed="${3:-42}"
faro="${FARO_BIN:-$here/build/faro}"
if [[ ! -x "$faro" ]]; then
  echo "make-10m.sh: $faro not found; build it first (cmake --build build --target faro)" >&2
  exit 1
fi
case "$(cd "$(dirname "$dir")" 2>/dev/null && pwd)/" in
  "$here"/*) echo "make-10m.sh: $dir is inside the repository; pick a folder outside it" >&2; exit 1 ;;
esac
mkdir -p "$dir"
start=$(date +%s)
/usr/bin/time -f "faro demo: %e s wall, %U s user, peak RSS %M KB" \
  "$faro" demo --out "$dir" --incidents "$n" --seed "$seed"
echo "make-10m.sh: done in $(( $(date +%s) - start )) s:"
ls -l "$dir"/faro-demo.gpkg "$dir"/faro-demo-incidents.csv.gz
