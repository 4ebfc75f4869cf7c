#!/usr/bin/env python3
"""Runs Faro's benchmarks and their peers side by side and prints the ratios (issue 22).

Development tool (the C++ tests never run it). It regenerates the README's performance tables:
every Faro figure is printed next to the peer or floor it is judged against, measured in the same
run on the same machine, with the load average before and after each step, because on a shared
2-core VM a figure alone means little and a ratio measured back to back means more.

  scripts/bench_peers.py                 # everything (about 6-8 minutes on 2 cores)
  scripts/bench_peers.py --quick         # skips the slow peers (GDAL's CSV driver, geopandas sjoin)
  scripts/bench_peers.py --only load,kde # some groups: load, assign, kde, filter, frames, scale10m
  scripts/bench_peers.py --markdown out.md

Peers and floors:
  load      Faro's cold gzip CSV parse vs inflating the same file alone (/vsigzip/ and libdeflate),
            vs GDAL's CSV driver; Faro's GeoPackage load vs GDAL's raw Arrow stream (bench_load,
            inflate_bench)
  assign    Faro's point-in-polygon vs geopandas sjoin(predicate="within") (bench_assign,
            scripts/oracle_sjoin.py), 847 cuadrantes and 72 sectores, EPSG:32614
  kde       Faro's CPU KDE vs numpy/scipy on the same grid (bench_kde, scripts/oracle_kde.py)
  filter    the dashboard filter over the columns (budget 50 ms at 10 M rows)
  frames    dashboard frame p50/p95/max on llvmpipe (budget p95 <= 33 ms, max <= 50 ms)
  scale10m  the 10 M synthetic set (FARO_BENCH_10M_DIR, made by scripts/make-10m.sh), if present

Needs the shared data (../shared/data or FARO_SHARED_DATA) and /usr/bin/python3 with numpy,
scipy, pandas and geopandas (Debian: python3-scipy python3-geopandas) for the peers.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def load_average():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def shared_data():
    for d in (os.environ.get("FARO_SHARED_DATA"), os.path.join(ROOT, "..", "shared", "data"),
              "/work/shared/data"):
        if d and os.path.isdir(d):
            return os.path.abspath(d)
    sys.exit("bench_peers: shared data not found (set FARO_SHARED_DATA)")


class Report:
    def __init__(self):
        self.rows = []  # (group, measure, faro, peer_name, peer, ratio_text, budget_text)
        self.loads = []

    def add(self, group, measure, faro_ms, peer_name="", peer_ms=None, kind="speedup", budget=None):
        """kind: 'speedup' prints peer/faro (how many times faster Faro is); 'floor' prints
        faro/peer (how far above its floor Faro sits); budget: (limit_ms, label) or None."""
        ratio = ""
        if peer_ms and faro_ms:
            if kind == "floor":
                ratio = f"{faro_ms / peer_ms:.2f}x the floor"
            elif peer_ms >= faro_ms:
                ratio = f"{peer_ms / faro_ms:.1f}x faster"
            else:
                ratio = f"{faro_ms / peer_ms:.1f}x slower"
        budget_text = ""
        if budget:
            limit, label = budget
            budget_text = f"{label} {'met' if faro_ms <= limit else 'MISSED'}"
        self.rows.append((group, measure, faro_ms, peer_name, peer_ms, ratio, budget_text))

    def markdown(self):
        out = ["| group | measure | Faro (ms) | peer / floor | peer (ms) | ratio | budget |",
               "|---|---|---|---|---|---|---|"]
        for g, m, f, pn, p, r, b in self.rows:
            fs = f"{f:.1f}" if f is not None else "–"
            ps = f"{p:.1f}" if p is not None else "–"
            out.append(f"| {g} | {m} | {fs} | {pn or '–'} | {ps} | {r or '–'} | {b or '–'} |")
        out.append("")
        out.append("Load average (1 min) at each step: " +
                   ", ".join(f"{g} {a:.2f}→{b:.2f}" for g, a, b in self.loads))
        return "\n".join(out)


def run_bench(build, name, filt=None, env=None):
    exe = os.path.join(build, "bench", name)
    if not os.path.exists(exe):
        log(f"  {name}: not built, skipped")
        return {}
    cmd = [exe, "--benchmark_format=json"]
    if filt:
        cmd.append(f"--benchmark_filter={filt}")
    log(f"  running {' '.join(cmd)}")
    p = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, **(env or {})})
    if p.returncode != 0:
        log(f"  {name} failed ({p.returncode}): {p.stderr[-500:]}")
        return {}
    try:
        data = json.loads(p.stdout)
    except json.JSONDecodeError:
        log(f"  {name}: no JSON output")
        return {}
    out = {}
    for b in data.get("benchmarks", []):
        if b.get("error_occurred"):
            log(f"  {b['name']}: {b.get('error_message')}")
            continue
        out[b["name"]] = b
    return out


def ms(b, field="real_time"):
    """A benchmark's time in milliseconds whatever its time unit."""
    scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[b.get("time_unit", "ns")]
    return b[field] * scale


