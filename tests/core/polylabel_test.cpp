// Pole of inaccessibility (label anchor inside a polygon): exact for symmetric shapes, always
// inside for concave shapes, never inside a hole, and degenerate input handled without hanging.
#include "core/polylabel.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace {

using faro::MultiPolygon;
using faro::Polygon;
using faro::Ring;
using faro::Vec2;

Ring square(double x0, double y0, double size) {
  return {{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}};
}

TEST(Polylabel, SquareGivesItsCentreAndHalfItsSide) {
  const Polygon p{square(486000, 2147000, 1000), {}};
  const auto pole = faro::polylabel(p, 0.5);
  EXPECT_NEAR(pole.point.x, 486500, 1.0);
  EXPECT_NEAR(pole.point.y, 2147500, 1.0);
  EXPECT_NEAR(pole.distance, 500, 1.0);
}

TEST(Polylabel, ClockwiseRingGivesTheSameAnswer) {
  Ring r = square(0, 0, 100);
  std::reverse(r.begin(), r.end());
  const auto pole = faro::polylabel(Polygon{r, {}}, 0.1);
  EXPECT_NEAR(pole.point.x, 50, 0.5);
  EXPECT_NEAR(pole.point.y, 50, 0.5);
}

TEST(Polylabel, CShapeGetsAPointInsideTheLetterNotInItsMouth) {
  // A "C" 300 x 300 m with bars 100 m thick; its centroid (~ (120, 150)) lies in the mouth.
  const Polygon c{
      {{0, 0}, {300, 0}, {300, 100}, {100, 100}, {100, 200}, {300, 200}, {300, 300}, {0, 300}}, {}};
  const auto pole = faro::polylabel(c, 0.5);
  EXPECT_GT(faro::signed_distance_to_polygon(pole.point, c), 0);
  // The most room is in an outer corner square, on its diagonal at (a, a) where the distance to
  // the outer edges (a) equals that to the inner corner (sqrt(2) (100 - a)): a = 58.58 m.
  EXPECT_NEAR(pole.distance, 100 * std::sqrt(2.0) / (1 + std::sqrt(2.0)), 1.0);
  const bool in_mouth = pole.point.x > 100 && pole.point.y > 100 && pole.point.y < 200;
  EXPECT_FALSE(in_mouth) << pole.point.x << ", " << pole.point.y;
}

TEST(Polylabel, PolygonWithCentralHoleAvoidsTheHole) {
  // 1000 m square with a 600 m hole in the middle: the ring around it is 200 m wide.
  const Polygon p{square(0, 0, 1000), {square(200, 200, 600)}};
  const auto pole = faro::polylabel(p, 0.5);
  const bool in_hole =
      pole.point.x > 200 && pole.point.x < 800 && pole.point.y > 200 && pole.point.y < 800;
  EXPECT_FALSE(in_hole) << pole.point.x << ", " << pole.point.y;
  EXPECT_GT(faro::signed_distance_to_polygon(pole.point, p), 0);
  // In a corner of the 200 m wide ring, as for the C: 200 sqrt(2) / (1 + sqrt(2)) = 117.2 m.
  EXPECT_NEAR(pole.distance, 200 * std::sqrt(2.0) / (1 + std::sqrt(2.0)), 1.0);
}

TEST(Polylabel, SignedDistanceIsNegativeOutsideAndInHoles) {
  const Polygon p{square(0, 0, 1000), {square(200, 200, 600)}};
  EXPECT_NEAR(faro::signed_distance_to_polygon({100, 500}, p), 100, 1e-9);
  EXPECT_NEAR(faro::signed_distance_to_polygon({500, 500}, p), -300, 1e-9);  // centre of hole
  EXPECT_NEAR(faro::signed_distance_to_polygon({-50, 500}, p), -50, 1e-9);
}

TEST(Polylabel, MultiPolygonPicksThePartWithMostRoom) {
  const MultiPolygon mp{Polygon{square(0, 0, 100), {}}, Polygon{square(5000, 0, 800), {}}};
  const auto pole = faro::polylabel(mp, 0.5);
  EXPECT_NEAR(pole.point.x, 5400, 1.0);
  EXPECT_NEAR(pole.point.y, 400, 1.0);
  EXPECT_NEAR(pole.distance, 400, 1.0);
}

TEST(Polylabel, DegenerateInputReturnsBoxCentreWithZeroDistance) {
  const auto line = faro::polylabel(Polygon{{{0, 0}, {10, 10}}, {}});
  EXPECT_EQ(line.distance, 0);
  EXPECT_NEAR(line.point.x, 5, 1e-9);
  const auto flat = faro::polylabel(Polygon{{{0, 0}, {10, 0}, {20, 0}}, {}});
  EXPECT_EQ(flat.distance, 0);
  EXPECT_EQ(faro::polylabel(Polygon{}).distance, 0);
  EXPECT_EQ(faro::polylabel(MultiPolygon{}).distance, 0);
}

TEST(Polylabel, ThinSliverFinishesInsideIt) {
  // 10 km x 2 m: the initial grid is capped, the answer still lies on the sliver's midline.
  const Polygon sliver{{{0, 0}, {10000, 0}, {10000, 2}, {0, 2}}, {}};
  const auto pole = faro::polylabel(sliver, 0.01);
  EXPECT_NEAR(pole.point.y, 1, 0.05);
  EXPECT_NEAR(pole.distance, 1, 0.05);
}

}  // namespace
