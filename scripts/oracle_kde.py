#!/usr/bin/env python3
"""numpy/scipy peer for Faro's CPU kernel density, on the same points and grid as bench/bench_kde.

Development tool only (the C++ tests never run it). Run it right after bench_kde, on the same
machine, and compare the times (bench_kde's 2-thread BM_CpuKde rows vs the peer's best):

  build/bench/bench_kde --benchmark_filter='zoom:0'
  /usr/bin/python3 scripts/oracle_kde.py     # times the peers, prints the grid and a faro command

  # Peers and Faro's exact quartic back to back, with the load average and a ratio line:
  /usr/bin/python3 scripts/oracle_kde.py --bench build/bench/bench_kde

  # Accuracy: write Faro's grid for the same frame, then compare (peer vs Faro vs exact sums):
  scripts/oracle_kde.py --faro build/faro

Points: the 1,282,913 FGJ incidents (longitud/latitud, WGS 84) projected to EPSG:32614 with pyproj.
Grid: 1920 x 1080 cells of 50 m centred on the points' bounding box (bench_kde's rule).
Peers (all single-threaded, as numpy/scipy run these):
  gaussian  np.histogram2d (nearest-cell binning) + scipy.ndimage.gaussian_filter(truncate=4)
            and the same with np.bincount binning (faster than histogram2d)
  quartic   np.bincount + scipy.ndimage.correlate with the 2-D quartic disk stencil, and
            scipy.signal.oaconvolve (overlap-add FFT) with the same stencil
Densities are scaled to incidents per km² like Faro's.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np
import pandas as pd
import pyproj
from scipy import ndimage, signal

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CSV = os.path.join(HERE, "..", "..", "shared", "data", "cdmx-fgj-2019-2024",
                           "fgj_todos_cdmx_2019_2024.csv.gz")


def log(msg):
    print(msg, file=sys.stderr, flush=True)


CPU_MS = {}  # peer label -> min process CPU time (ms): comparable with bench_kde's cpu_time


def timed(fn, repeat, label=None):
    times, cpus, out = [], [], None
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        out = fn()
        times.append((time.perf_counter() - t0) * 1000)
        cpus.append((time.process_time() - c0) * 1000)
    if label:
        CPU_MS[label] = min(cpus)
    return out, min(times), statistics.median(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--csv", default=DEFAULT_CSV)
    ap.add_argument("--nx", type=int, default=1920)
    ap.add_argument("--ny", type=int, default=1080)
    ap.add_argument("--cell", type=float, default=50.0)
    ap.add_argument("--bandwidth", type=float, default=400.0)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--faro", default=None, help="faro binary: also write and compare its GeoTIFFs")
    ap.add_argument("--bench", default=None,
                    help="bench_kde binary: run Faro's exact quartic (1 and 2 threads) right after the "
                         "peers and print the ratios")
    args = ap.parse_args()
    if not os.path.exists(args.csv):
        sys.exit(f"oracle_kde: {args.csv} not found (shared data absent)")

    log(f"reading {args.csv} ...")
    df = pd.read_csv(args.csv, usecols=["longitud", "latitud"])
    tr = pyproj.Transformer.from_crs("EPSG:4326", "EPSG:32614", always_xy=True)
    x, y = tr.transform(df["longitud"].to_numpy(), df["latitud"].to_numpy())
    x, y = np.asarray(x), np.asarray(y)
    n = len(x)
    cell, nx, ny, bw = args.cell, args.nx, args.ny, args.bandwidth
    xmin = (x.min() + x.max()) / 2 - nx * cell / 2
    ymax = (y.min() + y.max()) / 2 + ny * cell / 2
    xmax, ymin = xmin + nx * cell, ymax - ny * cell
    per_km2 = 1e6 / (cell * cell)
    print(f"points {n}; grid xmin={xmin:.3f} ymax={ymax:.3f} cell={cell:g} {nx}x{ny}; bandwidth {bw:g} m")

    # --- gaussian peers -------------------------------------------------------------------------
    sigma = bw / cell

    def hist_gauss():
        h, _, _ = np.histogram2d(y, x, bins=[ny, nx], range=[[ymin, ymax], [xmin, xmax]])
        return ndimage.gaussian_filter(h[::-1], sigma, truncate=4.0, mode="constant") * per_km2

    col = np.floor((x - xmin) / cell).astype(np.int64)
    row = np.floor((ymax - y) / cell).astype(np.int64)
    inside = (col >= 0) & (col < nx) & (row >= 0) & (row < ny)

    def bincount_grid():
        c = (x - xmin) / cell
        r = (ymax - y) / cell
        ci, ri = np.floor(c).astype(np.int64), np.floor(r).astype(np.int64)
        ok = (ci >= 0) & (ci < nx) & (ri >= 0) & (ri < ny)
        return np.bincount(ri[ok] * nx + ci[ok], minlength=nx * ny).reshape(ny, nx).astype(np.float32)

    def bincount_gauss():
        return ndimage.gaussian_filter(bincount_grid(), sigma, truncate=4.0, mode="constant") * per_km2

    g_hist, hist_min, hist_med = timed(hist_gauss, args.repeat)
    g_bc, bc_min, bc_med = timed(bincount_gauss, args.repeat)
    _, bin_min, _ = timed(bincount_grid, args.repeat)

    # --- quartic peers --------------------------------------------------------------------------
    H = bw / cell
    R = int(np.ceil(H))
    o = np.arange(-R, R + 1)
    d2 = (o[None, :] ** 2 + o[:, None] ** 2) / (H * H)
    stencil = np.where(d2 < 1, (1 - d2) ** 2, 0.0)
    stencil = (stencil / stencil.sum()).astype(np.float32)

    def quartic_direct():
        return ndimage.correlate(bincount_grid(), stencil, mode="constant") * per_km2

    def quartic_fft():
        return signal.oaconvolve(bincount_grid(), stencil, mode="same") * per_km2

    q_direct, qd_min, qd_med = timed(quartic_direct, max(1, min(args.repeat, 3)), "quartic bincount + ndimage.correlate")
    q_fft, qf_min, qf_med = timed(quartic_fft, args.repeat, "quartic bincount + signal.oaconvolve")

    print(f"gaussian  histogram2d + gaussian_filter : min {hist_min:8.1f} ms  median {hist_med:8.1f} ms")
    print(f"gaussian  bincount + gaussian_filter    : min {bc_min:8.1f} ms  median {bc_med:8.1f} ms"
          f"  (binning alone {bin_min:.1f} ms)")
    print(f"quartic   bincount + ndimage.correlate  : min {qd_min:8.1f} ms  median {qd_med:8.1f} ms")
    print(f"quartic   bincount + signal.oaconvolve  : min {qf_min:8.1f} ms  median {qf_med:8.1f} ms")
    print(f"peer grid sums x cell area: gaussian {g_bc.sum() / per_km2:.1f}, quartic {q_fft.sum() / per_km2:.1f}"
          f" of {int(inside.sum())} points inside")
    extent = f"{xmin:.6f},{ymin:.6f},{xmax:.6f},{ymax:.6f}"
    print(f"same grid in faro: faro kde --incidents /vsigzip/{os.path.abspath(args.csv)} --work-srs EPSG:32614 "
          f"--extent {extent} --cell {cell:g} --bandwidth {bw:g} [--kernel quartic] -o OUT.tif")

    print(f"load average {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    if args.bench:
        best = min((qf_min, "bincount + signal.oaconvolve"), (qd_min, "bincount + ndimage.correlate"))
        best_cpu = min(CPU_MS.values())
        out = subprocess.run([args.bench, "--benchmark_filter=BM_CpuKde/kernel:1/threads:./zoom:0/interactive:0",
                              "--benchmark_format=json", "--benchmark_repetitions=3",
                              "--benchmark_report_aggregates_only=false"],
                             check=True, capture_output=True, text=True).stdout
        import json
        runs = {}
        for b in json.loads(out)["benchmarks"]:
            if b.get("run_type") != "iteration":
                continue
            threads = int(b["name"].split("threads:")[1].split("/")[0])
            wall, cpu = b["real_time"], b["cpu_time"]
            if threads not in runs or wall < runs[threads][0]:
                runs[threads] = (wall, cpu, b.get("label", ""))
        for threads, (wall, cpu, label) in sorted(runs.items()):
            print(f"faro exact quartic, {threads} thread(s) ({label}): min {wall:.1f} ms wall, {cpu:.1f} ms cpu "
                  f"(main thread); ratio to the best peer ({best[1]}, {best[0]:.1f} ms wall, "
                  f"{best_cpu:.1f} ms cpu): {wall / best[0]:.2f}x wall")
        print(f"load average {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    if not args.faro:
        return

    def exact(kernel, r, c):
        """Direct sum at cell (r, c): the truth both grids approximate."""
        cx, cy = xmin + (c + 0.5) * cell, ymax - (r + 0.5) * cell
        dd = (x - cx) ** 2 + (y - cy) ** 2
        if kernel == "gaussian":
            return np.exp(-dd / (2 * bw * bw)).sum() / (2 * np.pi * bw * bw) * 1e6
        t = np.clip(1 - dd / (bw * bw), 0, None)
        return (t * t).sum() * 3 / (np.pi * bw * bw) * 1e6

    with tempfile.TemporaryDirectory() as tmp:
        for kernel, peer in (("gaussian", g_bc), ("quartic", q_fft)):
            out = os.path.join(tmp, kernel + ".tif")
            cmd = [args.faro, "kde", "--incidents", "/vsigzip/" + os.path.abspath(args.csv), "--work-srs",
                   "EPSG:32614", "--extent", extent, "--cell", f"{cell:g}", "--bandwidth", f"{bw:g}",
                   "--kernel", kernel, "-o", out]
            subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)
            # Read back through the gdal_translate CLI: importing osgeo next to pyproj's own PROJ
            # crashes this Python (two libproj builds in one process).
            raw = os.path.join(tmp, kernel + ".f32")
            subprocess.run(["gdal_translate", "-q", "-of", "ENVI", out, raw], check=True)
            faro = np.fromfile(raw, dtype="<f4").reshape(ny, nx).astype(np.float64)
            top = np.argsort(faro.ravel())[-20:]
            cells = [divmod(int(i), nx) for i in top]
            rng = np.random.default_rng(1)
            cells += [(int(rng.integers(ny)), int(rng.integers(nx))) for _ in range(20)]
            truth = np.array([exact(kernel, r, c) for r, c in cells])
            f_err = np.max(np.abs(np.array([faro[r, c] for r, c in cells]) - truth)) / truth.max()
            p_err = np.max(np.abs(np.array([peer[r, c] for r, c in cells]) - truth)) / truth.max()
            print(f"{kernel:8s}: peak exact {truth.max():.1f}/km²; max error on 40 cells (20 highest + 20 random): "
                  f"faro {100 * f_err:.3f} %, numpy/scipy peer {100 * p_err:.3f} % of the peak; "
                  f"faro grid sum x area {faro.sum() / per_km2:.1f}")


if __name__ == "__main__":
    main()
