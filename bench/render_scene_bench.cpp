// `faro render`'s scene at 1920 x 1080 on the demo city (generated in memory, ~14k incidents):
// the whole map (KDE + sector fills + program hatching + labels/legend overlay, no PNG), and the
// KDE grid alone through each DensityEstimator (CpuKde vs GpuKde on whatever EGL gives; on
// llvmpipe the GPU path is the slow one, which is why --kde auto picks the CPU there).
//   render_scene_bench [--benchmark_filter=...]
// Skips (exit 0, with a message) when no GL context can be made.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>

#include "core/demo_city.hpp"
#include "render/egl_context.hpp"
#include "render/gpu_kde.hpp"
#include "io/style_presets.hpp"
#include "render/map_scene.hpp"

namespace {

const faro::DemoCity& demo() {
  static const faro::DemoCity city = faro::generate_demo_city();
  return city;
}

void BM_MapScene(benchmark::State& state) {
  faro::render::MapSceneData data;
  data.sectors = &demo().sectors;
  data.incidents = &demo().incidents;
  data.programs = &demo().programs;
  faro::render::MapSceneOptions opt;
  opt.kde_backend = state.range(0) ? faro::render::KdeBackend::gpu : faro::render::KdeBackend::cpu;
  // The dashboard's default style (layers/styles/analyst.json).
  const faro::MapStyle style = faro::io::default_style();
  for (auto _ : state) {
    faro::render::MapSceneResult r = faro::render::render_map_scene(data, style, opt);
    benchmark::DoNotOptimize(r.image.pixels.data());
    state.counters["kde_ms"] = r.kde_ms;
    state.counters["render_ms"] = r.render_ms;
    state.counters["overlay_ms"] = r.overlay_ms;
  }
  state.SetLabel(std::string(state.range(0) ? "gpu kde" : "cpu kde") + ", 1920x1080");
}
BENCHMARK(BM_MapScene)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

// The heatmap grid of the default 1920 x 1080 view: ~2 px cells over the city, σ = 400 m.
void BM_KdeGrid(benchmark::State& state) {
  const faro::Box box = demo().sectors.extent();
  const faro::GridSpec grid = faro::GridSpec::covering(box.grown(1000), 20);
  faro::KdeParams params;
  params.bandwidth_m = 400;
  std::unique_ptr<faro::DensityEstimator> est;
  if (state.range(0))
    est = std::make_unique<faro::render::GpuKde>();
  else
    est = std::make_unique<faro::CpuKde>();
  const faro::PointSet points = faro::point_set(demo().incidents);
  for (auto _ : state) benchmark::DoNotOptimize(est->compute(points, grid, params).data());
  state.SetLabel(est->name() + " " + std::to_string(grid.nx) + "x" + std::to_string(grid.ny));
}
BENCHMARK(BM_KdeGrid)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
  std::unique_ptr<faro::render::EglContext> gl;
  try {
    gl = std::make_unique<faro::render::EglContext>();
  } catch (const faro::render::GlUnavailable& e) {
    std::printf("render_scene_bench skipped: no headless OpenGL (%s)\n", e.what());
    return 0;
  }
  benchmark::AddCustomContext("gl_renderer", gl->info().renderer);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
