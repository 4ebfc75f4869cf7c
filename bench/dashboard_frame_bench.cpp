// Frame time of the live dashboard, headless through EGL (llvmpipe on this VM): the real CDMX file
// (1.28 M incidents, fgj_todos_cdmx_2019_2024.csv.gz, with sectores_2023.geojson) loaded, heatmap
// on, and 200 frames of scripted panning (a slow circle of ~12 px per frame, the speed of a hand
// drag) at the whole-city view and 4x zoomed in. Each frame is timed from NewFrame to glFinish, so
// the GL work counts. The heatmap density is recomputed on the worker thread whenever the view
// leaves the grid; frames keep the last grid meanwhile, so the p95 must stay under 33 ms. While the
// view moves the map is drawn at app/map_view.cpp's kMovingResolution, as a user would see it.
// Counters also split the frame: ui panels (CPU), map (GL, glFinish before and after), ImGui pass
// (GL, includes the map blit), and process CPU time of the map and of the ImGui pass.
// BM_DashboardScrubPanFrames pans the same way while the analyst scrubs the time filter: whenever
// the previous grid has arrived, a one-year window steps one month on (the timeline dragged), so
// the filter is recomputed on the UI thread and the density on the worker throughout the run
// (frames_heat_busy counts the frames with a grid pending or computing; scrub_steps the steps).
// The worst frame is split too (worst_ui/map/imgui/other ms, other = the filter when it changed,
// ImGui's own CPU; worst_grid = 1 when a new density grid was taken in that frame), to find what
// a spike is made of; uithread_cpu_* is the UI thread's own CPU per frame (load does not stretch
// it), with the filter/grid share of its peak frame.
// The panels' opaque backgrounds are drawn as clears (app/opaque_backgrounds.hpp); set
// FARO_BENCH_PLAIN_BACKGROUNDS=1 for the peer run with ImGui's own quads. FARO_BENCH_SCREENSHOT=p
// writes each case's last frame to p<case>.png, to compare the two by eye or pixel by pixel.
//   dashboard_frame_bench [--benchmark_filter=...]   e.g. --benchmark_filter=Scrub
// FARO_BENCH_SECTORS / FARO_BENCH_INCIDENTS replace the two data paths (e.g. the 10 M demo set of
// scripts/make-10m.sh: DIR/faro-demo.gpkg and DIR/faro-demo-incidents.csv.gz).
// Skips with a message when the data or a GL context is missing.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "app/headless_dashboard.hpp"
#include "app/map_view.hpp"
#include "io/png_writer.hpp"
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

// CPU seconds of the calling thread only (the UI thread): unlike wall time it does not stretch
// when other processes share the cores, so its spikes are work done in that frame.
double thread_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return 1e3 * static_cast<double>(t.tv_sec) + 1e-6 * static_cast<double>(t.tv_nsec);
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const size_t i = std::min(v.size() - 1, static_cast<size_t>(std::ceil(p / 100 * v.size())) - 1);
  return v[i];
}

// The time filter the analyst scrubs to: a one-year window `step` months after the data's start,
// wrapping around within the data's range (the dashboard's timeline drag sets the same fields).
void scrub_time_filter(faro::app::DashboardApp& app, int step) {
  constexpr faro::CivilSeconds kDay = 86400, kWindow = 365 * kDay, kStep = 30 * kDay;
  const faro::Workspace& ws = app.workspace();
  const faro::CivilSeconds span = ws.data_to_exclusive - ws.data_from;
  const faro::CivilSeconds room = std::max<faro::CivilSeconds>(kStep, span - kWindow);
  const faro::CivilSeconds from = ws.data_from + (step * kStep) % room;
  app.session().filter.from = from;
  app.session().filter.to_exclusive = from + kWindow;
}

