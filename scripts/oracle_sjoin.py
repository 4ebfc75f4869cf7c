#!/usr/bin/env python3
"""Reference point-in-polygon join with geopandas, for checking and timing Faro's SectorIndex.

Development tool only (the C++ tests never run it). Two uses:

  # Time geopandas sjoin(predicate="within") of the 1.28 M FGJ points to the 847 cuadrantes
  # (side by side with bench/bench_assign):
  scripts/oracle_sjoin.py --polygons ../shared/data/cdmx-cuadrantes/cuadrantes_population_2023.shp \
      --points ../shared/data/cdmx-fgj-2019-2024/fgj_todos_cdmx_2019_2024.csv.gz

  # Compare per-sector counts with `faro counts --by none` (exit status 1 on any difference):
  faro counts --sectors S --incidents P --by none -o /tmp/faro.csv
  scripts/oracle_sjoin.py --polygons S --points P --name-field sector --faro-counts /tmp/faro.csv

Points are read from the CSV's longitud/latitud columns (WGS 84). The join runs in the polygons'
CRS unless --to-crs is given (e.g. EPSG:32614, the plane Faro works in). Points on a boundary are
"within" no polygon for geopandas, while Faro gives them to exactly one sector, so counts may differ
by such points only; the comparison lists every difference.
"""
import argparse
import sys
import time

import geopandas as gpd
import pandas as pd


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--polygons", required=True, help="sector polygons (any file geopandas reads)")
    ap.add_argument("--points", required=True, help="CSV (optionally .gz) with longitud/latitud")
    ap.add_argument("--x", default="longitud")
    ap.add_argument("--y", default="latitud")
    ap.add_argument("--name-field", default=None, help="polygon field naming sectors (default: index)")
    ap.add_argument("--to-crs", default=None, help="reproject both layers before joining")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N points")
    ap.add_argument("--repeat", type=int, default=1, help="time the sjoin this many times (best kept)")
    ap.add_argument("--faro-counts", default=None, help="CSV from `faro counts --by none` to compare")
    ap.add_argument("--counts-out", default=None, help="write sector,count CSV here")
    args = ap.parse_args()

    t0 = time.perf_counter()
    df = pd.read_csv(args.points, usecols=[args.x, args.y], nrows=args.limit)
    t_read = time.perf_counter() - t0
    df = df.dropna()

    t0 = time.perf_counter()
    pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(df[args.x], df[args.y]), crs="EPSG:4326")
    t_points = time.perf_counter() - t0

    polys = gpd.read_file(args.polygons)
    t_reproject = 0.0
    if args.to_crs:
        t0 = time.perf_counter()
        pts = pts.to_crs(args.to_crs)
        polys = polys.to_crs(args.to_crs)
        t_reproject = time.perf_counter() - t0
    elif polys.crs is not None and pts.crs != polys.crs:
        pts = pts.to_crs(polys.crs)
    names = polys[args.name_field].astype(str) if args.name_field else polys.index.astype(str)
    polys = gpd.GeoDataFrame({"sector_name": names.values}, geometry=polys.geometry.values, crs=polys.crs)

    best = best_cpu = None
    for _ in range(args.repeat):
        pts_fresh = gpd.GeoDataFrame(geometry=pts.geometry.values, crs=pts.crs)  # no cached sindex
        polys_fresh = gpd.GeoDataFrame(polys.copy(), geometry="geometry", crs=polys.crs)
        t0, c0 = time.perf_counter(), time.process_time()
        joined = gpd.sjoin(pts_fresh, polys_fresh, how="left", predicate="within")
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        best = elapsed if best is None else min(best, elapsed)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)

    n = len(pts)
    # A point inside overlapping polygons appears once per polygon; Faro keeps the first sector.
    first = joined[~joined.index.duplicated(keep="first")]
    outside = int(first["sector_name"].isna().sum())
    multi = int(joined.index.duplicated().sum())
    log(f"points: {n:,} (read {t_read:.2f} s, shapely points {t_points:.2f} s"
        + (f", reprojection {t_reproject:.2f} s" if args.to_crs else "") + ")")
    log(f"polygons: {len(polys):,} from {args.polygons} (CRS {polys.crs})")
    log(f"geopandas sjoin within: {best:.3f} s wall ({best_cpu:.3f} s CPU) best of {args.repeat} = "
        f"{n / best:,.0f} points/s; "
        f"outside every polygon: {outside:,}; in more than one: {multi:,}")

    counts = first["sector_name"].fillna("(outside)").value_counts()
    if args.counts_out:
        counts.rename_axis("sector").rename("count").to_csv(args.counts_out)

    if args.faro_counts:
        faro = pd.read_csv(args.faro_counts, dtype={"sector": str})
        if "period" in faro and faro["period"].nunique() != 1:
            sys.exit("--faro-counts must come from `faro counts --by none`")
        faro = faro.set_index("sector")["count"]
        ours = counts.reindex(faro.index.union(counts.index), fill_value=0)
        theirs = faro.reindex(ours.index, fill_value=0)
        diff = (theirs - ours)[lambda d: d != 0]
        log(f"faro vs geopandas: {len(ours)} sectors compared, {len(diff)} differ, "
            f"total |difference| {int(diff.abs().sum())}")
        for name, d in diff.items():
            log(f"  {name}: faro {theirs[name]} geopandas {ours[name]}")
        return 1 if len(diff) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
