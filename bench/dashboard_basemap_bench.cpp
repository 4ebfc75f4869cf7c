// Frame time of the live dashboard panning over a large raster basemap, headless through EGL
// (llvmpipe on this VM): a 20,000 x 20,000 px tiled GeoTIFF of Mexico City (2.4 m pixels, DEFLATE,
// 256 px blocks, 7 overview levels) rasterised in the setup from the shared colonias and alcaldías
// (gdal_create + gdal_rasterize + gdaladdo, into a temp folder, reused by later runs), under the
// real 1.28 M FGJ incidents (fgj_todos_cdmx_2019_2024.csv.gz) with sectores_2023.geojson and the
// analyst style (heatmap on). 200 frames pan east at 12 px per frame (a hand drag) at 1600x900:
// every frame needs tiles that have just come into view; the tile readers (one GDAL dataset per
// thread) work meanwhile and the frame draws the coarser cached level until they arrive.
// Args: metres per screen pixel (3 = street scale, 25 = the whole city); basemap 1 = on, 0 = the
// same pan without it (the baseline).
// Counters: p50/p95/max frame ms (NewFrame to glFinish), CPU ms per frame (all threads),
// tiles read and uploaded, frames drawn with coarser tiles standing in, the GPU cache's MiB.
//   dashboard_basemap_bench [--benchmark_filter=...]
// Skips with a message when the data, the GDAL tools or a GL context are missing.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

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
#include "io/style_presets.hpp"
#include "render/basemap_tile_layer.hpp"
#include "render/egl_context.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kFrames = 200;
const std::string kData = FARO_SHARED_DATA;

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

bool run(const std::string& command) {
  return std::system((command + " > /dev/null 2>&1").c_str()) == 0;
}

// The 20,000 px GeoTIFF (made once per temp folder); "" with `why` set when it cannot be made.
std::string make_basemap(std::string* why) {
  const std::string colonias = kData + "/cdmx-cuadrantes/colonias_iecm.gpkg";
  const std::string alcaldias = kData + "/cdmx-cuadrantes/alcaldias.geojson";
  if (!fs::exists(colonias) || !fs::exists(alcaldias)) {
    *why = "shared data not found: " + colonias;
    return "";
  }
  const fs::path dir = fs::temp_directory_path() / "faro-bench-basemap";
  const fs::path tif = dir / "cdmx-20000.tif", done = dir / "cdmx-20000.done";
  if (fs::exists(done) && fs::exists(tif)) return tif.string();
  fs::create_directories(dir);
  fs::remove(tif);
  const std::string t = "'" + tif.string() + "'";
  // Land, then each colonia a pale colour of its own (one band at a time), their boundaries
  // white, the alcaldías' grey; then overviews (average) down to 157 px.
  bool ok = run("gdal_create -of GTiff -outsize 20000 20000 -bands 3 -ot Byte -burn 238 -burn 235 "
                "-burn 228 -a_srs EPSG:4326 -a_ullr -99.37 19.61 -98.93 19.11 -co TILED=YES "
                "-co COMPRESS=DEFLATE -co BLOCKXSIZE=256 -co BLOCKYSIZE=256 "
                "-mo 'TIFFTAG_COPYRIGHT=Colonias IECM y alcaldías CDMX (datos abiertos)' " + t);
  const int step[3] = {37, 53, 71}, base[3] = {195, 195, 185};
  for (int b = 0; ok && b < 3; ++b)
    ok = run("gdal_rasterize -q -b " + std::to_string(b + 1) + " -a v -dialect SQLite -sql "
             "'SELECT geom, " + std::to_string(base[b]) + " + (fid * " + std::to_string(step[b]) +
             ") % 45 AS v FROM colonias' '" + colonias + "' " + t);
  ok = ok && run("gdal_rasterize -q -b 1 -b 2 -b 3 -burn 255 -burn 255 -burn 255 -dialect SQLite "
                 "-sql 'SELECT ST_Boundary(geom) AS geom FROM colonias' '" + colonias + "' " + t);
  ok = ok && run("gdal_rasterize -q -b 1 -b 2 -b 3 -burn 110 -burn 110 -burn 120 -dialect SQLite "
                 "-sql 'SELECT ST_Boundary(geometry) AS geometry FROM alcaldias' '" + alcaldias +
                 "' " + t);
  ok = ok && run("gdaladdo -q -r average " + t + " 2 4 8 16 32 64 128");
  if (!ok) {
    *why = "could not build the basemap with gdal_create/gdal_rasterize/gdaladdo in " + dir.string();
    return "";
  }
  std::FILE* f = std::fopen(done.c_str(), "w");
  if (f) std::fclose(f);
  return tif.string();
}

