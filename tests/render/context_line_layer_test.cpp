// Context lines: a line at a known position darkens exactly the pixels under it, at the requested
// on-screen width, and the CPU mesh has the expected shape (open ends, closed rings).
#include <gtest/gtest.h>

#include "gl_test_support.hpp"
#include "render/context_line_layer.hpp"
#include "render/map_renderer.hpp"

namespace {

using faro::Vec2;
using faro::render::Camera;
using faro::render::ContextLineLayer;
using faro::render::LineStrip;
using faro::render::Rgba8;

constexpr Vec2 kCentre{486000.0, 2147000.0};
constexpr Rgba8 kWhite{255, 255, 255, 255};
constexpr Rgba8 kGrey{70, 70, 70, 255};

TEST(ContextLineMesh, OpenAndClosedStrips) {
  const std::vector<LineStrip> strips{{{{0, 0}, {10, 0}, {10, 10}}, false},
                                      {{{0, 0}, {5, 0}, {5, 5}, {0, 5}}, true}};
  const auto mesh = faro::render::build_line_mesh(strips, {0, 0});
  EXPECT_EQ(mesh.vertices.size(), 2u * (3 + 4));
  EXPECT_EQ(mesh.indices.size(), 6u * (2 + 4));  // open: n-1 segments; closed: n
  // Open end: square-cut, pushed along the left normal of the first segment (0, 1).
  EXPECT_FLOAT_EQ(mesh.vertices[0].ex, 0.0f);
  EXPECT_FLOAT_EQ(mesh.vertices[0].ey, 1.0f);
  // 90-degree corner: miter length sqrt(2) along the bisector.
  EXPECT_NEAR(mesh.vertices[2].ex, -1.0f, 1e-6);
  EXPECT_NEAR(mesh.vertices[2].ey, 1.0f, 1e-6);
}

TEST(ContextLineLayer, HorizontalLineDarkensItsRowOnly) {
  FARO_REQUIRE_GL(gl);
  // 1 m per pixel, 200 x 200; a horizontal line 30 m north of the centre from 50 m west to 50 m
  // east: image rows ~70 (y down), columns 50..150.
  const std::vector<LineStrip> strips{
      {{{kCentre.x - 50, kCentre.y + 30.5}, {kCentre.x + 50, kCentre.y + 30.5}}, false}};
  ContextLineLayer layer(strips, {kGrey, 3.0f});
  EXPECT_EQ(layer.triangle_count(), 2u);
  const Camera cam(kCentre, 1.0, 200, 200);
  faro::render::MapRenderOptions options;
  options.background = kWhite;
  const auto image = faro::render::render_map({&layer}, cam, options);
  // World y = centre + 30.5 lies at image row 100 - 30.5 = 69.5: pixel row 69 centre; 3 px wide
  // covers rows 68..70.
  for (int x : {55, 100, 145}) {
    EXPECT_EQ(image.at(x, 69), kGrey) << x;
    EXPECT_EQ(image.at(x, 68), kGrey) << x;
    EXPECT_EQ(image.at(x, 70), kGrey) << x;
    EXPECT_EQ(image.at(x, 66), kWhite) << x;
    EXPECT_EQ(image.at(x, 72), kWhite) << x;
    EXPECT_EQ(image.at(x, 130), kWhite) << x;  // the mirrored (south) position stays empty
  }
  EXPECT_EQ(image.at(40, 69), kWhite);   // west of the line's end
  EXPECT_EQ(image.at(160, 69), kWhite);  // east of it
}

}  // namespace
