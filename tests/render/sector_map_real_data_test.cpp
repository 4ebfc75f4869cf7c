// The 72 CDMX police sectors (2023) rendered end to end (skipped when ../shared/data is absent):
// at a point deep inside each sector the image shows that sector's colour, and outside the city
// the background.
#include <gtest/gtest.h>

#include <cmath>

#include "core/triangulate.hpp"
#include "gl_test_support.hpp"
#include "io/sector_loader.hpp"
#include "render/camera.hpp"
#include "render/sector_map_png.hpp"
#include "render_test_scenes.hpp"
#include "test_support.hpp"

namespace {

using faro::Vec2;
using faro::render::Rgba8;

// Incentre and inradius of the sector triangle with the largest inscribed circle: a point at least
// that far from every edge of the sector.
std::pair<Vec2, double> deep_point(const faro::MultiPolygon& shape) {
  const faro::TriangleMesh mesh = faro::triangulate(shape);
  std::pair<Vec2, double> best{{0, 0}, -1};
  for (size_t t = 0; t < mesh.indices.size(); t += 3) {
    const Vec2 &a = mesh.vertices[mesh.indices[t]], &b = mesh.vertices[mesh.indices[t + 1]],
               &c = mesh.vertices[mesh.indices[t + 2]];
    const double la = std::hypot(b.x - c.x, b.y - c.y), lb = std::hypot(a.x - c.x, a.y - c.y),
                 lc = std::hypot(a.x - b.x, a.y - b.y), p = la + lb + lc;
    const double area2 = std::abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y));
    if (p <= 0) continue;
    const double r = area2 / p;
    if (r > best.second)
      best = {{(la * a.x + lb * b.x + lc * c.x) / p, (la * a.y + lb * b.y + lc * c.y) / p}, r};
  }
  return best;
}

TEST(SectorMapRealData, Sectores2023EachSectorShowsItsColour) {
  FARO_REQUIRE_SHARED(path, "cdmx-cuadrantes/sectores_2023.geojson");
  FARO_REQUIRE_GL(gl);
  const auto loaded = faro::io::load_sectors(path, {}, "");
  const faro::SectorSet& sectors = loaded.sectors;
  ASSERT_EQ(sectors.size(), 72u);
  const auto colors = faro_test::distinct_colors(sectors.size());
  faro::render::SectorMapStyle style;
  style.background = {255, 255, 255, 255};
  const int width = 1200, height = 1400;
  const faro::render::RgbaImage image =
      faro::render::render_sectors_image(sectors, colors, width, height, style);
  // The camera render_sectors_image uses: the extent fitted with the style's padding.
  const auto camera = faro::render::Camera::fit(sectors.extent(), width, height, style.padding_px);
  int checked = 0;
  for (size_t i = 0; i < sectors.size(); ++i) {
    const auto [point, radius_m] = deep_point(sectors.sectors[i].shape);
    // Only where the inscribed circle clears the outline and anti-aliasing by a margin.
    if (radius_m / camera.metres_per_pixel() < 4) continue;
    const Vec2 px = camera.world_to_pixel(point);
    EXPECT_EQ(image.at(static_cast<int>(px.x), static_cast<int>(px.y)), colors[i])
        << sectors.sectors[i].name;
    ++checked;
  }
  EXPECT_GE(checked, 65);  // all but the smallest sectors at ~40 m per pixel
  EXPECT_EQ(image.at(2, 2), style.background);
  EXPECT_EQ(image.at(width - 3, height - 3), style.background);
}

}  // namespace
