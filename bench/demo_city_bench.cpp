// The demo city is generated and written on first start without arguments: both must stay well
// under a second. Run: build/demo_city_bench
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

#include <unistd.h>

#include "core/demo_city.hpp"
#include "io/demo_writer.hpp"

namespace {

void BM_GenerateDemoCity(benchmark::State& state) {
  faro::DemoOptions options;
  options.incidents = state.range(0);
  size_t incidents = 0;
  for (auto _ : state) {
    const faro::DemoCity city = faro::generate_demo_city(options);
    incidents = city.incidents.size();
    benchmark::DoNotOptimize(incidents);
  }
  state.counters["incidents"] = static_cast<double>(incidents);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(incidents));
}
BENCHMARK(BM_GenerateDemoCity)->Arg(15000)->Arg(150000)->Unit(benchmark::kMillisecond);

void BM_WriteDemoGeopackage(benchmark::State& state) {
  const faro::DemoCity city = faro::generate_demo_city();
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("faro-demo-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "demo.gpkg").string();
  for (auto _ : state) faro::io::write_demo_geopackage(city, path);  // atomic rename over the last
  state.counters["incidents"] = static_cast<double>(city.incidents.size());
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_WriteDemoGeopackage)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