// zoom_steps: zoom steps in before panning (0 = whole city, 6 = ~4x closer). scrub: step the
// time filter whenever the density worker is idle, so the grid recomputes throughout.
void pan_frames(benchmark::State& state, int zoom_steps, bool scrub) {
  const faro::app::DashboardOptions options = cdmx_options();
  for (const auto& s : options.sources)
    if (!fs::exists(s.path)) {
      state.SkipWithError(("shared data not found: " + s.path).c_str());
      return;
    }
  for (auto _ : state) {
    faro::app::HeadlessDashboard dash(options);
    const char* plain = std::getenv("FARO_BENCH_PLAIN_BACKGROUNDS");
    dash.backgrounds().set_enabled(!(plain && std::string(plain) == "1"));
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
                   std::pow(faro::app::kWheelZoomStep, static_cast<double>(zoom_steps)));
    dash.frame();
    dash.app().settle(std::chrono::minutes(1));        // the first grid of this view
    for (int i = 0; i < 3; ++i) dash.frame({}, true);  // warm caches, upload the grid
    // Where the time goes: a glFinish after the map isolates its GL work from the ImGui pass.
    dash.app().set_gl_profiling(true);
    std::vector<double> ms, ui_ms, map_ms, overlay_ms, imgui_ms, map_cpu, imgui_cpu, other_ms,
        ui_thread_cpu;
    ms.reserve(kFrames);
    int busy_frames = 0, scrub_steps = 0, worst = 0;
    std::vector<char> took_grid;
    double density_before = dash.app().map().last_density_ms();
    const double cpu0 = process_cpu_s();
    for (int i = 0; i < kFrames; ++i) {
      if (scrub && !dash.app().map().heatmap_busy()) scrub_time_filter(dash.app(), ++scrub_steps);
      faro::app::PlatformInput input;
      const double a = 2 * M_PI * i / kFrames;
      input.scripted_pan = {12 * std::cos(a), 12 * std::sin(a)};
      const auto t0 = Clock::now();
      const double thread0 = thread_cpu_ms();
      dash.frame(input, true);
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
      ui_thread_cpu.push_back(thread_cpu_ms() - thread0);
      const faro::app::FrameProfile& p = dash.app().profile();
      ui_ms.push_back(p.ui_ms);
      map_ms.push_back(p.map_ms);
      overlay_ms.push_back(p.overlay_ms);
      imgui_ms.push_back(p.imgui_gl_ms);
      map_cpu.push_back(p.map_cpu_ms);
      imgui_cpu.push_back(p.imgui_gl_cpu_ms);
      // The rest: ImGui's NewFrame/Render, the snapshot sync (the filter, when it changed), and
      // the platform side of the frame.
      other_ms.push_back(ms.back() - p.ui_ms - p.map_ms - p.overlay_ms - p.imgui_gl_ms);
      busy_frames += dash.app().map().heatmap_busy() ? 1 : 0;
      took_grid.push_back(i > 0 && dash.app().map().last_density_ms() != density_before ? 1 : 0);
      density_before = dash.app().map().last_density_ms();
      if (ms.back() > ms[worst]) worst = i;
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
    if (scrub) state.counters["scrub_steps"] = scrub_steps;
    state.counters["worst_ui"] = ui_ms[worst];
    state.counters["worst_map"] = map_ms[worst];
    state.counters["worst_imgui"] = imgui_ms[worst];
    state.counters["worst_other"] = other_ms[worst];
    state.counters["worst_grid"] = took_grid[worst];
    state.counters["other_p95"] = percentile(other_ms, 95);
    // The UI thread's own work per frame (ImGui, filter, uploads, llvmpipe's vertex and setup
    // stages, which run on the calling thread), and the frame where it peaked.
    const size_t peak = static_cast<size_t>(
        std::max_element(ui_thread_cpu.begin(), ui_thread_cpu.end()) - ui_thread_cpu.begin());
    state.counters["uithread_cpu_p50"] = percentile(ui_thread_cpu, 50);
    state.counters["uithread_cpu_p95"] = percentile(ui_thread_cpu, 95);
    state.counters["uithread_cpu_max"] = ui_thread_cpu[peak];
    state.counters["uithread_peak_grid"] = took_grid[peak];
    state.counters["uithread_peak_other"] = other_ms[peak];
    state.counters["bg_clear_px"] = dash.backgrounds().cleared_pixels();
    if (const char* shot = std::getenv("FARO_BENCH_SCREENSHOT")) {
      const faro::render::RgbaImage image = dash.read();
      faro::io::write_png_rgba(std::string(shot) + (scrub ? "scrub" : "pan") +
                                   std::to_string(zoom_steps) + ".png",
                               image.pixels, image.width, image.height);
    }
    state.counters["density_ms"] = dash.app().map().last_density_ms();
    state.counters["incidents"] = static_cast<double>(dash.app().workspace().incidents.size());
    state.SetLabel("1600x900, " + dash.renderer());
  }
}
void BM_DashboardPanFrames(benchmark::State& state) {
  pan_frames(state, static_cast<int>(state.range(0)), false);
}
void BM_DashboardScrubPanFrames(benchmark::State& state) {
  pan_frames(state, static_cast<int>(state.range(0)), true);
}
BENCHMARK(BM_DashboardPanFrames)
    ->Arg(0)
    ->Arg(6)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_DashboardScrubPanFrames)
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
