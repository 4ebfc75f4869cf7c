// The dashboard's filter pass (compute_filter_result) at real scale: the 1,282,913 FGJ incidents of
// 2019-2024 (cdmx-fgj-2019-2024/fgj_todos_cdmx_2019_2024.csv.gz) assigned to the 847 cuadrantes of
// 2023, or, when ../shared/data is absent, the demo city replicated to the same row count.
//   filter_bench [--benchmark_min_time=0.2]
// Every panel redraws from this result after each click, so a typical filter must take a few ms.
// Counters: rows (store size), selected (rows passing), threads, cpu_ms_all_threads (process CPU
// per filter: the cost on an idle machine is about this divided by the threads).
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <numeric>
#include <string>
#include <thread>

#include "core/demo_city.hpp"
#include "core/polygon_index.hpp"
#include "core/workspace.hpp"
#include "io/incident_loader.hpp"
#include "io/sector_loader.hpp"

namespace {
namespace fs = std::filesystem;

const std::string kData = FARO_SHARED_DATA;
const std::string kCuadrantes = kData + "/cdmx-cuadrantes/cuadrantes_population_2023.shp";
const std::string kIncidents = kData + "/cdmx-fgj-2019-2024/fgj_todos_cdmx_2019_2024.csv.gz";
constexpr size_t kTargetRows = 1'282'913;  // the FGJ file's loaded rows

faro::Workspace replicated_demo() {
  faro::DemoCity city = faro::generate_demo_city();
  faro::Workspace ws;
  ws.sectors = std::move(city.sectors);
  const faro::IncidentStore& in = city.incidents;
  faro::IncidentStore& out = ws.incidents;
  out.categories = in.categories;
  out.reserve(kTargetRows);
  out.sector.reserve(kTargetRows);
  for (size_t i = 0; out.size() < kTargetRows; i = (i + 1) % in.size()) {
    out.push_back(in.x[i], in.y[i], in.t[i], in.category[i], in.flags[i]);
    out.sector.push_back(in.sector[i]);
  }
  ws.title = "demo city replicated";
  return ws;
}

faro::Workspace real_data() {
  // Own cache directory: the first run fills it, later runs start in a second.
  const fs::path cache = fs::temp_directory_path() / "faro-filter-bench-cache";
  fs::create_directories(cache);
  ::setenv("FARO_CACHE_DIR", cache.c_str(), 1);
  faro::Workspace ws;
  ws.sectors = faro::io::load_sectors(kCuadrantes, {}, "").sectors;
  faro::io::IncidentLoadContext ctx;
  ctx.work_srs = ws.sectors.work_srs;
  ws.incidents = faro::io::load_incidents("/vsigzip/" + kIncidents, {}, ctx).store;
  faro::SectorIndex(ws.sectors).assign(ws.incidents);
  ws.title = "FGJ 2019-2024";
  return ws;
}

faro::Workspace& workspace() {
  static faro::Workspace ws = [] {
    faro::Workspace w =
        fs::exists(kIncidents) && fs::exists(kCuadrantes) ? real_data() : replicated_demo();
    std::fprintf(stderr, "filter_bench: %s, %zu rows, %zu sectors, %zu categories, %u threads\n",
                 w.title.c_str(), w.incidents.size(), w.sectors.size(),
                 w.incidents.categories.size(), std::thread::hardware_concurrency());
    return w;
  }();
  return ws;
}

// The `k` most frequent category names.
std::vector<std::string> top_categories(const faro::Workspace& ws, size_t k) {
  std::vector<int64_t> n(ws.incidents.categories.size(), 0);
  for (uint16_t c : ws.incidents.category) ++n[c];
  std::vector<size_t> order(n.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return n[a] > n[b]; });
  std::vector<std::string> out;
  for (size_t i = 0; i < std::min(k, order.size()); ++i)
    out.push_back(ws.incidents.categories.name(static_cast<uint16_t>(order[i])));
  return out;
}

faro::CivilSeconds day(int y, int m, int d) {
  return faro::days_from_civil(y, m, d) * faro::kSecondsPerDay;
}

// CPU seconds of the whole process (all threads): on a shared machine the wall time depends on
// the neighbours, this does not.
double process_cpu_s() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         1e-6 * static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec);
}

void run(benchmark::State& state, const faro::FilterState& f) {
  faro::Workspace& ws = workspace();
  faro::FilterResult result;
  const double cpu0 = process_cpu_s();
  for (auto _ : state) {
    result = faro::compute_filter_result(ws, f);
    benchmark::DoNotOptimize(result.rows.data());
  }
  state.counters["cpu_ms_all_threads"] =
      1e3 * (process_cpu_s() - cpu0) / static_cast<double>(state.iterations());
  state.counters["rows"] = static_cast<double>(ws.incidents.size());
  state.counters["selected"] = static_cast<double>(result.total);
  state.counters["threads"] = std::thread::hardware_concurrency();
}

void BM_FilterNone(benchmark::State& state) {
  run(state, {});
}

// What a user clicks first: one year and the three most common offences.
void BM_FilterTypical(benchmark::State& state) {
  faro::FilterState f;
  f.from = day(2022, 1, 1);
  f.to_exclusive = day(2023, 1, 1);
  f.categories = top_categories(workspace(), 3);
  run(state, f);
}

// Friday and Saturday nights, 20:00-23:59, all years.
void BM_FilterNightsWeekend(benchmark::State& state) {
  faro::FilterState f;
  f.hour_mask = 0xF00000;
  f.weekday_mask = 0x30;
  run(state, f);
}

// A tenth of the sectors by name (an alcaldía's worth) plus a date range.
void BM_FilterSectorSubset(benchmark::State& state) {
  const faro::Workspace& ws = workspace();
  faro::FilterState f;
  for (size_t s = 0; s < ws.sectors.size(); s += 10)
    f.sectors.push_back(ws.sectors.sectors[s].name);
  f.from = day(2019, 1, 1);
  f.to_exclusive = day(2021, 1, 1);
  run(state, f);
}

BENCHMARK(BM_FilterNone)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FilterTypical)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FilterNightsWeekend)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FilterSectorSubset)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
