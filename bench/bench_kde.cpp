// Kernel density at screen size: 1920 x 1080 cells of 50 m (96 x 54 km, the whole of Mexico City)
// from the 1,282,913 FGJ incidents of 2019-2024
// (cdmx-fgj-2019-2024/fgj_todos_cdmx_2019_2024.csv.gz, read in place through /vsigzip/,
// EPSG:32614), bandwidth 400 m, both kernels, 1 and 2 threads. Without ../shared/data, 1,000,000
// synthetic clustered points in the same frame are used (stated in the output). Target (issue): CPU
// path <= 30 ms on the 2-core dev machine.
//   bench_kde [--benchmark_filter=...]
// The numpy/scipy peer on the same points and grid is scripts/oracle_kde.py (run it side by side;
// it prints the grid it uses, which is this file's rule: the points' bounding-box centre).
// `/usr/bin/python3 scripts/oracle_kde.py --bench build/bench/bench_kde` runs the peers, then this
// binary's exact quartic rows (kernel:1 zoom:0 interactive:0, 1 and 2 threads), and prints the
// ratios and the load average.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>

#include "core/color_domain.hpp"
#include "core/kde.hpp"
#include "core/random.hpp"
#include "io/incident_loader.hpp"

namespace {

const std::string kIncidents =
    std::string(FARO_SHARED_DATA) + "/cdmx-fgj-2019-2024/fgj_todos_cdmx_2019_2024.csv.gz";
constexpr int kNx = 1920, kNy = 1080;

struct Data {
  std::vector<double> x, y;
  std::string label;
  faro::GridSpec screen;  // 1920 x 1080 at 50 m, centred on the points' bounding box
  faro::GridSpec zoomed;  // 1920 x 1080 at 25 m: the central half of the city
};

faro::GridSpec centred(const faro::Box& b, double cell) {
  faro::GridSpec g;
  g.cell = cell;
  g.nx = kNx;
  g.ny = kNy;
  g.xmin = (b.xmin + b.xmax) / 2 - kNx * cell / 2;
  g.ymax = (b.ymin + b.ymax) / 2 + kNy * cell / 2;
  return g;
}

const Data& data() {
  static const Data d = [] {
    Data out;
    if (std::filesystem::exists(kIncidents)) {
      faro::io::IncidentSourceOptions opt;
      opt.use_cache = false;
      faro::io::IncidentLoadContext ctx;
      ctx.work_srs = "EPSG:32614";
      auto loaded = faro::io::load_incidents("/vsigzip/" + kIncidents, opt, ctx);
      out.x = std::move(loaded.store.x);
      out.y = std::move(loaded.store.y);
      out.label = "FGJ CDMX 2019-2024";
    } else {
      // Clustered synthetic points in a CDMX-sized frame: 60 hot spots + 20 % background.
      faro::Random rng(2024);
      std::vector<std::pair<double, double>> hot(60);
      for (auto& h : hot) h = {rng.uniform(465000, 507000), rng.uniform(2114000, 2166000)};
      for (int i = 0; i < 1000000; ++i) {
        if (rng.uniform() < 0.2) {
          out.x.push_back(rng.uniform(465000, 507000));
          out.y.push_back(rng.uniform(2114000, 2166000));
        } else {
          const auto& h = hot[rng.below(hot.size())];
          out.x.push_back(rng.normal(h.first, 1500));
          out.y.push_back(rng.normal(h.second, 1500));
        }
      }
      out.label = "synthetic (shared data absent)";
    }
    faro::Box box;
    for (size_t i = 0; i < out.x.size(); ++i) box.expand(out.x[i], out.y[i]);
    out.screen = centred(box, 50);
    out.zoomed = centred(box, 25);
    std::fprintf(stderr,
                 "bench_kde: %zu points (%s); screen grid xmin=%.3f ymax=%.3f cell=50 %dx%d\n",
                 out.x.size(), out.label.c_str(), out.screen.xmin, out.screen.ymax, kNx, kNy);
    return out;
  }();
  return d;
}

faro::PointSet points() {
  faro::PointSet p;
  p.x = data().x;
  p.y = data().y;
  return p;
}

// range(0): kernel (0 gaussian, 1 quartic); range(1): threads; range(2): 0 screen 50 m, 1 zoomed
// 25 m; range(3): 0 the default plan (max_binned_error 1 %), 1 the interactive one (2 %).
void BM_CpuKde(benchmark::State& state) {
  const auto kernel = state.range(0) == 0 ? faro::KdeKernel::gaussian : faro::KdeKernel::quartic;
  const faro::GridSpec& grid = state.range(2) == 0 ? data().screen : data().zoomed;
  const faro::KdeParams params{kernel, 400, 0};
  faro::CpuKde::Options options;
  options.threads = static_cast<unsigned>(state.range(1));
  if (state.range(3) == 1) options.max_binned_error = faro::CpuKde::kInteractiveBinnedError;
  faro::CpuKde kde(options);
  const faro::PointSet pts = points();
  std::vector<float> v;
  for (auto _ : state) {
    v = kde.compute(pts, grid, params);
    benchmark::DoNotOptimize(v.data());
  }
  double total = 0;
  for (float f : v) total += f;
  const auto& plan = kde.last_plan();
  state.counters["points"] = static_cast<double>(pts.size());
  state.counters["h_cells"] = params.bandwidth_m / grid.cell;
  state.counters["radius"] = plan.radius_cells;
  state.counters["coarsen"] = plan.coarsen;
  state.counters["err_bound_pct"] = plan.error_bound * 100;
  state.counters["in_grid"] = total * grid.cell_area_km2();
  state.SetLabel(std::string(faro::kde_kernel_name(kernel)) + " " +
                 (plan.path == faro::CpuKde::Path::splat ? "splat" : "binned") + ", " +
                 std::to_string(grid.nx) + "x" + std::to_string(grid.ny) + " @" +
                 std::to_string(static_cast<int>(grid.cell)) + "m, " + data().label);
}

void KdeArgs(benchmark::internal::Benchmark* b) {
  b->ArgNames({"kernel", "threads", "zoom", "interactive"});
  for (int zoom : {0, 1})
    for (int kernel : {0, 1})
      for (int threads : {1, 2}) b->Args({kernel, threads, zoom, 0});
  // The quartic at 50 m (h = 8 cells) is an exact splat by default (binning's bound 1.6 % > 1 %)
  // and binned under the interactive 2 %.
  for (int threads : {1, 2}) b->Args({1, threads, 0, 1});
}
BENCHMARK(BM_CpuKde)->Apply(KdeArgs)->Unit(benchmark::kMillisecond)->UseRealTime();

// The auto colour max over the screen grid (99th percentile of the non-zero cells).
void BM_AutoColorDomain(benchmark::State& state) {
  faro::CpuKde kde;
  const std::vector<float> v =
      kde.compute(points(), data().screen, {faro::KdeKernel::gaussian, 400, 0});
  for (auto _ : state) {
    const faro::ColorDomain d = faro::resolve_color_domain({}, v);
    benchmark::DoNotOptimize(d.max);
  }
}
BENCHMARK(BM_AutoColorDomain)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