def find(results, pattern):
    for name, b in results.items():
        if re.search(pattern, name):
            return b
    return None


def run_peer(args):
    log(f"  running {' '.join(args)}")
    p = subprocess.run(["/usr/bin/python3", *args], capture_output=True, text=True)
    if p.returncode not in (0, 1):
        log(f"  peer failed: {p.stderr[-800:]}")
    return p.stdout + p.stderr


def group_load(rep, build, quick):
    r = run_bench(build, "bench_load", None if not quick else "Faro|Raw")
    r.update(run_bench(build, "inflate_bench"))
    cold = find(r, r"BM_FaroCsvGzCold")
    vsigzip = find(r, r"BM_VsigzipChunks")
    deflate = find(r, r"BM_LibdeflateWhole")
    gdal_csv = find(r, r"BM_GdalCsvDriverScan")
    if cold and vsigzip:
        rep.add("load", "cold .csv.gz, 1.28 M rows", ms(cold), "inflate alone (/vsigzip/)",
                ms(vsigzip), "floor", (1.5 * ms(vsigzip), "≤ 1.5x floor"))
    if cold and deflate:
        rep.add("load", "cold .csv.gz, 1.28 M rows", ms(cold), "inflate alone (libdeflate)",
                ms(deflate), "floor")
    if cold and gdal_csv:
        rep.add("load", "cold .csv.gz, 1.28 M rows", ms(cold), "GDAL CSV driver scan", ms(gdal_csv))
    warm = find(r, r"BM_FaroCsvGzWarmCache")
    if warm and gdal_csv:
        rep.add("load", "warm columnar cache", ms(warm), "GDAL CSV driver scan", ms(gdal_csv))
    gpkg = find(r, r"BM_FaroGpkgArrow")
    raw = find(r, r"BM_GdalGpkgRawArrow")
    if gpkg and raw:
        rep.add("load", "GeoPackage, 1.28 M rows", ms(gpkg), "GDAL raw Arrow stream", ms(raw),
                "floor", (1.5 * ms(raw), "≤ 1.5x floor"))
    for b in (cold, gpkg):
        if b and "bytes_per_incident" in b:
            rep.add("load", f"model bytes/incident ({b['name'].split('/')[0]})",
                    b["bytes_per_incident"], budget=(30, "≤ 30 B"))


def group_assign(rep, build, quick, data):
    r = run_bench(build, "bench_assign", "BM_Assign|BM_BuildIndex")
    if quick:
        for layer, idx in (("847 cuadrantes", 0), ("72 sectores", 1)):
            a = find(r, rf"BM_Assign/{idx}/1/")
            if a:
                rep.add("assign", f"{layer}, 1 thread (CPU)", ms(a, "cpu_time"))
        return
    csv = f"{data}/cdmx-fgj-2019-2024/fgj_todos_cdmx_2019_2024.csv.gz"
    layers = (("847 cuadrantes", 0, f"{data}/cdmx-cuadrantes/cuadrantes_population_2023.shp"),
              ("72 sectores", 1, f"{data}/cdmx-cuadrantes/sectores_2023.geojson"))
    for layer, idx, poly in layers:
        a = find(r, rf"BM_Assign/{idx}/1/")
        if not a or not os.path.exists(poly):
            continue
        text = run_peer([os.path.join(HERE, "oracle_sjoin.py"), "--polygons", poly, "--points", csv,
                         "--to-crs", "EPSG:32614"])
        m = re.search(r"sjoin within: ([\d.]+) s wall \(([\d.]+) s CPU\)", text)
        rep.add("assign", f"{layer}, 1 thread (CPU)", ms(a, "cpu_time"),
                "geopandas sjoin (CPU)", float(m.group(2)) * 1e3 if m else None)


def group_kde(rep, build):
    r = run_bench(build, "bench_kde", "BM_CpuKde/.*zoom:0")
    text = run_peer([os.path.join(HERE, "oracle_kde.py"), "--repeat", "3"])
    peers = {}
    for label, key in (("histogram2d \\+ gaussian_filter", "g_hist"),
                       ("bincount \\+ gaussian_filter", "g_bc"),
                       ("bincount \\+ ndimage.correlate", "q_corr"),
                       ("bincount \\+ signal.oaconvolve", "q_fft")):
        m = re.search(label + r"\s*: min\s+([\d.]+) ms", text)
        if m:
            peers[key] = float(m.group(1))
    best_g = min((peers[k], k) for k in ("g_hist", "g_bc") if k in peers) if peers else None
    best_q = min((peers[k], k) for k in ("q_corr", "q_fft") if k in peers) if peers else None
    names = {"g_hist": "histogram2d + gaussian_filter", "g_bc": "bincount + gaussian_filter",
             "q_corr": "bincount + ndimage.correlate", "q_fft": "bincount + oaconvolve"}
    for kernel, interactive, label, best in ((0, 0, "gaussian (binned)", best_g),
                                              (1, 0, "quartic, exact", best_q),
                                              (1, 1, "quartic, binned ≤ 2 %", best_q)):
        for threads in (1, 2):
            b = find(r, rf"kernel:{kernel}/threads:{threads}/zoom:0/interactive:{interactive}")
            if b:
                rep.add("kde", f"{label}, 1920x1080 @50 m, {threads} thread(s)", ms(b),
                        f"numpy/scipy {names[best[1]]}" if best else "", best[0] if best else None)


