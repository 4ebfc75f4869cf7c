// Headless map rendering at export size: the 72 CDMX police sectors of 2023 (and the 847
// cuadrantes) filled and outlined at 3840 x 2160 through EGL (llvmpipe on CI machines; whatever
// EGL gives elsewhere; the renderer is printed in the context). Stages timed separately:
// triangulation (CPU), draw + MSAA resolve + readback, PNG encoding.
//   render_bench [--benchmark_filter=...]
// Skips (exit 0, with a message) when ../shared/data is absent or no GL context can be made.
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "io/png_writer.hpp"
#include "io/sector_loader.hpp"
#include "render/egl_context.hpp"
#include "render/map_renderer.hpp"
#include "render/polygon_fill_layer.hpp"

namespace {

const std::string kData = FARO_SHARED_DATA;
const std::string kSectores = kData + "/cdmx-cuadrantes/sectores_2023.geojson";
const std::string kCuadrantes = kData + "/cdmx-cuadrantes/cuadrantes_population_2023.shp";
constexpr int kWidth = 3840, kHeight = 2160;

const faro::SectorSet& layer_data(int which) {
  static const faro::SectorSet sectores = faro::io::load_sectors(kSectores, {}, "").sectors;
  static const faro::SectorSet cuadrantes = faro::io::load_sectors(kCuadrantes, {}, "").sectors;
  return which == 0 ? sectores : cuadrantes;
}

std::vector<faro::render::Rgba8> colours(size_t n) {
  std::vector<faro::render::Rgba8> out;
  for (size_t i = 0; i < n; ++i)
    out.push_back({static_cast<uint8_t>(37 * i), static_cast<uint8_t>(91 * i + 60),
                   static_cast<uint8_t>(53 * i + 120), 255});
  return out;
}

std::vector<const faro::MultiPolygon*> shapes_of(const faro::SectorSet& s) {
  std::vector<const faro::MultiPolygon*> shapes;
  for (const auto& sector : s.sectors) shapes.push_back(&sector.shape);
  return shapes;
}

void BM_BuildMesh(benchmark::State& state) {
  const faro::SectorSet& s = layer_data(static_cast<int>(state.range(0)));
  const auto shapes = shapes_of(s);
  size_t triangles = 0;
  for (auto _ : state) {
    const auto mesh = faro::render::build_polygon_mesh(shapes, {486000, 2147000});
    triangles = mesh.fill_indices.size() / 3;
    benchmark::DoNotOptimize(mesh.outline_vertices.data());
  }
  state.counters["triangles"] = static_cast<double>(triangles);
  state.SetLabel(state.range(0) == 0 ? "72 sectores" : "847 cuadrantes");
}
BENCHMARK(BM_BuildMesh)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// Draw, resolve and read back a 3840 x 2160 map (range(1) = MSAA samples).
void BM_RenderMap(benchmark::State& state) {
  static std::unique_ptr<faro::render::EglContext> gl;
  try {
    if (!gl) gl = std::make_unique<faro::render::EglContext>();
  } catch (const faro::render::GlUnavailable& e) {
    state.SkipWithError(e.what());
    return;
  }
  const faro::SectorSet& s = layer_data(static_cast<int>(state.range(0)));
  faro::render::PolygonFillLayer layer(s);
  layer.set_fill_colors(colours(s.size()));
  const auto camera = faro::render::Camera::fit(s.extent(), kWidth, kHeight, 16);
  faro::render::MapRenderOptions options;
  options.samples = static_cast<int>(state.range(1));
  for (auto _ : state) {
    const auto image = faro::render::render_map({&layer}, camera, options);
    benchmark::DoNotOptimize(image.pixels.data());
  }
  state.SetLabel(gl->info().renderer + (state.range(0) == 0 ? ", sectores" : ", cuadrantes"));
}
BENCHMARK(BM_RenderMap)
    ->Args({0, 4})
    ->Args({0, 0})
    ->Args({1, 4})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_WritePng(benchmark::State& state) {
  // A map-like image: flat colour regions with edges.
  std::vector<uint8_t> rgba(static_cast<size_t>(kWidth) * kHeight * 4);
  for (int y = 0; y < kHeight; ++y)
    for (int x = 0; x < kWidth; ++x) {
      uint8_t* p = &rgba[(static_cast<size_t>(y) * kWidth + x) * 4];
      const int region = (x / 97 + (y / 131) * 7 + (x + y) / 353) % 72;
      p[0] = static_cast<uint8_t>(37 * region);
      p[1] = static_cast<uint8_t>(91 * region + 60);
      p[2] = static_cast<uint8_t>(53 * region + 120);
      p[3] = 255;
    }
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("faro-bench-" + std::to_string(::getpid()) + ".png"))
                               .string();
  faro::io::PngOptions options;
  options.zlevel = static_cast<int>(state.range(0));
  for (auto _ : state) faro::io::write_png_rgba(path, rgba, kWidth, kHeight, options);
  state.counters["bytes"] = static_cast<double>(std::filesystem::file_size(path));
  std::filesystem::remove(path);
}
BENCHMARK(BM_WritePng)->Arg(1)->Arg(6)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
  if (!std::filesystem::exists(kSectores) || !std::filesystem::exists(kCuadrantes)) {
    std::printf("render_bench: shared data not found under %s, skipped\n", kData.c_str());
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
