// CPU mesh building for polygon layers: fills index the right feature, offsets are relative to the
// origin, and outline ribbons carry miter vectors that keep the line width at corners.
#include "render/polygon_mesh.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace {

using faro::MultiPolygon;
using faro::Polygon;
using faro::Vec2;
using faro::render::build_polygon_mesh;

MultiPolygon square(double x0, double y0, double s) {
  return {Polygon{{{x0, y0}, {x0 + s, y0}, {x0 + s, y0 + s}, {x0, y0 + s}}, {}}};
}

TEST(PolygonMesh, FillsAndRibbonsPerFeature) {
  const MultiPolygon a = square(500000, 2100000, 10);
  MultiPolygon b = square(500020, 2100000, 10);
  b[0].holes.push_back({{500022, 2100002}, {500024, 2100002}, {500024, 2100004}});
  const auto mesh = build_polygon_mesh({&a, nullptr, &b}, {500000, 2100000});
  ASSERT_EQ(mesh.feature_count(), 3u);
  EXPECT_EQ(mesh.fill_ranges[0].count, 6u);  // 2 triangles
  EXPECT_EQ(mesh.fill_ranges[1].count, 0u);  // nullptr feature: nothing
  EXPECT_EQ(mesh.outline_ranges[1].count, 0u);
  EXPECT_GT(mesh.fill_ranges[2].count, 6u);
  // Ribbons: 2 vertices per ring vertex, 6 indices per edge (square 4 + hole 3 edges).
  EXPECT_EQ(mesh.outline_ranges[0].count, 24u);
  EXPECT_EQ(mesh.outline_ranges[2].count, 24u + 18u);
  EXPECT_EQ(mesh.outline_vertices.size(), 2u * (4 + 4 + 3));
  for (size_t f : {0u, 2u}) {
    const auto r = mesh.fill_ranges[f];
    for (uint32_t k = r.first; k < r.first + r.count; ++k)
      EXPECT_EQ(mesh.fill_vertices[mesh.fill_indices[k]].feature, f);
  }
  // Offsets from the origin, not absolute UTM.
  EXPECT_EQ(mesh.fill_vertices[0].x, 0.0f);
  EXPECT_EQ(mesh.fill_vertices[0].y, 0.0f);
  EXPECT_EQ(mesh.fill_vertices[4].x, 20.0f);
}

TEST(PolygonMesh, MiterVectorsKeepTheWidthAtCorners) {
  const MultiPolygon sq = square(0, 0, 10);
  const auto mesh = build_polygon_mesh({&sq}, {0, 0});
  // Corner (0, 0) of a counter-clockwise square: the bisector of the edge normals, length sqrt(2),
  // so each side of the corner stays exactly one half-width from its edge.
  const auto& v = mesh.outline_vertices[0];
  EXPECT_NEAR(std::hypot(v.ex, v.ey), std::sqrt(2.0), 1e-6);
  EXPECT_NEAR(std::abs(v.ex), 1.0, 1e-6);
  EXPECT_NEAR(std::abs(v.ey), 1.0, 1e-6);
  EXPECT_EQ(mesh.outline_vertices[1].ex, -v.ex);  // the pair straddles the ring
}

TEST(PolygonMesh, SharpSpikesAreLimited) {
  // A needle: the turn at (100, 0.5) is almost 180 degrees.
  const MultiPolygon needle{Polygon{{{0, 0}, {100, 0.5}, {0, 1}}, {}}};
  const auto mesh = build_polygon_mesh({&needle}, {0, 0});
  for (const auto& v : mesh.outline_vertices)
    EXPECT_LE(std::hypot(v.ex, v.ey), faro::render::kMiterLimit + 1e-6);
}

}  // namespace
