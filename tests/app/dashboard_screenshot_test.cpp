// The dashboard as a user first sees it, through the `faro` binary: headless (no display, EGL)
// it writes faro-dashboard.png-style screenshots that are not blank and show the map; Spanish and
// English differ; presentation mode hides the panels; and under Xvfb (when xvfb-run exists) the
// real GLFW window renders the same. Each run takes a few seconds on llvmpipe.
#include <gtest/gtest.h>

#include <filesystem>

#include "app_test_util.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using faro::render::RgbaImage;
using faro::render::Rgba8;

// Runs `faro dashboard ARGS` with no display (EGL path). Returns the exit code; output in `out`.
int headless_dashboard(const std::string& args, std::string* out) {
  return faro_test::run_command(
      "env -u DISPLAY -u WAYLAND_DISPLAY " + std::string(FARO_BINARY) + " dashboard " + args, out);
}

// The map occupies the middle right of the window in normal mode (side panel on the left):
// a window of its centre is always map, never panel.
void expect_map_visible(const RgbaImage& img) {
  const int x0 = img.width / 2, x1 = img.width * 7 / 8, y0 = img.height / 4, y1 = img.height * 3 / 5;
  // Pale sector fills (238, 238, 236) and the heatmap (inferno: reds/oranges) are both there.
  EXPECT_GT(faro_test::count_color(img, Rgba8{238, 238, 236, 255}, 3, x0, y0, x1, y1), 200u);
  size_t warm = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) {
      const Rgba8 p = img.at(x, y);
      if (p.r > 150 && p.g < 140 && p.b < 120) ++warm;
    }
  EXPECT_GT(warm, 100u) << "no heatmap colours in the map area";
  EXPECT_GT(faro_test::luminance_stddev(img, x0, y0, x1, y1), 10.0);
}

TEST(DashboardScreenshot, HeadlessWritesANonBlankDashboardWithTheMap) {
  faro_test::TempDir tmp;
  const std::string png = tmp.file("es.png");
  std::string out;
  const int code = headless_dashboard("--lang es --size 1280x720 --screenshot " + png, &out);
  if (out.find("GlUnavailable") != std::string::npos || out.find("EGL") != std::string::npos)
    if (code != 0) GTEST_SKIP() << "headless OpenGL unavailable: " << out;
  ASSERT_EQ(code, 0) << out;
  EXPECT_NE(out.find("no display: writing the dashboard to " + png), std::string::npos) << out;
  const RgbaImage img = faro_test::read_png(png);
  ASSERT_EQ(img.width, 1280) << out;
  ASSERT_EQ(img.height, 720);
  EXPECT_GT(faro_test::luminance_stddev(img, 0, 0, img.width, img.height), 15.0);
  expect_map_visible(img);
}

TEST(DashboardScreenshot, SpanishAndEnglishDiffer) {
  faro_test::TempDir tmp;
  std::string out;
  ASSERT_EQ(headless_dashboard("--lang es --size 1024x640 --screenshot " + tmp.file("es.png"), &out), 0)
      << out;
  ASSERT_EQ(headless_dashboard("--lang en --size 1024x640 --screenshot " + tmp.file("en.png"), &out), 0)
      << out;
  const RgbaImage es = faro_test::read_png(tmp.file("es.png"));
  const RgbaImage en = faro_test::read_png(tmp.file("en.png"));
  ASSERT_EQ(es.width, en.width);
  // Menu, panel and status texts change; the map itself is the same picture.
  const size_t differing = faro_test::count_different(es, en);
  EXPECT_GT(differing, 300u);
  EXPECT_LT(differing, static_cast<size_t>(es.width) * es.height / 4);
}

TEST(DashboardScreenshot, PresentationModeHidesThePanels) {
  faro_test::TempDir tmp;
  std::string out;
  ASSERT_EQ(headless_dashboard("--size 1024x640 --screenshot " + tmp.file("normal.png"), &out), 0)
      << out;
  ASSERT_EQ(headless_dashboard("--presentation --size 1024x640 --screenshot " +
                                   tmp.file("presentation.png"),
                               &out),
            0)
      << out;
  const RgbaImage normal = faro_test::read_png(tmp.file("normal.png"));
  const RgbaImage pres = faro_test::read_png(tmp.file("presentation.png"));
  // The left fifth, second quarter of the height, is the side panel in normal mode and the
  // caption column's blank middle in presentation mode, painted in the map's background colour
  // (250, 250, 248; the title and subtitle sit above, the legends, scale bar and footer below).
  const auto map_background = [](const RgbaImage& img) {
    return faro_test::count_color(img, Rgba8{250, 250, 248, 255}, 1, 0, img.height / 4,
                                  img.width / 5, img.height / 2);
  };
  const size_t strip = static_cast<size_t>(normal.width / 5) * (normal.height / 4);
  EXPECT_LT(map_background(normal), strip / 10);
  EXPECT_GT(map_background(pres), strip * 9 / 10);
}

TEST(DashboardScreenshot, UnknownOptionsAreUsageErrors) {
  std::string out;
  EXPECT_EQ(headless_dashboard("--lang fr", &out), 2) << out;
  EXPECT_EQ(headless_dashboard("--size 12", &out), 2) << out;
}

TEST(DashboardScreenshot, XvfbWindowSmokeTest) {
  if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "xvfb-run not installed: window smoke test skipped";
  faro_test::TempDir tmp;
  const std::string png = tmp.file("xvfb.png");
  std::string out;
  const int code = faro_test::run_command(
      "xvfb-run -a -s '-screen 0 1600x1000x24' " + std::string(FARO_BINARY) +
          " dashboard --frames 5 --size 1200x760 --screenshot " + png,
      &out);
  ASSERT_EQ(code, 0) << out;
  EXPECT_EQ(out.find("no display"), std::string::npos) << "fell back to headless: " << out;
  const RgbaImage img = faro_test::read_png(png);
  ASSERT_GT(img.width, 0) << out;
  EXPECT_GT(faro_test::luminance_stddev(img, 0, 0, img.width, img.height), 15.0);
  expect_map_visible(img);
}

}  // namespace
