// Point-in-polygon assignment at real scale: the 1,282,913 FGJ incidents of 2019-2024
// (cdmx-fgj-2019-2024/fgj_todos_cdmx_2019_2024.csv.gz, read in place through /vsigzip/) against the
// 847 police cuadrantes and the 72 sectors of 2023, in EPSG:32614.
//   bench_assign [--benchmark_filter=...]
// Skips (exit 0, with a message) when ../shared/data is absent. The geopandas reference for the
// same join is scripts/oracle_sjoin.py (see its docstring); README quotes both.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>

#include "core/polygon_index.hpp"
#include "io/incident_loader.hpp"
#include "io/sector_loader.hpp"

namespace {

const std::string kData = FARO_SHARED_DATA;
const std::string kCuadrantes = kData + "/cdmx-cuadrantes/cuadrantes_population_2023.shp";
const std::string kSectores = kData + "/cdmx-cuadrantes/sectores_2023.geojson";
const std::string kIncidents = kData + "/cdmx-fgj-2019-2024/fgj_todos_cdmx_2019_2024.csv.gz";

struct Data {
  faro::SectorSet cuadrantes, sectores;
  faro::IncidentStore points;  // x, y only, EPSG:32614
};

const Data& data() {
  static const Data d = [] {
    Data out;
    out.cuadrantes = faro::io::load_sectors(kCuadrantes, {}, "").sectors;
    out.sectores = faro::io::load_sectors(kSectores, {}, out.cuadrantes.work_srs).sectors;
    faro::io::IncidentSourceOptions opt;
    opt.use_cache = false;  // time the join, not a cache
    faro::io::IncidentLoadContext ctx;
    ctx.work_srs = out.cuadrantes.work_srs;
    auto loaded = faro::io::load_incidents("/vsigzip/" + kIncidents, opt, ctx);
    out.points.x = std::move(loaded.store.x);
    out.points.y = std::move(loaded.store.y);
    std::fprintf(stderr, "bench_assign: %zu points, %zu cuadrantes, %zu sectores (%s)\n",
                 out.points.size(), out.cuadrantes.size(), out.sectores.size(),
                 out.cuadrantes.work_srs.c_str());
    return out;
  }();
  return d;
}

const faro::SectorSet& layer(int which) {
  return which == 0 ? data().cuadrantes : data().sectores;
}

void BM_BuildIndex(benchmark::State& state) {
  const faro::SectorSet& set = layer(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    faro::SectorIndex index(set);
    benchmark::DoNotOptimize(&index);
  }
  state.counters["sectors"] = static_cast<double>(set.size());
  state.SetLabel(state.range(0) == 0 ? "847 cuadrantes" : "72 sectores");
}

// assign() over all 1.28 M points with range(1) threads.
void BM_Assign(benchmark::State& state) {
  const faro::SectorSet& set = layer(static_cast<int>(state.range(0)));
  const auto threads = static_cast<unsigned>(state.range(1));
  const faro::SectorIndex index(set);
  faro::IncidentStore store;
  store.x = data().points.x;
  store.y = data().points.y;
  for (auto _ : state) {
    index.assign(store, threads);
    benchmark::ClobberMemory();
  }
  const auto n = static_cast<double>(store.size());
  const auto inside =
      std::count_if(store.sector.begin(), store.sector.end(), [](int32_t s) { return s >= 0; });
  state.counters["points"] = n;
  state.counters["outside"] = n - static_cast<double>(inside);
  state.counters["points/s"] =
      benchmark::Counter(n * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.SetLabel(state.range(0) == 0 ? "847 cuadrantes" : "72 sectores");
}

// Index build plus assignment, single thread: what a UI pays when the sector layer changes.
void BM_BuildAndAssign(benchmark::State& state) {
  const faro::SectorSet& set = layer(static_cast<int>(state.range(0)));
  faro::IncidentStore store;
  store.x = data().points.x;
  store.y = data().points.y;
  for (auto _ : state) {
    const faro::SectorIndex index(set);
    index.assign(store, 1);
    benchmark::ClobberMemory();
  }
  state.counters["points/s"] = benchmark::Counter(
      static_cast<double>(store.size()) * static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate);
  state.SetLabel(state.range(0) == 0 ? "847 cuadrantes" : "72 sectores");
}

// Baseline without the grid: bounding-box test then the crossing test over every edge of every
// sector whose box holds the point (the first 100,000 points only; it is slow).
void BM_NaiveBoxScan(benchmark::State& state) {
  const faro::SectorSet& set = layer(static_cast<int>(state.range(0)));
  const size_t n = std::min<size_t>(100000, data().points.size());
  const std::vector<double>& xs = data().points.x;
  const std::vector<double>& ys = data().points.y;
  auto contains = [](const faro::MultiPolygon& mp, double x, double y) {
    bool in = false;
    auto ring = [&](const faro::Ring& r) {
      for (size_t i = 0, m = r.size(); i < m; ++i) {
        const faro::Vec2& a = r[i];
        const faro::Vec2& b = r[(i + 1) % m];
        if ((a.y > y) == (b.y > y)) continue;
        const faro::Vec2& lo = a.y < b.y ? a : b;
        const faro::Vec2& hi = a.y < b.y ? b : a;
        if (x < lo.x + (y - lo.y) * ((hi.x - lo.x) / (hi.y - lo.y))) in = !in;
      }
    };
    for (const faro::Polygon& p : mp) {
      ring(p.outer);
      for (const faro::Ring& h : p.holes) ring(h);
    }
    return in;
  };
  int64_t found = 0;
  for (auto _ : state) {
    found = 0;
    for (size_t i = 0; i < n; ++i) {
      for (const faro::Sector& s : set.sectors) {
        if (s.bbox.contains(xs[i], ys[i]) && contains(s.shape, xs[i], ys[i])) {
          ++found;
          break;
        }
      }
    }
    benchmark::DoNotOptimize(found);
  }
  state.counters["points"] = static_cast<double>(n);
  state.counters["points/s"] =
      benchmark::Counter(static_cast<double>(n) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
  state.SetLabel(state.range(0) == 0 ? "847 cuadrantes" : "72 sectores");
}

}  // namespace

int main(int argc, char** argv) {
  for (const std::string& f : {kCuadrantes, kSectores, kIncidents}) {
    if (!std::filesystem::exists(f)) {
      std::printf("bench_assign: shared data not found (%s); skipped\n", f.c_str());
      return 0;
    }
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  data();  // load once, before any timing
  // range(0): 0 = cuadrantes, 1 = sectores; range(1): threads.
  benchmark::RegisterBenchmark("BM_BuildIndex", BM_BuildIndex)
      ->Arg(0)
      ->Arg(1)
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_Assign", BM_Assign)
      ->Args({0, 1})
      ->Args({0, 2})
      ->Args({1, 1})
      ->Args({1, 2})
      ->UseRealTime()
      ->MeasureProcessCPUTime()  // CPU column: all threads
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_BuildAndAssign", BM_BuildAndAssign)
      ->Arg(0)
      ->Arg(1)
      ->UseRealTime()
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_NaiveBoxScan", BM_NaiveBoxScan)
      ->Arg(0)
      ->Arg(1)
      ->Unit(benchmark::kMillisecond);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
