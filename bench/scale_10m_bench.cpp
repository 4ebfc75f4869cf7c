// Faro at 10 M incidents: the scaled demo set that scripts/make-10m.sh writes (faro demo --incidents
// 10000000: faro-demo.gpkg and faro-demo-incidents.csv.gz) through the normal loaders, the columnar
// cache, the dashboard's filter and the interactive (binned) heatmap on 2 threads.
//   FARO_BENCH_10M_DIR=/work/data-10m build/bench/scale_10m_bench
// Prints one line per measurement: wall ms, CPU ms (all threads; on a shared machine the wall time
// depends on the neighbours, CPU time does not) and, for the loads, the peak RSS of a child process
// that did only that load (fork, so each peak is its own). Budgets (issue 22): filter <= 50 ms,
// heatmap <= 100 ms on 2 threads, model <= 30 bytes per incident. Without the folder it says so
// and exits 0.
// FARO_BENCH_10M_PARTS=filter,kde (any of load, filter, kde; default all) runs only those parts;
// without "load" the cache folder is kept (FARO_BENCH_10M_CACHE, default <dir>/bench-cache), so a
// second run loads warm in seconds. FARO_BENCH_10M_AFTER_ONLY=1 skips the heatmap's "before" runs.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <numeric>
#include <string>
#include <vector>

#include "core/kde.hpp"
#include "core/polygon_index.hpp"
#include "core/workspace.hpp"
#include "io/incident_loader.hpp"
#include "io/sector_loader.hpp"

namespace {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::string g_dir, g_csv, g_gpkg;

double cpu_s() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         1e-6 * static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec);
}
double peak_rss_mb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;
}

faro::io::IncidentLoadResult load(const std::string& source, bool use_cache,
                                  const std::string& layer = "") {
  faro::io::IncidentSourceOptions o;
  o.use_cache = use_cache;
  o.layer = layer;
  faro::io::IncidentLoadContext c;
  c.work_srs = "EPSG:32614";
  return faro::io::load_incidents(source, o, c);
}

// One load in a child process: its own peak RSS, nothing left behind in this one.
void timed_load(const char* what, const std::function<faro::io::IncidentLoadResult()>& run) {
  std::fflush(stdout);
  const pid_t pid = fork();
  if (pid == 0) {
    const double c0 = cpu_s();
    const auto t0 = Clock::now();
    faro::io::IncidentLoadResult r = run();
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    std::printf("%-28s wall %9.1f ms  cpu %9.1f ms  rows %zu  method %s  bytes/incident %.2f  "
                "peak_rss %.0f MB\n",
                what, ms, 1e3 * (cpu_s() - c0), r.store.size(), r.report.method.c_str(),
                static_cast<double>(r.store.memory_bytes()) / static_cast<double>(r.store.size()),
                peak_rss_mb());
    std::fflush(stdout);
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) std::printf("%-28s FAILED\n", what);
}

// Median wall and mean CPU of `reps` runs of `f`.
void timed(const char* what, int reps, const std::function<void()>& f, const char* extra = "") {
  std::vector<double> ms;
  const double c0 = cpu_s();
  for (int i = 0; i < reps; ++i) {
    const auto t0 = Clock::now();
    f();
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  std::printf("%-28s wall p50 %7.1f ms  min %7.1f  max %7.1f  cpu %7.1f ms/run (all threads)%s\n",
              what, ms[ms.size() / 2], ms.front(), ms.back(), 1e3 * (cpu_s() - c0) / reps, extra);
}

faro::CivilSeconds day(int y, int m, int d) {
  return faro::days_from_civil(y, m, d) * faro::kSecondsPerDay;
}

}  // namespace