faro::app::DashboardOptions options(const std::string& basemap, const std::string& incidents,
                                    bool with_basemap) {
  faro::app::DashboardOptions o;
  o.width = 1600;
  o.height = 900;
  o.language = faro::Language::es;
  faro::Session s;
  faro::SourceSpec sectors;
  sectors.role = faro::SourceSpec::Role::sectors;
  sectors.path = kData + "/cdmx-cuadrantes/sectores_2023.geojson";
  faro::SourceSpec rows;
  rows.role = faro::SourceSpec::Role::incidents;
  rows.path = incidents;
  s.sources = {sectors, rows};
  s.style = faro::io::default_style();
  if (with_basemap) faro::show_basemap(s.style, basemap);  // as --basemap and File > Open do
  o.session = s;
  return o;
}

void BM_DashboardPanOverBasemap(benchmark::State& state) {
  std::string why;
  const std::string basemap = make_basemap(&why);
  if (basemap.empty()) {
    state.SkipWithError(why.c_str());
    return;
  }
  const std::string incidents = kData + "/cdmx-fgj-2019-2024/fgj_todos_cdmx_2019_2024.csv.gz";
  if (!fs::exists(incidents)) {
    state.SkipWithError(("shared data not found: " + incidents).c_str());
    return;
  }
  const double mpp = static_cast<double>(state.range(0));
  const bool with_basemap = state.range(1) != 0;
  for (auto _ : state) {
    faro::app::HeadlessDashboard dash(options(basemap, incidents, with_basemap));
    dash.frame();
    if (!dash.app().settle(std::chrono::minutes(5)) || !dash.app().error_log().empty()) {
      state.SkipWithError(dash.app().error_log().empty() ? "the CDMX load did not finish"
                                                         : dash.app().error_log().front().c_str());
      return;
    }
    dash.frame();
    faro::render::Camera& camera = dash.app().map().camera();
    camera.set_metres_per_pixel(mpp);
    // Start west of the centre, so the pan east stays over the city.
    camera.set_centre({camera.centre().x - 300 * mpp, camera.centre().y});
    // The first view complete: tiles read and uploaded, the density grid done.
    for (int i = 0; i < 100; ++i) {
      dash.frame({}, true);
      const bool working = dash.app().busy();
      dash.app().settle(std::chrono::minutes(1));
      if (!working && !dash.app().busy()) break;
    }
    const faro::render::BasemapTileLayer* tiles =
        dash.app().map().scene().basemap_tiles(basemap);
    if (with_basemap && tiles == nullptr) {
      state.SkipWithError("the basemap did not open");
      return;
    }
    // The same pan without a basemap is the baseline (the same style otherwise).
    const size_t cached0 = tiles ? tiles->cached_tiles() : 0;
    const uint64_t version0 = tiles ? tiles->version() : 0;
    dash.app().set_gl_profiling(true);  // glFinish around the map: its own GL time
    std::vector<double> ms, map_ms;
    ms.reserve(kFrames);
    int standing_in = 0;
    const double cpu0 = process_cpu_s();
    for (int i = 0; i < kFrames; ++i) {
      faro::app::PlatformInput input;
      input.scripted_pan = {-12, 0};  // the content moves left: the view goes east
      const auto t0 = Clock::now();
      dash.frame(input, true);
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
      map_ms.push_back(dash.app().profile().map_ms);
      if (tiles && !tiles->complete(dash.app().map().camera())) ++standing_in;
    }
    state.counters["cpu_ms_per_frame"] = 1000 * (process_cpu_s() - cpu0) / kFrames;
    state.counters["p50_ms"] = percentile(ms, 50);
    state.counters["p95_ms"] = percentile(ms, 95);
    state.counters["max_ms"] = *std::max_element(ms.begin(), ms.end());
    state.counters["map_p50"] = percentile(map_ms, 50);
    state.counters["map_p95"] = percentile(map_ms, 95);
    if (tiles) {
      state.counters["tiles_uploaded"] = static_cast<double>(tiles->version() - version0);
      state.counters["tiles_at_start"] = static_cast<double>(cached0);
      state.counters["frames_coarse"] = standing_in;
      state.counters["cache_MiB"] = static_cast<double>(tiles->cached_bytes()) / (1 << 20);
      state.counters["level"] = tiles->level_for(dash.app().map().camera());
    }
    state.counters["incidents"] = static_cast<double>(dash.app().workspace().incidents.size());
    state.SetLabel("1600x900, " + dash.renderer());
  }
}
BENCHMARK(BM_DashboardPanOverBasemap)
    ->ArgNames({"m_per_px", "basemap"})
    ->Args({3, 1})
    ->Args({3, 0})
    ->Args({25, 1})
    ->Args({25, 0})
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
  try {
    faro::render::EglContext probe;  // skip cleanly on machines without headless GL
  } catch (const faro::render::GlUnavailable& e) {
    std::printf("dashboard_basemap_bench skipped: no headless OpenGL (%s)\n", e.what());
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
