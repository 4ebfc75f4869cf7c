// Spatial weights: queen contiguity of polygons (shared vertices, T-junctions, small gaps),
// distance bands against brute force, centroids, and square/hexagon grids (point -> cell against
// the brute-force nearest centre, adjacency against centre distances).
#include <gtest/gtest.h>

#include <cmath>

#include "core/errors.hpp"
#include "core/hex_grid.hpp"
#include "core/random.hpp"
#include "core/spatial_weights.hpp"

namespace faro {
namespace {

MultiPolygon rect(double x0, double y0, double x1, double y1) {
  return {Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, {}}};
}

std::vector<const MultiPolygon*> pointers(const std::vector<MultiPolygon>& shapes) {
  std::vector<const MultiPolygon*> out;
  for (const auto& s : shapes) out.push_back(&s);
  return out;
}

TEST(SpatialWeights, QueenOnALatticeMatchesGridAdjacency) {
  std::vector<MultiPolygon> cells;
  for (int r = 0; r < 5; ++r)
    for (int c = 0; c < 5; ++c)
      cells.push_back(rect(c * 100.0, r * 100.0, c * 100.0 + 100, r * 100.0 + 100));
  const SpatialWeights q = queen_contiguity(pointers(cells), 0.5);
  ASSERT_EQ(q.size(), 25u);
  EXPECT_EQ(q.count(0), 3u);   // corner
  EXPECT_EQ(q.count(2), 5u);   // edge
  EXPECT_EQ(q.count(12), 8u);  // interior
  EXPECT_EQ(q.islands(), 0u);
  const CellGrid grid(CellShape::square, 100, {0, 0, 500, 500});
  ASSERT_EQ(grid.size(), 25u);
  std::vector<uint32_t> all(25);
  for (uint32_t i = 0; i < 25; ++i) all[i] = i;
  const SpatialWeights g = grid.weights(all);
  EXPECT_EQ(q.offsets, g.offsets);
  EXPECT_EQ(q.neighbours, g.neighbours);
}

TEST(SpatialWeights, QueenJoinsTJunctionsAndSmallGapsWithinTolerance) {
  std::vector<MultiPolygon> shapes = {
      rect(0, 0, 200, 100),         // 0
      rect(50, 100, 150, 200),      // 1: sits on 0's top edge, no shared vertex (T-junctions)
      rect(200.5, 0, 300, 100),     // 2: 0.5 m gap to 0
      rect(1000, 1000, 1100, 1100)  // 3: far away
  };
  const SpatialWeights w = queen_contiguity(pointers(shapes), 1.0);
  EXPECT_TRUE(w.has(0, 1));
  EXPECT_TRUE(w.has(1, 0));
  EXPECT_TRUE(w.has(0, 2));
  EXPECT_FALSE(w.has(1, 2));
  EXPECT_EQ(w.count(3), 0u);
  EXPECT_EQ(w.islands(), 1u);
  const SpatialWeights tight = queen_contiguity(pointers(shapes), 0.1);
  EXPECT_TRUE(tight.has(0, 1));
  EXPECT_FALSE(tight.has(0, 2));
}

TEST(SpatialWeights, DistanceBandMatchesBruteForce) {
  Random rng(7);
  std::vector<Vec2> pts(600);
  for (auto& p : pts) p = {rng.uniform(0, 5000), rng.uniform(0, 3000)};
  pts.push_back(pts[0]);  // a duplicate location is a neighbour at distance 0
  const double d = 310;
  const SpatialWeights w = distance_band(pts, d);
  size_t total = 0;
  for (size_t i = 0; i < pts.size(); ++i)
    for (size_t j = 0; j < pts.size(); ++j) {
      if (i == j) continue;
      const bool near = std::hypot(pts[i].x - pts[j].x, pts[i].y - pts[j].y) <= d;
      ASSERT_EQ(w.has(i, static_cast<uint32_t>(j)), near) << i << "," << j;
      total += near;
    }
  EXPECT_EQ(w.neighbours.size(), total);
  EXPECT_TRUE(w.has(0, static_cast<uint32_t>(pts.size() - 1)));
}

TEST(SpatialWeights, CentroidSubtractsHoles) {
  MultiPolygon shape = rect(0, 0, 100, 100);
  shape[0].holes.push_back({{50, 0}, {100, 0}, {100, 100}, {50, 100}});  // right half removed
  const Vec2 c = centroid(shape);
  EXPECT_NEAR(c.x, 25, 1e-9);
  EXPECT_NEAR(c.y, 50, 1e-9);
  shape.push_back(rect(200, 0, 250, 100)[0]);  // second part, same area
  EXPECT_NEAR(centroid(shape).x, 125, 1e-9);
}

TEST(CellGrid, HexagonPointAssignmentIsTheNearestCentre) {
  const CellGrid grid(CellShape::hexagon, 250, {1000, 2000, 4000, 4500});
  Random rng(11);
  for (int k = 0; k < 20000; ++k) {
    const double x = rng.uniform(1000, 4000), y = rng.uniform(2000, 4500);
    const auto cell = grid.cell_of(x, y);
    ASSERT_TRUE(cell) << x << "," << y;  // every point of the extent is covered
    double best = 1e300;
    for (uint32_t c = 0; c < grid.size(); ++c) {
      const Vec2 m = grid.center(c);
      best = std::min(best, std::hypot(m.x - x, m.y - y));
    }
    const Vec2 m = grid.center(*cell);
    ASSERT_NEAR(std::hypot(m.x - x, m.y - y), best, 1e-6);
    ASSERT_LE(best, 250 / std::sqrt(3.0) + 1e-9);  // within the circumradius
  }
  EXPECT_FALSE(grid.cell_of(-1e6, 0));
}

TEST(CellGrid, HexagonAdjacencyIsTheSixCentresOneCellAway) {
  const CellGrid grid(CellShape::hexagon, 100, {0, 0, 1000, 1000});
  for (uint32_t c = 0; c < grid.size(); ++c) {
    const auto adj = grid.adjacent(c);
    const Vec2 m = grid.center(c);
    size_t expected = 0;
    for (uint32_t o = 0; o < grid.size(); ++o) {
      if (o == c) continue;
      const Vec2 q = grid.center(o);
      if (std::abs(std::hypot(q.x - m.x, q.y - m.y) - 100) < 1e-6) {
        ++expected;
        ASSERT_TRUE(std::binary_search(adj.begin(), adj.end(), o)) << c << "->" << o;
      }
    }
    ASSERT_EQ(adj.size(), expected);
    ASSERT_EQ(grid.cell_of(m.x, m.y), c);
  }
  const uint32_t interior = 5 * grid.cols() + 5;
  EXPECT_EQ(grid.adjacent(interior).size(), 6u);
  EXPECT_NEAR(std::abs(signed_area(grid.polygon(interior).outer)), grid.cell_area(), 1e-6);
  EXPECT_NEAR(grid.cell_area(), std::sqrt(3.0) / 2 * 100 * 100, 1e-9);
}

TEST(CellGrid, SquareCellsAndBounds) {
  const CellGrid grid(CellShape::square, 500, {0, 0, 1200, 1000});
  EXPECT_EQ(grid.cols(), 3);
  EXPECT_EQ(grid.rows(), 2);
  EXPECT_EQ(grid.cell_of(0, 0), 0u);
  EXPECT_EQ(grid.cell_of(499.9, 0), 0u);
  EXPECT_EQ(grid.cell_of(500, 0), 1u);
  EXPECT_EQ(grid.cell_of(1200, 1000), 5u);  // the far corner belongs to the last cell
  EXPECT_FALSE(grid.cell_of(-0.1, 10));
  EXPECT_FALSE(grid.cell_of(10, 1000.1 + 500));
  const std::vector<double> xs{10, 700, -5, 1100}, ys{10, 600, 5, 900};
  EXPECT_EQ(grid.assign(xs, ys), (std::vector<int32_t>{0, 4, -1, 5}));
  EXPECT_THROW(CellGrid(CellShape::square, 0, {0, 0, 1, 1}), UsageError);
  EXPECT_THROW(CellGrid(CellShape::square, 1, {0, 0, 1e6, 1e6}, 1000), UsageError);
}

}  // namespace
}  // namespace faro
