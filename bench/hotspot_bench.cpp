// Hot spot analysis at real scale: Gi* with 999 conditional permutations on the 847 CDMX police
// cuadrantes (queen contiguity from the real polygons, counts = the 2019-2024 homicide and
// firearm-injury file when present), queen contiguity itself, emerging hot spots over 72 months,
// hexagon assignment of 1 M points, and the Knox test on 10,000 clustered points.
//   hotspot_bench [--benchmark_filter=...] [--benchmark_min_time=0.2]
// Falls back to an 847-cell hexagon lattice with Poisson counts when ../shared/data is absent.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "core/emerging_hotspots.hpp"
#include "core/gi_star.hpp"
#include "core/hex_grid.hpp"
#include "core/knox.hpp"
#include "core/polygon_index.hpp"
#include "core/random.hpp"
#include "io/incident_loader.hpp"
#include "io/sector_loader.hpp"

namespace {

const std::string kData = FARO_SHARED_DATA;
const std::string kCuadrantes = kData + "/cdmx-cuadrantes/cuadrantes_population_2023.shp";
const std::string kIncidents =
    kData + "/cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv";

struct Units {
  bool real = false;
  std::vector<faro::MultiPolygon> shapes;
  faro::SpatialWeights weights;
  std::vector<double> counts;
};

const Units& units() {
  static const Units u = [] {
    Units out;
    if (std::filesystem::exists(kCuadrantes)) {
      out.real = true;
      const faro::SectorSet s = faro::io::load_sectors(kCuadrantes, {}, "").sectors;
      for (const auto& sec : s.sectors) out.shapes.push_back(sec.shape);
      std::vector<const faro::MultiPolygon*> ptrs;
      for (const auto& m : out.shapes) ptrs.push_back(&m);
      out.weights = faro::queen_contiguity(ptrs, 1.0);
      out.counts.assign(s.size(), 0);
      if (std::filesystem::exists(kIncidents)) {
        faro::io::IncidentLoadContext ctx;
        ctx.work_srs = s.work_srs;
        auto loaded = faro::io::load_incidents(kIncidents, {}, ctx);
        const faro::SectorIndex index(s);
        for (size_t i = 0; i < loaded.store.size(); ++i) {
          const int32_t k = index.locate(loaded.store.x[i], loaded.store.y[i]);
          if (k >= 0) out.counts[k] += 1;
        }
      }
    } else {
      std::fprintf(stderr, "note: %s absent: using an 847-cell hexagon lattice\n",
                   kCuadrantes.c_str());
      const faro::CellGrid grid(faro::CellShape::hexagon, 1, {0, 0, 29, 28});
      std::vector<uint32_t> cells(847);
      for (uint32_t i = 0; i < 847; ++i) cells[i] = i;
      out.weights = grid.weights(cells);
      faro::Random rng(5);
      for (int i = 0; i < 847; ++i) out.counts.push_back(static_cast<double>(rng.poisson(14)));
    }
    return out;
  }();
  return u;
}

void BM_GiStar999Cuadrantes(benchmark::State& state) {
  const Units& u = units();
  faro::GiStarOptions o;
  o.permutations = 999;
  o.threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(faro::gi_star(u.counts, u.weights, o));
  state.SetLabel(std::to_string(u.counts.size()) + (u.real ? " real cuadrantes" : " lattice") +
                 ", " + std::to_string(o.threads) + " threads");
}
BENCHMARK(BM_GiStar999Cuadrantes)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

void BM_QueenContiguityCuadrantes(benchmark::State& state) {
  const Units& u = units();
  if (!u.real) {
    state.SkipWithError("real cuadrantes absent");
    return;
  }
  std::vector<const faro::MultiPolygon*> ptrs;
  for (const auto& m : u.shapes) ptrs.push_back(&m);
  for (auto _ : state) benchmark::DoNotOptimize(faro::queen_contiguity(ptrs, 1.0));
}
BENCHMARK(BM_QueenContiguityCuadrantes)->Unit(benchmark::kMillisecond);

void BM_EmergingCuadrantes72Months(benchmark::State& state) {
  const Units& u = units();
  const size_t bins = 72;
  faro::Random rng(8);
  std::vector<double> cube(u.counts.size() * bins);
  for (size_t i = 0; i < cube.size(); ++i)
    cube[i] = static_cast<double>(rng.poisson(u.counts[i / bins] / bins + 0.05));
  for (auto _ : state)
    benchmark::DoNotOptimize(faro::emerging_hotspots(cube, u.counts.size(), bins, u.weights));
}
BENCHMARK(BM_EmergingCuadrantes72Months)->Unit(benchmark::kMillisecond);

void BM_HexAssign1M(benchmark::State& state) {
  // 1 M points over a CDMX-sized 40 x 50 km extent, 250 m hexagons.
  const faro::CellGrid grid(faro::CellShape::hexagon, 250, {470000, 2110000, 510000, 2160000});
  faro::Random rng(1);
  std::vector<double> xs(1'000'000), ys(1'000'000);
  for (size_t i = 0; i < xs.size(); ++i) {
    xs[i] = rng.uniform(470000, 510000);
    ys[i] = rng.uniform(2110000, 2160000);
  }
  for (auto _ : state)
    benchmark::DoNotOptimize(grid.assign(xs, ys, static_cast<unsigned>(state.range(0))));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(xs.size()));
}
BENCHMARK(BM_HexAssign1M)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

void BM_Knox10k(benchmark::State& state) {
  // 10,000 points, clustered like shootings (200 clusters of 300 m sd in 40 x 40 km), 6 years.
  faro::Random rng(2);
  std::vector<double> x, y;
  std::vector<int64_t> t;
  std::vector<std::pair<double, double>> centres(200);
  for (auto& c : centres) c = {rng.uniform(0, 40000), rng.uniform(0, 40000)};
  for (int i = 0; i < 10000; ++i) {
    const auto& c = centres[rng.below(centres.size())];
    x.push_back(rng.normal(c.first, 300));
    y.push_back(rng.normal(c.second, 300));
    t.push_back(static_cast<int64_t>(rng.below(6 * 365)) * 86400);
  }
  faro::KnoxOptions o;
  o.permutations = static_cast<int>(state.range(0));
  size_t pairs = 0;
  for (auto _ : state) pairs = faro::knox_test(x, y, t, o).close_pairs;
  state.SetLabel(std::to_string(pairs) + " pairs within 400 m");
}
BENCHMARK(BM_Knox10k)->Arg(999)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
