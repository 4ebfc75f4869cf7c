// What the tiled basemap costs a frame on the GPU (llvmpipe on this VM): a 1600x900 view of
// cached 256 px tiles (3 m per screen pixel over 2.4 m tiles, greyed and dimmed) drawn through
// the one renderer, the camera moved a pixel each frame so nothing is reused, glFinish included.
// Arg 0: the tiles; 1: one whole-view image instead (what an export draws: the per-pixel cost
// alone); 2: no basemap layer (the clear and the resolve only), the baseline. Tiles are uploaded
// in the setup (the readers' side is dashboard_basemap_bench).
//   render_basemap_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdio>
#include <memory>
#include <random>
#include <vector>

#include "render/basemap_tile_layer.hpp"
#include "render/egl_context.hpp"
#include "render/gl.hpp"
#include "render/style_renderer.hpp"

namespace {

using namespace faro::render;

// CPU seconds of every thread of this process (llvmpipe rasterizes on threads of its own): on a
// shared machine wall time stretches with the load, CPU time does not.
double process_cpu_s() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + 1e-6 * (u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

void BM_BasemapTilesFrame(benchmark::State& state) {
  EglContext gl;
  StyleRenderer renderer;
  // 40 x 20 km at 2.4 m per pixel, as the CDMX GeoTIFF of dashboard_basemap_bench.
  const BasemapTileGrid grid({470000, 2120000, 510000, 2160000}, 2.4);
  renderer.set_basemap_tiles("cdmx.tif", std::make_unique<BasemapTileLayer>(grid));
  BasemapTileLayer* tiles = renderer.basemap_tiles("cdmx.tif");
  Camera camera({490000, 2140000}, 3.0, 1600, 900);
  std::mt19937 rng(1);
  std::vector<uint8_t> px(256 * 256 * 4);
  for (int level = tiles->level_for(camera); level <= grid.top_level(); ++level)
    for (const TileKey& k : grid.tiles_covering(camera.visible_box(), level)) {
      for (size_t i = 0; i < px.size(); i += 4)
        px[i] = 200 + rng() % 40, px[i + 1] = 200 + rng() % 40, px[i + 2] = 190 + rng() % 40,
        px[i + 3] = 255;
      tiles->add_tile(k, px);
    }
  faro::MapStyle style;
  faro::StyleLayer base = faro::make_layer(faro::LayerKind::basemap);
  base.source = "cdmx.tif";
  base.basemap = {true, 0.3f};
  if (state.range(0) != 2) style.layers.push_back(base);
  if (state.range(0) == 1) {
    // One whole-view image instead of tiles (what exports draw): the per-pixel cost alone.
    renderer.set_basemap_tiles("cdmx.tif", nullptr);
    tiles = nullptr;
    BasemapRaster r;
    r.width = 1600, r.height = 900;
    r.box = camera.visible_box();
    r.rgba.assign(size_t{1600} * 900 * 4, 220);
    renderer.set_basemap(r);
  }
  FrameExtras extras;
  const double cpu0 = process_cpu_s();
  for (auto _ : state) {
    camera.pan_pixels(1, 0);
    renderer.render(camera, style, extras);
    glFinish();
  }
  if (tiles) state.counters["tiles"] = static_cast<double>(tiles->cached_tiles());
  state.counters["cpu_ms_per_frame"] =
      1000 * (process_cpu_s() - cpu0) / static_cast<double>(state.iterations());
  state.SetLabel(gl.info().renderer);
  renderer.set_basemap_tiles("cdmx.tif", nullptr);
}
BENCHMARK(BM_BasemapTilesFrame)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  try {
    EglContext probe;  // skip cleanly on machines without headless GL
  } catch (const GlUnavailable& e) {
    std::printf("render_basemap_bench skipped: no headless OpenGL (%s)\n", e.what());
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
