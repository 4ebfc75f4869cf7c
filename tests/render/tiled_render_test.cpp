// Tiled rendering: a 9000 x 300 map rendered in small forced tiles equals the same map rendered in
// one pass (exactly where no edge passes near a sample point, nearly everywhere otherwise).
#include <gtest/gtest.h>

#include <cmath>
#include <iostream>
#include <numbers>
#include <set>

#include "gl_test_support.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"
#include "render/polygon_fill_layer.hpp"
#include "render_test_scenes.hpp"

namespace {

using faro::MultiPolygon;
using faro::Vec2;
using faro::render::Camera;
using faro::render::MapRenderOptions;
using faro::render::PolygonFillLayer;
using faro::render::RgbaImage;

constexpr Vec2 kCentre{486000.0, 2147000.0};
constexpr int kWidth = 9000, kHeight = 300;

TEST(RenderTiled, TilesPartitionTheImage) {
  FARO_REQUIRE_GL(gl);
  std::vector<faro::render::TileViewport> tiles;
  faro::render::TiledRenderOptions options;
  options.max_tile_size = 256;
  options.clear_color = {0, 0, 1, 1};
  const RgbaImage image = faro::render::render_tiled(
      kWidth, kHeight, [&](const faro::render::TileViewport& t) { tiles.push_back(t); }, options);
  // ceil(9000 / 256) = 36 columns, ceil(300 / 256) = 2 rows.
  ASSERT_EQ(tiles.size(), 72u);
  size_t covered = 0;
  std::set<std::pair<int, int>> corners;
  for (const auto& t : tiles) {
    EXPECT_LE(t.width, 256);
    EXPECT_LE(t.height, 256);
    EXPECT_EQ(t.full_width, kWidth);
    covered += static_cast<size_t>(t.width) * t.height;
    corners.insert({t.x, t.y});
  }
  EXPECT_EQ(covered, static_cast<size_t>(kWidth) * kHeight);
  EXPECT_EQ(corners.size(), tiles.size());
  EXPECT_EQ(tiles.back().width, 9000 - 35 * 256);
  EXPECT_EQ(tiles.back().height, 300 - 256);
  EXPECT_EQ(image.at(8999, 299), (faro::render::Rgba8{0, 0, 255, 255}));
}

// Rectangles whose edges sit a quarter pixel off pixel boundaries (away from every sample point,
// with or without 4x MSAA), so tile and full renders must agree bit for bit.
std::vector<MultiPolygon> quarter_pixel_rectangles(const Camera& cam) {
  std::vector<MultiPolygon> shapes;
  for (int i = 0; i < 40; ++i) {
    const double px0 = 17 + i * 223 + 0.25, px1 = px0 + 150 + (i % 5) * 31;
    const double py0 = 10 + (i * 37) % 150 + 0.25, py1 = py0 + 40 + (i % 7) * 15;
    const Vec2 a = cam.pixel_to_world({px0, py1}), b = cam.pixel_to_world({px1, py0});
    shapes.push_back(faro_test::rectangle(a.x, a.y, b.x, b.y));
  }
  return shapes;
}

RgbaImage render(PolygonFillLayer& layer, const Camera& cam, int tile, int samples) {
  MapRenderOptions options;
  options.max_tile_size = tile;
  options.samples = samples;
  options.background = {250, 250, 245, 255};
  return faro::render::render_map({&layer}, cam, options);
}

TEST(RenderTiled, SmallTilesMatchOnePassExactly) {
  FARO_REQUIRE_GL(gl);
  const Camera cam(kCentre, 1.5, kWidth, kHeight);
  const std::vector<MultiPolygon> shapes = quarter_pixel_rectangles(cam);
  std::vector<const MultiPolygon*> ptrs;
  for (const auto& s : shapes) ptrs.push_back(&s);
  PolygonFillLayer layer(ptrs, cam.local_origin());
  layer.set_fill_colors(faro_test::distinct_colors(shapes.size()));
  layer.set_outline({{0, 0, 0, 255}, 0.0f});  // fills only: outlines are not quarter-pixel aligned
  for (int samples : {0, 4}) {
    const RgbaImage whole = render(layer, cam, 0, samples);
    const RgbaImage tiled = render(layer, cam, 256, samples);
    EXPECT_EQ(faro_test::count_differences(whole, tiled), 0u) << "samples " << samples;
    // The scene really is there: the first rectangle's colour inside it, background outside.
    EXPECT_EQ(whole.at(18, 11 + 37 * 0 + 10), faro_test::distinct_colors(1)[0]);
    EXPECT_EQ(whole.at(5, 5), (faro::render::Rgba8{250, 250, 245, 255}));
  }
}

TEST(RenderTiled, GeneralShapesAgreeExceptOnRareEdgeSamples) {
  FARO_REQUIRE_GL(gl);
  const Camera cam(kCentre, 1.5, kWidth, kHeight);
  // Stars and rings at arbitrary positions, with 2 px outlines.
  std::vector<MultiPolygon> shapes;
  for (int i = 0; i < 30; ++i) {
    const Vec2 c = cam.pixel_to_world({150 + i * 290.37, 150 + 60 * std::sin(i * 1.3)});
    faro::Ring star;
    for (int k = 0; k < 14; ++k) {
      const double a = k * std::numbers::pi / 7 + i, r = (k % 2 ? 90.0 : 190.0) * (1 + i % 3);
      star.push_back({c.x + r * std::cos(a), c.y + r * std::sin(a)});
    }
    faro::Ring hole;
    for (int k = 0; k < 8; ++k)
      hole.push_back({c.x + 40 * std::cos(-k * std::numbers::pi / 4),
                      c.y + 40 * std::sin(-k * std::numbers::pi / 4)});
    shapes.push_back({faro::Polygon{star, {hole}}});
  }
  std::vector<const MultiPolygon*> ptrs;
  for (const auto& s : shapes) ptrs.push_back(&s);
  PolygonFillLayer layer(ptrs, cam.local_origin());
  layer.set_fill_colors(faro_test::distinct_colors(shapes.size()));
  layer.set_outline({{30, 30, 30, 255}, 2.0f});
  const RgbaImage whole = render(layer, cam, 0, 4);
  const RgbaImage tiled = render(layer, cam, 500, 4);
  const size_t differing = faro_test::count_differences(whole, tiled);
  // Rounding differs between the two projections only for samples within ~1e-3 px of an edge.
  EXPECT_LT(differing, static_cast<size_t>(kWidth) * kHeight / 1000) << differing;
  std::cout << "[ tiled    ] " << differing << " of " << kWidth * kHeight
            << " pixels differ between 500 px tiles and one pass\n";
}

}  // namespace
