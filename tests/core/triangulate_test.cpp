// Ear-clipping triangulation (core/triangulate.hpp) on synthetic polygons: the triangles cover the
// polygon exactly (area sum equals area, no triangle outside or in a hole), wind counter-clockwise,
// and index the flattened outer-then-holes vertex list. Real CDMX polygons: render/ tests (they
// need the GDAL loader, which core tests do not link).
#include "core/triangulate.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "triangulate_check.hpp"

namespace {

using faro::Polygon;
using faro::Ring;
using faro::Vec2;

Ring square(double x0, double y0, double size) {
  return {{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}};
}

Ring reversed(Ring r) {
  return Ring(r.rbegin(), r.rend());
}

TEST(Triangulate, SquareGivesTwoTriangles) {
  const Polygon p{square(0, 0, 1), {}};
  const std::vector<uint32_t> idx = faro::triangulate(p);
  ASSERT_EQ(idx.size(), 6u);
  EXPECT_DOUBLE_EQ(faro::triangles_area(p.outer, idx), 1.0);
  faro_test::expect_exact_cover(p);
}

TEST(Triangulate, SquareWithHoleAreaEqualsPolygonArea) {
  const Polygon p{square(0, 0, 10), {square(3, 3, 2)}};
  const std::vector<uint32_t> idx = faro::triangulate(p);
  // 8 vertices, one hole: a bridged ring of 10 vertices gives 8 triangles.
  EXPECT_EQ(idx.size(), 8u * 3);
  EXPECT_NEAR(faro::triangles_area(faro::flatten(p), idx), 96.0, 1e-12);
  faro_test::expect_exact_cover(p);
}

TEST(Triangulate, OrientationOfInputRingsDoesNotMatter) {
  for (bool flip_outer : {false, true}) {
    for (bool flip_hole : {false, true}) {
      Ring outer = square(0, 0, 10), hole = square(2, 5, 3);
      if (flip_outer) outer = reversed(outer);
      if (flip_hole) hole = reversed(hole);
      const Polygon p{outer, {hole}};
      EXPECT_NEAR(faro::triangles_area(faro::flatten(p), faro::triangulate(p)), 91.0, 1e-12);
      faro_test::expect_exact_cover(p);
    }
  }
}

TEST(Triangulate, ConcaveLShapeAndComb) {
  const Polygon l{{{0, 0}, {4, 0}, {4, 1}, {1, 1}, {1, 4}, {0, 4}}, {}};
  EXPECT_NEAR(faro::triangles_area(l.outer, faro::triangulate(l)), 7.0, 1e-12);
  faro_test::expect_exact_cover(l);

  // A comb with 60 teeth (242 vertices: the z-order hashed path) pointing up.
  Ring comb{{0, 0}, {120, 0}};
  for (int t = 59; t >= 0; --t) {
    comb.push_back({2.0 * t + 2, 10});
    comb.push_back({2.0 * t + 1.5, 10});
    comb.push_back({2.0 * t + 1.5, 1});
    comb.push_back({2.0 * t + 0.5, 1});
    if (t > 0) comb.push_back({2.0 * t + 0.5, 10});
  }
  comb.push_back({0, 10});
  const Polygon c{comb, {}};
  ASSERT_GT(comb.size(), 80u);
  faro_test::expect_exact_cover(c);
}

TEST(Triangulate, ManyHolesAndSpikyStar) {
  // A star with 400 points (hashed path) and 12 square holes in its core.
  Ring star;
  const int n = 400;
  for (int i = 0; i < n; ++i) {
    const double a = 2 * std::numbers::pi * i / n;
    const double r = (i % 2 == 0) ? 100 : 60 + 10 * std::sin(7.0 * a);
    star.push_back({r * std::cos(a) + 500000.0, r * std::sin(a) + 2150000.0});
  }
  Polygon p{star, {}};
  for (int k = 0; k < 12; ++k) {
    const double a = 2 * std::numbers::pi * k / 12;
    p.holes.push_back(square(500000.0 + 30 * std::cos(a) - 3, 2150000.0 + 30 * std::sin(a) - 3, 6));
  }
  faro_test::expect_exact_cover(p);
}

TEST(Triangulate, HoleTouchingOuterRingAtAPoint) {
  // Valid per OGC: the hole's corner (0, 5) lies on the outer ring.
  const Polygon p{square(0, 0, 10), {{{0, 5}, {4, 3}, {4, 7}}}};
  EXPECT_NEAR(faro::triangles_area(faro::flatten(p), faro::triangulate(p)), 100.0 - 8.0, 1e-9);
  faro_test::expect_exact_cover(p);
}

TEST(Triangulate, DegenerateInputGivesNoTriangles) {
  EXPECT_TRUE(faro::triangulate(Polygon{}).empty());
  EXPECT_TRUE(faro::triangulate(Polygon{{{0, 0}, {1, 1}}, {}}).empty());
  EXPECT_TRUE(faro::triangulate(Polygon{{{0, 0}, {1, 1}, {2, 2}, {3, 3}}, {}}).empty());
}

TEST(Triangulate, InvalidInputTerminatesWithIndicesInRange) {
  // Self-intersecting, repeated and collinear vertices, holes outside or equal to the outer ring:
  // invalid per OGC (the loader repairs such shapes), but triangulation must still return.
  std::vector<Polygon> bad = {
      Polygon{{{0, 0}, {10, 10}, {10, 0}, {0, 10}}, {}},  // bow tie
      Polygon{{{0, 0}, {5, 0}, {5, 0}, {10, 0}, {10, 10}, {0, 0}, {0, 10}}, {}},
      Polygon{square(0, 0, 10), {square(20, 20, 5)}},         // hole outside
      Polygon{square(0, 0, 10), {square(0, 0, 10)}},          // hole = outer
      Polygon{{{0, 0}, {1, 0}, {2, 0}, {2, 0}, {1, 0}}, {}},  // zero area
  };
  uint32_t state = 12345;  // a fixed LCG: reproducible random star polygons with crossings
  auto next = [&] { return (state = state * 1664525u + 1013904223u) / 4294967296.0; };
  for (int k = 0; k < 200; ++k) {
    Ring r;
    const int n = 3 + static_cast<int>(next() * 120);
    for (int i = 0; i < n; ++i) r.push_back({std::round(next() * 50), std::round(next() * 50)});
    bad.push_back(Polygon{r, {}});
  }
  for (const Polygon& p : bad) {
    const std::vector<uint32_t> idx = faro::triangulate(p);
    EXPECT_EQ(idx.size() % 3, 0u);
    for (uint32_t i : idx) ASSERT_LT(i, faro::flatten(p).size());
  }
}

TEST(Triangulate, MultiPolygonMeshOffsetsIndices) {
  const faro::MultiPolygon mp{Polygon{square(0, 0, 1), {}},
                              Polygon{square(5, 5, 2), {square(5.5, 5.5, 1)}}};
  const faro::TriangleMesh mesh = faro::triangulate(mp);
  EXPECT_EQ(mesh.vertices.size(), 12u);
  EXPECT_NEAR(faro::triangles_area(mesh.vertices, mesh.indices), faro::area(mp), 1e-12);
  for (uint32_t i : mesh.indices) EXPECT_LT(i, mesh.vertices.size());
  // The second part's triangles use only its own vertices (4..11).
  bool second_part_seen = false;
  for (size_t t = 0; t < mesh.indices.size(); t += 3) {
    const bool first = mesh.indices[t] < 4;
    EXPECT_EQ(mesh.indices[t + 1] < 4, first);
    EXPECT_EQ(mesh.indices[t + 2] < 4, first);
    second_part_seen |= !first;
  }
  EXPECT_TRUE(second_part_seen);
}

}  // namespace
