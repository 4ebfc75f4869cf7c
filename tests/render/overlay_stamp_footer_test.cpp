// Overlay hooks for partner-facing exports: a handling stamp (e.g. "USO INTERNO / INTERNAL USE")
// drawn top-right in red, stacked under the synthetic-data stamp, and small footer lines along the
// bottom edge under the source line. Both are absent by default: an overlay without them draws
// exactly what it drew before. Set FARO_OVERLAY_PREVIEW_DIR to keep a PNG to look at.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "io/png_writer.hpp"
#include "render/map_overlay.hpp"

namespace {

using faro::Vec2;
using faro::render::Camera;
using faro::render::draw_overlay;
using faro::render::MapOverlay;
using faro::render::Rgba8;
using faro::render::RgbaImage;

constexpr Vec2 kCentre{486000.0, 2147000.0};

RgbaImage white(int w, int h) {
  RgbaImage img(w, h);
  std::fill(img.pixels.begin(), img.pixels.end(), uint8_t{255});
  return img;
}

template <class Pred>
int count_pixels(const RgbaImage& img, int x0, int y0, int x1, int y1, Pred pred) {
  int n = 0;
  for (int y = std::max(0, y0); y < std::min(img.height, y1); ++y)
    for (int x = std::max(0, x0); x < std::min(img.width, x1); ++x) n += pred(img.at(x, y));
  return n;
}

bool stamp_red(Rgba8 p) {
  return p.r > 140 && p.g < 90 && p.b < 90;
}
bool grey_ink(Rgba8 p) {
  return p.r < 170 && p.g < 170 && p.b < 170;
}

// Lowest and highest rows holding a pixel that satisfies `pred` in the region (or -1, -1).
template <class Pred>
std::pair<int, int> row_span(const RgbaImage& img, int x0, int y0, int x1, int y1, Pred pred) {
  int lo = -1, hi = -1;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x)
      if (pred(img.at(x, y))) {
        if (lo < 0) lo = y;
        hi = y;
        break;
      }
  return {lo, hi};
}

TEST(OverlayStamp, DrawnRedTopRightAndStackedUnderTheSyntheticStamp) {
  const Camera cam(kCentre, 10, 1920, 1080);
  MapOverlay o;
  o.title = "Incidentes";
  o.stamp = "USO INTERNO / INTERNAL USE";
  RgbaImage alone = white(1920, 1080);
  draw_overlay(alone, cam, o);
  EXPECT_GT(count_pixels(alone, 1400, 0, 1920, 150, stamp_red), 300);
  EXPECT_EQ(count_pixels(alone, 0, 150, 1920, 1080, stamp_red), 0);
  const auto [alone_top, alone_bottom] = row_span(alone, 1400, 0, 1920, 400, stamp_red);

  o.synthetic = true;
  // Footer lines too, for the preview (they are along the bottom, outside the stamp region).
  o.source_line = "FGJ CDMX, carpetas de investigación (datos abiertos)";
  o.footer_lines = {"Protección aplicada: conteos < 5 suprimidos; sin puntos de incidentes",
                    "Export for partners / Exportación para socios"};
  RgbaImage both = white(1920, 1080);
  draw_overlay(both, cam, o);
  const auto [both_top, both_bottom] = row_span(both, 1400, 0, 1920, 400, stamp_red);
  // The synthetic stamp keeps the top slot; the handling stamp moves below it (one more panel of
  // about 60 px), so the red reaches much lower than with the handling stamp alone.
  EXPECT_EQ(both_top, alone_top);
  EXPECT_GT(both_bottom, alone_bottom + 40);
  EXPECT_GT(count_pixels(both, 1400, 0, 1920, 250, stamp_red),
            count_pixels(alone, 1400, 0, 1920, 250, stamp_red) * 3 / 2);
  if (const char* dir = std::getenv("FARO_OVERLAY_PREVIEW_DIR"))
    faro::io::write_png_rgba((std::filesystem::path(dir) / "overlay_stamp_footer.png").string(),
                             both.pixels, both.width, both.height);
}

TEST(OverlayFooter, LinesStackUnderTheSourceLineAlongTheBottomEdge) {
  const Camera cam(kCentre, 10, 1920, 1080);
  MapOverlay o;
  o.scale_bar = o.north_arrow = false;
  o.source_line = "FGJ CDMX, datos abiertos";
  RgbaImage source_only = white(1920, 1080);
  draw_overlay(source_only, cam, o);
  const auto [src_top, src_bottom] = row_span(source_only, 0, 900, 1000, 1080, grey_ink);
  ASSERT_GT(src_top, 0);

  o.footer_lines = {"Protección aplicada: k ≥ 5 por sector; sin puntos de incidentes",
                    "Generado por Faro"};
  RgbaImage with_footer = white(1920, 1080);
  draw_overlay(with_footer, cam, o);
  const auto [top, bottom] = row_span(with_footer, 0, 900, 1000, 1080, grey_ink);
  // The block grows upwards by two lines of 10.5-px text (about 12 px each) and stays anchored
  // at the bottom edge.
  EXPECT_LT(top, src_top - 20);
  EXPECT_NEAR(bottom, src_bottom, 3);
  EXPECT_GT(count_pixels(with_footer, 0, bottom - 10, 700, bottom + 1, grey_ink), 50);
  // Nothing red: footer lines are small print, not a stamp.
  EXPECT_EQ(count_pixels(with_footer, 0, 0, 1920, 1080, stamp_red), 0);
}

TEST(OverlayFooter, EmptyHooksChangeNothing) {
  const Camera cam(kCentre, 10, 800, 450);
  MapOverlay o;
  o.title = "Mapa";
  o.source_line = "Fuente: prueba";
  RgbaImage a = white(800, 450), b = white(800, 450);
  draw_overlay(a, cam, o);
  o.footer_lines = {"", ""};  // empty lines are skipped
  o.stamp = "";
  draw_overlay(b, cam, o);
  EXPECT_EQ(a.pixels, b.pixels);
}

TEST(OverlayFooter, AFooterWiderThanTheImageIsShortenedNotDropped) {
  const Camera cam(kCentre, 10, 400, 300);
  MapOverlay o;
  o.ui_scale = 300.0 / 1080 * 2;
  o.footer_lines = {std::string(400, 'x')};
  o.stamp = std::string(300, 'W');
  RgbaImage img = white(400, 300);
  ASSERT_NO_THROW(draw_overlay(img, cam, o));
  EXPECT_GT(count_pixels(img, 0, 250, 400, 300, grey_ink), 20);
  EXPECT_GT(count_pixels(img, 0, 0, 400, 100, stamp_red), 20);
}

}  // namespace
