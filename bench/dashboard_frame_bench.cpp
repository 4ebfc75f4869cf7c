// Frame time of the live dashboard, headless through EGL (llvmpipe on this VM): the real CDMX file
// (1.28 M incidents, fgj_todos_cdmx_2019_2024.csv.gz, with sectores_2023.geojson) loaded, heatmap
// on, and 200 frames of scripted panning (a slow circle of ~12 px per frame, the speed of a hand
// drag) at the whole-city view and 4x zoomed in. Each frame is timed from NewFrame to glFinish, so
// the GL work counts. The heatmap density is recomputed on the worker thread whenever the view
// leaves the grid; frames keep the last grid meanwhile, so the p95 must stay under 33 ms. While the
// view moves the map is drawn at app/map_view.cpp's kMovingResolution, as a user would see it.
// Counters also split the frame: ui panels (CPU), map (GL, glFinish before and after), ImGui pass
// (GL, includes the map blit), and process CPU time of the map and of the ImGui pass.
//   dashboard_frame_bench [--benchmark_filter=...]
// FARO_BENCH_SECTORS / FARO_BENCH_INCIDENTS replace the two data paths (e.g. the 10 M demo set of
// scripts/make-10m.sh: DIR/faro-demo.gpkg and DIR/faro-demo-incidents.csv.gz).
// Skips with a message when the data or a GL context is missing.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include "app/headless_dashboard.hpp"
#include "app/map_view.hpp"
#include "render/egl_context.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kFrames = 200;
const std::string kData = FARO_SHARED_DATA;

faro::app::DashboardOptions cdmx_options() {
  faro::app::DashboardOptions o;
  o.width = 1600;
  o.height = 900;
  faro::SourceSpec sectors;
  sectors.role = faro::SourceSpec::Role::sectors;
  const char* sectors_env = std::getenv("FARO_BENCH_SECTORS");
  const char* incidents_env = std::getenv("FARO_BENCH_INCIDENTS");
  sectors.path = sectors_env && *sectors_env ? sectors_env
                                             : kData + "/cdmx-cuadrantes/sectores_2023.geojson";
  faro::SourceSpec incidents;
  incidents.role = faro::SourceSpec::Role::incidents;
  incidents.path = incidents_env && *incidents_env
                       ? incidents_env
                       : kData + "/cdmx-fgj-2019-2024/fgj_todos_cdmx_2019_2024.csv.gz";
  o.sources = {sectors, incidents};
  return o;
}

// CPU seconds of every thread of this process (UI, llvmpipe rasterizer threads, density worker).
double process_cpu_s() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + 1e-6 * (u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const size_t i = std::min(v.size() - 1, static_cast<size_t>(std::ceil(p / 100 * v.size())) - 1);
  return v[i];
}

// Arg: zoom steps in before panning (0 = whole city, 6 = ~4x closer).
void BM_DashboardPanFrames(benchmark::State& state) {
  const faro::app::DashboardOptions options = cdmx_options();
  for (const auto& s : options.sources)
    if (!fs::exists(s.path)) {
      state.SkipWithError(("shared data not found: " + s.path).c_str());
      return;
    }
  for (auto _ : state) {
    faro::app::HeadlessDashboard dash(options);
    dash.frame();
    if (!dash.app().settle(std::chrono::minutes(5))) {
      state.SkipWithError("the CDMX load did not finish in 5 minutes");
      return;
    }
    if (!dash.app().error_log().empty()) {
      state.SkipWithError(dash.app().error_log().front().c_str());
      return;
    }
    faro::app::PlatformInput zoom;
    dash.frame();
    faro::render::Camera& camera = dash.app().map().camera();
    camera.zoom_at({camera.width() / 2.0, camera.height() / 2.0},
                   std::pow(faro::app::kWheelZoomStep, static_cast<double>(state.range(0))));
    dash.frame();
    dash.app().settle(std::chrono::minutes(1));        // the first grid of this view
    for (int i = 0; i < 3; ++i) dash.frame({}, true);  // warm caches, upload the grid
    // Where the time goes: a glFinish after the map isolates its GL work from the ImGui pass.
    dash.app().set_gl_profiling(true);
    std::vector<double> ms, ui_ms, map_ms, overlay_ms, imgui_ms, map_cpu, imgui_cpu;
    ms.reserve(kFrames);
    int busy_frames = 0;
    const double cpu0 = process_cpu_s();
    for (int i = 0; i < kFrames; ++i) {
      faro::app::PlatformInput input;
      const double a = 2 * M_PI * i / kFrames;
      input.scripted_pan = {12 * std::cos(a), 12 * std::sin(a)};
      const auto t0 = Clock::now();
      dash.frame(input, true);
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
      const faro::app::FrameProfile& p = dash.app().profile();
      ui_ms.push_back(p.ui_ms);
      map_ms.push_back(p.map_ms);
      overlay_ms.push_back(p.overlay_ms);
      imgui_ms.push_back(p.imgui_gl_ms);
      map_cpu.push_back(p.map_cpu_ms);
      imgui_cpu.push_back(p.imgui_gl_cpu_ms);
      busy_frames += dash.app().map().heatmap_busy() ? 1 : 0;
    }
    // On a shared machine wall times stretch with the load; CPU time per frame (all threads) does
    // not, and CPU / cores is what the frame would take on an idle machine of this size.
    state.counters["cpu_ms_per_frame"] = 1000 * (process_cpu_s() - cpu0) / kFrames;
    state.counters["p50_ms"] = percentile(ms, 50);
    state.counters["p95_ms"] = percentile(ms, 95);
    state.counters["max_ms"] = *std::max_element(ms.begin(), ms.end());
    state.counters["ui_p50"] = percentile(ui_ms, 50);
    state.counters["map_p50"] = percentile(map_ms, 50);
    state.counters["map_p95"] = percentile(map_ms, 95);
    state.counters["ovl_p50"] = percentile(overlay_ms, 50);
    state.counters["imgui_gl_p50"] = percentile(imgui_ms, 50);
    state.counters["imgui_gl_p95"] = percentile(imgui_ms, 95);
    state.counters["map_cpu_p50"] = percentile(map_cpu, 50);
    state.counters["imgui_cpu_p50"] = percentile(imgui_cpu, 50);
    state.counters["imgui_cmds"] = dash.app().profile().imgui_commands;
    state.counters["imgui_vtx"] = dash.app().profile().imgui_vertices;
    state.counters["frames_heat_busy"] = busy_frames;
    state.counters["density_ms"] = dash.app().map().last_density_ms();
    state.counters["incidents"] = static_cast<double>(dash.app().workspace().incidents.size());
    state.SetLabel("1600x900, " + dash.renderer());
  }
}
BENCHMARK(BM_DashboardPanFrames)
    ->Arg(0)
    ->Arg(6)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
  try {
    faro::render::EglContext probe;  // skip cleanly on machines without headless GL
  } catch (const faro::render::GlUnavailable& e) {
    std::printf("dashboard_frame_bench skipped: no headless OpenGL (%s)\n", e.what());
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
