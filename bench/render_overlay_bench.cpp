// Map annotation cost at export size: sector label anchors (pole of inaccessibility) for the 847
// CDMX cuadrantes, and draw_overlay (cairo text, legend, scale bar, label placement, composite onto
// the map image) at 1920 x 1080 and 3840 x 2160 with every cuadrante name offered as a label.
// CPU only (no GL context). Benchmarks report an error when ../shared/data is absent.
//   render_overlay_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

#include "io/sector_loader.hpp"
#include "render/camera.hpp"
#include "render/map_overlay.hpp"
#include "render/sector_labels.hpp"

namespace {

const std::string kCuadrantes =
    std::string(FARO_SHARED_DATA) + "/cdmx-cuadrantes/cuadrantes_population_2023.shp";

const faro::SectorSet* cuadrantes() {
  static const faro::SectorSet* set = [] {
    return std::filesystem::exists(kCuadrantes)
               ? new faro::SectorSet(faro::io::load_sectors(kCuadrantes, {}, "").sectors)
               : nullptr;
  }();
  return set;
}

void BM_SectorLabelAnchors(benchmark::State& state) {
  const faro::SectorSet* set = cuadrantes();
  if (!set) return state.SkipWithError(("absent: " + kCuadrantes).c_str());
  for (auto _ : state) benchmark::DoNotOptimize(faro::render::sector_labels(*set));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(set->size()));
}
BENCHMARK(BM_SectorLabelAnchors)->Unit(benchmark::kMillisecond);

void BM_DrawOverlay(benchmark::State& state) {
  const faro::SectorSet* set = cuadrantes();
  if (!set) return state.SkipWithError(("absent: " + kCuadrantes).c_str());
  const int height = static_cast<int>(state.range(0)), width = height * 16 / 9;
  const auto camera = faro::render::Camera::fit(set->extent(), width, height, 0.05 * height);
  faro::render::MapOverlay overlay;
  overlay.title = "Incidentes de alto impacto por cuadrante";
  overlay.subtitle = "1 ene 2023 – 31 dic 2023";
  overlay.source_line = "FGJ CDMX, carpetas de investigación; SSC, cuadrantes 2023";
  overlay.ramp = faro::render::LegendRamp{
      "Incidentes", "incidentes/km² por año", faro::ColormapName::inferno, 0, 250, 0,
      true,         "máx. = percentil 99"};
  overlay.labels = faro::render::sector_labels(*set);
  overlay.ui_scale = height / 1080.0;
  const faro::render::RgbaImage blank(width, height);
  size_t placed = 0;
  for (auto _ : state) {
    state.PauseTiming();
    faro::render::RgbaImage image = blank;
    state.ResumeTiming();
    placed = faro::render::draw_overlay(image, camera, overlay).size();
    benchmark::DoNotOptimize(image.pixels.data());
  }
  state.counters["labels_placed"] = static_cast<double>(placed);
}
BENCHMARK(BM_DrawOverlay)->Arg(1080)->Arg(2160)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
