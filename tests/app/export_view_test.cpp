// Dashboard PNG export keeps the current view (issue 4 "export the current view"): with a view
// box the export shows that area, not the whole city. Checked on an internal choropleth export of
// the demo: the pixel at the centre of an export zoomed into one sector has the colour that sector
// has in the whole-city export.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <thread>

#include "io/style_presets.hpp"
#include "app/export_job.hpp"
#include "app_test_util.hpp"
#include "core/polylabel.hpp"
#include "render/camera.hpp"
#include "render/egl_context.hpp"
#include "test_support.hpp"

namespace faro::app {
namespace {

using namespace std::chrono_literals;


// Set FARO_APP_TEST_KEEP to a folder to keep the PNGs for a look.
void keep(const std::string& png) {
  if (const char* dir = std::getenv("FARO_APP_TEST_KEEP")) {
    std::error_code ec;
    std::filesystem::copy_file(png,
                               std::filesystem::path(dir) / std::filesystem::path(png).filename(),
                               std::filesystem::copy_options::overwrite_existing, ec);
  }
}

render::RgbaImage run_export(const Session& s, const std::string& png, int w, int h, bool internal,
                             std::optional<Box> view) {
  ExportJob job(faro_test::demo_snapshot(s.filter), s, png, w, h, internal, view);
  for (int i = 0; i < 6000 && !job.done(); ++i) std::this_thread::sleep_for(10ms);
  EXPECT_TRUE(job.done());
  EXPECT_TRUE(job.error().empty()) << job.error();
  keep(png);
  return faro_test::read_png(png);
}

int diff(render::Rgba8 a, render::Rgba8 b) {
  return std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b);
}

TEST(ExportView, ZoomedExportShowsTheChosenSectorAtItsCentre) {
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped";
  const auto ws = faro_test::demo_workspace();
  Session s;
  s.style = io::default_style();
  for (StyleLayer& l : s.style.layers)  // flat fills only: the choropleth's class colours
    l.visible = l.kind == LayerKind::choropleth;
  faro_test::TempDir tmp;
  constexpr int W = 640, H = 480;
  const render::RgbaImage full = run_export(s, tmp.file("export_full.png"), W, H, true, {});
  ASSERT_EQ(full.width, W);
  // The whole-city export's framing (render_map_scene: sector extent, 4 % padding).
  const render::Camera city = render::Camera::fit(ws->sectors.extent(), W, H, 0.04 * H);
  const render::Rgba8 city_centre = full.at(W / 2, H / 2);
  // The sector whose colour differs most from the whole map's centre pixel, among those roomy
  // enough (pole of inaccessibility >= 6 pixels of the city view from the boundary).
  int best = -1, best_diff = 0;
  PoleOfInaccessibility best_pole;
  for (size_t i = 0; i < ws->sectors.size(); ++i) {
    const PoleOfInaccessibility pole = polylabel(ws->sectors.sectors[i].shape);
    if (pole.distance < 6 * city.metres_per_pixel()) continue;
    const Vec2 px = city.world_to_pixel(pole.point);
    const int d = diff(full.at(static_cast<int>(px.x), static_cast<int>(px.y)), city_centre);
    if (d > best_diff) best = static_cast<int>(i), best_diff = d, best_pole = pole;
  }
  ASSERT_GE(best, 0);
  ASSERT_GT(best_diff, 60) << "the choropleth should colour some sector unlike the centre one";
  const Vec2 at = city.world_to_pixel(best_pole.point);
  const render::Rgba8 sector_colour = full.at(static_cast<int>(at.x), static_cast<int>(at.y));
  // A view well inside that sector (half the pole's distance each way), exported 4:3.
  const double r = 0.5 * best_pole.distance;
  const Box view{best_pole.point.x - r, best_pole.point.y - r, best_pole.point.x + r,
                 best_pole.point.y + r};
  const render::RgbaImage zoomed = run_export(s, tmp.file("export_zoomed.png"), W, H, true, view);
  ASSERT_EQ(zoomed.width, W);
  const render::Rgba8 c = zoomed.at(W / 2, H / 2);
  EXPECT_LT(diff(c, sector_colour), 30) << ws->sectors.sectors[best].name;
  EXPECT_GT(diff(c, city_centre), 60);
  // The zoomed export is the sector's fill nearly everywhere around the centre (no city outline).
  EXPECT_LT(faro_test::luminance_stddev(zoomed, W / 4, H / 4, 3 * W / 4, 3 * H / 4), 3.0);
  // The default (partner-safe) export of the same view: a sector count of k or more keeps its
  // class colour (render/scene_protection.hpp greys only the suppressed sectors, and the demo's
  // whole-period counts are all published).
  const render::RgbaImage safe =
      run_export(s, tmp.file("export_zoomed_safe.png"), W, H, false, view);
  const render::Rgba8 p = safe.at(W / 2, H / 2);
  EXPECT_LT(diff(p, sector_colour), 30);
}

}  // namespace
}  // namespace faro::app