int main() {
  const char* dir = std::getenv("FARO_BENCH_10M_DIR");
  if (!dir || !*dir) {
    std::printf("scale_10m_bench skipped: set FARO_BENCH_10M_DIR to the folder scripts/make-10m.sh "
                "wrote (faro-demo.gpkg, faro-demo-incidents.csv.gz)\n");
    return 0;
  }
  g_dir = dir;
  g_csv = (fs::path(g_dir) / "faro-demo-incidents.csv.gz").string();
  g_gpkg = (fs::path(g_dir) / "faro-demo.gpkg").string();
  if (!fs::exists(g_csv) || !fs::exists(g_gpkg)) {
    std::printf("scale_10m_bench skipped: %s or %s missing (run scripts/make-10m.sh %s)\n",
                g_csv.c_str(), g_gpkg.c_str(), g_dir.c_str());
    return 0;
  }
  const char* parts_env = std::getenv("FARO_BENCH_10M_PARTS");
  const std::string parts = parts_env && *parts_env ? parts_env : "load,filter,kde";
  const auto part = [&](const char* name) { return parts.find(name) != std::string::npos; };
  const char* cache_env = std::getenv("FARO_BENCH_10M_CACHE");
  const fs::path cache = cache_env && *cache_env ? fs::path(cache_env) : fs::path(g_dir) / "bench-cache";
  ::setenv("FARO_CACHE_DIR", cache.c_str(), 1);
  if (part("load")) {
    // The bench's own cache, emptied first: "fill" is a cold load plus the cache write, "warm" a
    // hit.
    fs::remove_all(cache);
    fs::create_directories(cache);
    timed_load("load csv.gz cold (no cache)", [] { return load(g_csv, false); });
    timed_load("load gpkg cold", [] { return load(g_gpkg, false, "incidents"); });
    timed_load("load csv.gz cold + cache write", [] { return load(g_csv, true); });
    timed_load("load csv.gz warm (cache)", [] { return load(g_csv, true); });
  } else {
    fs::create_directories(cache);
  }

  faro::Workspace ws;
  ws.sectors = faro::io::load_sectors(g_gpkg, {"sectors"}, "").sectors;
  ws.incidents = load(g_csv, true).store;
  {
    const double c0 = cpu_s();
    const auto t0 = Clock::now();
    faro::SectorIndex(ws.sectors).assign(ws.incidents);
    std::printf("%-28s wall %9.1f ms  cpu %9.1f ms  (%zu sectors)\n", "assign sectors",
                std::chrono::duration<double, std::milli>(Clock::now() - t0).count(),
                1e3 * (cpu_s() - c0), ws.sectors.size());
  }
  const size_t n = ws.incidents.size();
  std::printf("model: %zu incidents, %.2f bytes per incident (columns incl. sector), peak RSS "
              "so far %.0f MB\n",
              n, static_cast<double>(ws.incidents.memory_bytes()) / static_cast<double>(n),
              peak_rss_mb());

  // The filters of filter_bench: none, a typical click, weekend nights, a tenth of the sectors.
  std::vector<std::pair<const char*, faro::FilterState>> filters;
  filters.push_back({"filter none", {}});
  faro::FilterState typical;
  typical.from = day(2022, 1, 1);
  typical.to_exclusive = day(2023, 1, 1);
  typical.categories = {"disparos de arma de fuego", "lesiones por arma de fuego",
                        "homicidio por arma de fuego"};
  filters.push_back({"filter year+3 offences", typical});
  faro::FilterState nights;
  nights.hour_mask = 0xF00000;
  nights.weekday_mask = 0x30;
  filters.push_back({"filter weekend nights", nights});
  faro::FilterState subset;
  for (size_t s = 0; s < ws.sectors.size(); s += 10) subset.sectors.push_back(ws.sectors.sectors[s].name);
  subset.from = day(2019, 1, 1);
  subset.to_exclusive = day(2021, 1, 1);
  filters.push_back({"filter sectors+dates", subset});
  faro::FilterResult all;
  for (const auto& [name, f] : filters) {
    if (!part("filter")) break;
    faro::FilterResult r;
    timed(name, 7, [&] { r = faro::compute_filter_result(ws, f); });
    std::printf("    selected %lld of %zu\n", static_cast<long long>(r.total), n);
    if (all.rows.empty()) all = std::move(r);  // the first: every row
  }
  if (!part("kde")) {
    std::printf("peak RSS of this process %.0f MB\n", peak_rss_mb());
    return 0;
  }
  if (all.rows.empty()) all = faro::compute_filter_result(ws, {});

  // The interactive heatmap as the density worker computes it: the selected rows' points gathered,
  // then binned KDE at the interactive error bound, 2 threads, a 1600 x 900 grid over the city.
  const faro::Box box = ws.incidents.extent();
  faro::GridSpec grid;
  grid.nx = 1600;
  grid.ny = 900;
  grid.cell = std::ceil(std::max((box.xmax - box.xmin) / grid.nx, (box.ymax - box.ymin) / grid.ny));
  grid.xmin = (box.xmin + box.xmax) / 2 - grid.nx * grid.cell / 2;
  grid.ymax = (box.ymin + box.ymax) / 2 + grid.ny * grid.cell / 2;
  faro::GridSpec zoomed = grid;  // 4x closer: the central quarter of the city, same cell count
  zoomed.cell = grid.cell / 4;
  zoomed.xmin = (box.xmin + box.xmax) / 2 - zoomed.nx * zoomed.cell / 2;
  zoomed.ymax = (box.ymin + box.ymax) / 2 + zoomed.ny * zoomed.cell / 2;
  // Before (main at 815128a): the worker gathered the selected rows' points into columns of their
  // own (160 MB at 10 M), then binned them. After: CpuKde::compute_rows bins straight from the
  // store's columns through the rows. Same sums (checked here, bit for bit).
  faro::IncidentStore::PointColumns pts;
  timed("gather points (all rows)", 5, [&] { pts = ws.incidents.gather_points(all.rows); });
  const faro::PointSet columns = faro::point_set(ws.incidents);
  faro::CpuKde::Options options;
  options.threads = 2;
  options.max_binned_error = faro::CpuKde::kInteractiveBinnedError;
  faro::CpuKde kde(options);
  const bool skip_before = std::getenv("FARO_BENCH_10M_AFTER_ONLY") != nullptr;
  for (const auto& [label, g] : {std::pair{"city", grid}, std::pair{"zoom 4x", zoomed}})
    for (const faro::KdeKernel k : {faro::KdeKernel::gaussian, faro::KdeKernel::quartic}) {
      const faro::KdeParams params{k, faro::kDefaultBandwidthM, 0};
      const std::string name = std::string("kde ") + faro::kde_kernel_name(k) + " " + label;
      std::vector<float> before, after;
      if (!skip_before) timed((name + " gather+bin (before)").c_str(), 5, [&] {
        const faro::IncidentStore::PointColumns p = ws.incidents.gather_points(all.rows);
        before = kde.compute(faro::PointSet{p.x, p.y, p.weight}, g, params);
      });
      timed((name + " from rows (after)").c_str(), 5,
            [&] { after = kde.compute_rows(columns, all.rows, g, params); });
      const auto& plan = kde.last_plan();
      std::printf("    %dx%d @%.1f m, h %.0f m, %s, error bound %.2f %%, identical %s\n", g.nx,
                  g.ny, g.cell, faro::kDefaultBandwidthM,
                  plan.path == faro::CpuKde::Path::splat ? "exact splat" : "binned",
                  plan.error_bound * 100,
                  skip_before ? "(not run)" : before == after ? "yes" : "NO");
    }
  std::printf("peak RSS of this process %.0f MB\n", peak_rss_mb());
  return 0;
}