def group_filter(rep, build, env=None, label="1.28 M rows", budget=None):
    r = run_bench(build, "filter_bench", None, env)
    for name, b in r.items():  # wall time: the filter runs on 2 threads
        rep.add("filter", f"{name} ({label}, wall)", ms(b), budget=budget)


def group_frames(rep, build, env=None, label="1.28 M"):
    r = run_bench(build, "dashboard_frame_bench", None, env)
    for name, b in r.items():
        what = name.split("/real_time")[0]
        for key, lim, txt in (("p50_ms", None, None), ("p95_ms", 33, "p95 ≤ 33"),
                              ("max_ms", 50, "max ≤ 50")):
            if key in b:
                rep.add("frames", f"{what} ({label}) {key[:-3]}", b[key],
                        budget=(lim, txt) if lim else None)


def group_scale10m(rep, build):
    d = os.environ.get("FARO_BENCH_10M_DIR", "/work/data-10m")
    if not os.path.isdir(d):
        log(f"  scale10m: {d} not found (scripts/make-10m.sh makes it), skipped")
        return
    # scale_10m_bench prints its own lines ("NAME wall X ms ... " / "NAME wall p50 X ms ..."): the
    # loads, the filters and the heatmaps at 10 M rows; budgets from issue 22.
    exe = os.path.join(build, "bench", "scale_10m_bench")
    if not os.path.exists(exe):
        log("  scale_10m_bench: not built, skipped")
        return
    log(f"  running {exe}")
    p = subprocess.run([exe], capture_output=True, text=True,
                       env={**os.environ, "FARO_BENCH_10M_DIR": d})
    budgets = {"filter": (50, "≤ 50 ms"), "kde": (100, "≤ 100 ms")}
    for line in (p.stdout + p.stderr).splitlines():
        model = re.match(r"model: \d+ incidents, ([\d.]+) bytes per incident", line)
        if model:  # the budget's figure: every column, the sector included
            rep.add("scale10m", "model bytes/incident (with sector)", float(model.group(1)),
                    budget=(30, "≤ 30 B"))
        m = re.match(r"(\S.*?)\s+wall(?: p50)?\s+([\d.]+) ms", line)
        if not m:
            continue
        name, wall = m.group(1).strip(), float(m.group(2))
        budget = next((v for k, v in budgets.items() if name.startswith(k)), None)
        rep.add("scale10m", name, wall, budget=budget)
        bpi = re.search(r"bytes/incident ([\d.]+)", line)
        if bpi and name.startswith("load csv.gz cold (no"):
            rep.add("scale10m", "bytes/incident as loaded (no sector)", float(bpi.group(1)))
        rss = re.search(r"peak_rss (\d+) MB", line)
        if rss and name.startswith("load csv.gz cold (no"):
            rep.add("scale10m", "peak RSS of a cold load (MB)", float(rss.group(1)))
    # The dashboard on the 10 M set: the frame bench with the data overrides.
    group_frames(rep, build, {"FARO_BENCH_SECTORS": os.path.join(d, "faro-demo.gpkg"),
                              "FARO_BENCH_INCIDENTS": os.path.join(d, "faro-demo-incidents.csv.gz")},
                 "10 M")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--only", default="load,assign,kde,filter,frames,scale10m")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--markdown", default=None, help="also write the table to this file")
    args = ap.parse_args()
    data = shared_data()
    os.environ.setdefault("FARO_SHARED_DATA", data)
    rep = Report()
    groups = {
        "load": lambda: group_load(rep, args.build, args.quick),
        "assign": lambda: group_assign(rep, args.build, args.quick, data),
        "kde": lambda: group_kde(rep, args.build),
        "filter": lambda: group_filter(rep, args.build),
        "frames": lambda: group_frames(rep, args.build),
        "scale10m": lambda: group_scale10m(rep, args.build),
    }
    started = time.time()
    for g in args.only.split(","):
        if g not in groups:
            sys.exit(f"bench_peers: unknown group {g} (one of {', '.join(groups)})")
        log(f"[{g}] load average {load_average():.2f}")
        before = load_average()
        groups[g]()
        rep.loads.append((g, before, load_average()))
    table = rep.markdown()
    cpu = open("/proc/cpuinfo").read()
    model = re.search(r"model name\s*: (.*)", cpu)
    header = (f"Machine: {os.cpu_count()} cores, {model.group(1) if model else 'unknown CPU'}; "
              f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {time.time() - started:.0f} s\n\n")
    print(header + table)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(header + table + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
