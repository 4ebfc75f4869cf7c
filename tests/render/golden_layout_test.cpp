// Golden-image layout check: the demo city (seed 42) rendered at 640x360 through render_map_scene
// (what `faro render` calls) with the default layers and a fixed colour max, compared with the
// committed tests/data/golden/demo_640x360.png. It catches layout regressions (legend, title,
// scale bar, label placement, layer order) that pixel probes miss.
//
// Tolerance: at most 2 % of pixels may differ by more than 24/255 in any channel; smaller
// differences (antialiasing, font hinting, GPU vs llvmpipe rounding) are ignored.
// On a mismatch the actual image is written to the test's working directory (the build tree) and
// its path printed. FARO_UPDATE_GOLDEN=1 rewrites the golden file instead (look at it before
// committing it).
#include <gdal.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "core/demo_city.hpp"
#include "gl_test_support.hpp"
#include "io/gdal_env.hpp"
#include "io/png_writer.hpp"
#include "render/map_scene.hpp"

namespace {

namespace fs = std::filesystem;
using faro::render::RgbaImage;

constexpr double kMaxDifferingFraction = 0.02;
constexpr int kChannelTolerance = 24;

fs::path golden_path() {
  // FARO_TEST_DATA (tests/CMakeLists.txt) is absolute; __FILE__ may be relative under ccache.
  return fs::path(FARO_TEST_DATA) / "golden" / "demo_640x360.png";
}

bool update_requested() {
  const char* v = std::getenv("FARO_UPDATE_GOLDEN");
  return v != nullptr && std::string(v) == "1";
}

// Reads a PNG (through GDAL, read-only) into RGBA; 3-band images get opaque alpha.
bool read_png(const fs::path& path, RgbaImage& out, std::string& why) {
  faro::io::ensure_gdal();
  GDALDatasetH ds = GDALOpenEx(path.string().c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr,
                               nullptr, nullptr);
  if (ds == nullptr) return why = "cannot open " + path.string(), false;
  out.width = GDALGetRasterXSize(ds);
  out.height = GDALGetRasterYSize(ds);
  const int bands = GDALGetRasterCount(ds);
  out.pixels.assign(static_cast<size_t>(out.width) * out.height * 4, 255);
  bool ok = bands >= 3;
  for (int b = 1; ok && b <= std::min(bands, 4); ++b)
    ok = GDALRasterIO(GDALGetRasterBand(ds, b), GF_Read, 0, 0, out.width, out.height,
                      out.pixels.data() + (b - 1), out.width, out.height, GDT_Byte, 4,
                      out.width * 4) == CE_None;
  GDALClose(ds);
  if (!ok) why = "cannot read the RGB(A) bands of " + path.string();
  return ok;
}

faro::render::MapSceneResult render_demo() {
  faro::DemoOptions demo_options;
  demo_options.seed = 42;
  const faro::DemoCity city = faro::generate_demo_city(demo_options);
  faro::render::MapSceneData data;
  data.sectors = &city.sectors;
  data.incidents = &city.incidents;
  data.programs = &city.programs;
  faro::render::MapSceneOptions o;
  faro::MapStyle style;
  for (faro::LayerKind k : {faro::LayerKind::sectors, faro::LayerKind::heatmap,
                            faro::LayerKind::programs, faro::LayerKind::labels})
    style.add(faro::make_layer(k));
  style.heatmap().kernel = faro::KdeKernel::gaussian;
  // About the auto (99th percentile) value, fixed so the test does not follow it.
  style.heatmap().color_max_locked = true;
  style.heatmap().color_max = 400.0f;
  o.width = 640;
  o.height = 360;
  o.kde_backend = faro::render::KdeBackend::cpu;  // the same density on every machine
  o.synthetic = true;
  o.title = "Incidentes — " + city.name;  // as faro render titles the demo
  o.subtitle = faro::format_date(*city.incidents.min_time()) + " – " +
               faro::format_date(*city.incidents.max_time());
  o.source_line = "Faro — ciudad sintética";
  return faro::render::render_map_scene(data, style, o);
}

TEST(GoldenLayout, DemoCity640x360MatchesTheCommittedImage) {
  FARO_REQUIRE_GL(gl);
  const faro::render::MapSceneResult r = render_demo();
  ASSERT_EQ(r.image.width, 640);
  ASSERT_EQ(r.image.height, 360);
  const fs::path golden = golden_path();
  if (update_requested()) {
    faro::io::write_png_rgba(golden.string(), r.image.pixels, r.image.width, r.image.height, {9});
    GTEST_SKIP() << "FARO_UPDATE_GOLDEN=1: wrote " << golden << "; look at it before committing";
  }
  RgbaImage expected;
  std::string why;
  ASSERT_TRUE(read_png(golden, expected, why))
      << why << " (run with FARO_UPDATE_GOLDEN=1 to create it)";
  ASSERT_EQ(expected.width, r.image.width);
  ASSERT_EQ(expected.height, r.image.height);

  size_t differing = 0;
  for (size_t i = 0; i < expected.pixels.size(); i += 4) {
    bool differs = false;
    for (size_t c = 0; c < 4; ++c)
      differs |=
          std::abs(int(expected.pixels[i + c]) - int(r.image.pixels[i + c])) > kChannelTolerance;
    differing += differs;
  }
  const size_t total = expected.pixels.size() / 4;
  const double fraction = static_cast<double>(differing) / static_cast<double>(total);
  if (fraction > kMaxDifferingFraction) {
    const fs::path actual = fs::absolute("golden_demo_640x360_actual.png");
    faro::io::write_png_rgba(actual.string(), r.image.pixels, r.image.width, r.image.height);
    ADD_FAILURE() << differing << " of " << total << " pixels (" << 100 * fraction
                  << " %) differ by more than " << kChannelTolerance << "/255 (limit "
                  << 100 * kMaxDifferingFraction << " %); actual image written to " << actual
                  << ", golden is " << golden;
  }
}

}  // namespace
