// One renderer for every path (issue 12): the dashboard's export at screen size equals the live
// map's framebuffer within the golden tolerance (internal and while presenting, i.e. partner-safe),
// and `faro render --project P` equals the dashboard's export of P.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "app/export_job.hpp"
#include "app/headless_dashboard.hpp"
#include "app/map_view.hpp"
#include "app/session_map.hpp"
#include "app_test_util.hpp"
#include "io/png_writer.hpp"
#include "io/project_file.hpp"
#include "io/style_presets.hpp"
#include "render/egl_context.hpp"
#include "test_support.hpp"

namespace faro::app {
namespace {

using namespace std::chrono_literals;

// The golden tolerance (tests/render/golden_layout_test.cpp): at most 2 % of the pixels may differ
// by more than 24/255 on a channel.
constexpr int kChannelTolerance = 24;
constexpr double kMaxDifferingFraction = 0.02;


double differing_fraction(const render::RgbaImage& a, const render::RgbaImage& b) {
  const size_t n = faro_test::count_different(a, b, kChannelTolerance);
  if (n == static_cast<size_t>(-1)) return 1.0;
  return static_cast<double>(n) / (static_cast<double>(a.width) * a.height);
}

void keep(const render::RgbaImage& img, const std::string& name) {
  if (const char* dir = std::getenv("FARO_APP_TEST_KEEP"))
    io::write_png_rgba(std::string(dir) + "/" + name, img.pixels, img.width, img.height);
}

// The live map's framebuffer and the export of the same snapshot, style and view at the map's
// pixel size, without the cartographic overlay (text is ImGui's on screen, cairo's in the file).
void expect_screen_equals_export(bool presentation) {
  DashboardOptions o;
  o.width = 1000;
  o.height = 640;
  o.language = Language::en;
  o.presentation = presentation;
  HeadlessDashboard d(o);
  d.frame();
  ASSERT_TRUE(d.app().settle(120s));
  for (int i = 0; i < 3; ++i) d.frame();
  ASSERT_TRUE(d.app().map().settle_heatmap(60s));
  for (int i = 0; i < 3; ++i) d.frame();
  const render::RgbaImage screen = d.app().map().read_back();
  ASSERT_GT(screen.width, 100);

  SessionMapRequest request;
  request.width = screen.width;
  request.height = screen.height;
  request.view = d.app().map().camera().visible_box();
  request.ui_scale = 1.0;  // the headless dashboard's pixel scale
  request.samples = 0;     // the live map draws without MSAA
  request.overlay = false;
  request.internal = !presentation;  // the live map is protected exactly while presenting
  const SnapshotPtr snap = d.app().snapshot();
  render::MapSceneResult exported;
  {
    render::EglContext own;  // as the export job does, on a context of its own
    exported = render_session_map(*snap->data, snap->filtered->rows, d.app().session(), request);
  }
  // The stamp is overlay furniture: not drawn here.
  keep(screen, presentation ? "screen_presenting.png" : "screen.png");
  keep(exported.image, presentation ? "export_presenting.png" : "export.png");
  EXPECT_LE(differing_fraction(screen, exported.image), kMaxDifferingFraction)
      << "the export differs from the screen in more than 2 % of the pixels";
  // The heatmap is really there on both (not two blank maps that agree).
  EXPECT_GT(faro_test::luminance_stddev(screen, 0, 0, screen.width, screen.height), 10.0);
}

TEST(OneRenderer, ScreenSizeExportEqualsTheLiveMap) {
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped";
  expect_screen_equals_export(false);
}

TEST(OneRenderer, PresentationModeEqualsThePartnerSafeExport) {
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped";
  expect_screen_equals_export(true);
}

TEST(OneRenderer, RenderProjectEqualsTheDashboardExportOfIt) {
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped";
  faro_test::TempDir tmp;
  // A project of the demo city with an edited style: the weekly-meeting style, a choropleth on
  // top at 70 %, English, one year.
  Session s;
  s.language = Language::en;
  s.style = io::builtin_style("weekly-meeting");
  StyleLayer choropleth = io::layer_preset("choropleth");
  choropleth.opacity = 0.7f;
  s.style.add(choropleth);
  s.filter.from = days_from_civil(2023, 1, 1) * kSecondsPerDay;
  s.filter.to_exclusive = days_from_civil(2024, 1, 1) * kSecondsPerDay;
  const std::string project = tmp.file("demo.faro.json");
  io::save_project(s, project);

  // The dashboard's export of the project (whole city, 960x540).
  const Session loaded = io::load_project(project);
  const SnapshotPtr snap = faro_test::demo_snapshot(loaded.filter);
  const std::string from_dashboard = tmp.file("dashboard.png");
  {
    ExportJob job(snap, loaded, from_dashboard, 960, 540);
    for (int i = 0; i < 6000 && !job.done(); ++i) std::this_thread::sleep_for(10ms);
    ASSERT_TRUE(job.done());
    ASSERT_TRUE(job.error().empty()) << job.error();
  }
  const std::string from_cli = tmp.file("cli.png");
  std::string log;
  ASSERT_EQ(faro_test::run_command(std::string(FARO_BINARY) + " render --project " + project +
                                       " --width 960 --height 540 -o " + from_cli,
                                   &log),
            0)
      << log;
  const render::RgbaImage a = faro_test::read_png(from_dashboard);
  const render::RgbaImage b = faro_test::read_png(from_cli);
  keep(a, "project_dashboard.png");
  keep(b, "project_cli.png");
  EXPECT_LE(differing_fraction(a, b), kMaxDifferingFraction) << log;
  EXPECT_NE(log.find("Protection: counts < 5 suppressed"), std::string::npos) << log;
}

}  // namespace
}  // namespace faro::app
