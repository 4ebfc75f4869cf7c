// Building blocks of the demo city: the deterministic PRNG and its draws, sector names, and the
// Voronoi/clipping helpers.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "core/demo_geometry.hpp"
#include "core/demo_names.hpp"
#include "core/random.hpp"

namespace faro {
namespace {

TEST(DemoRandom, SameSeedSameSequenceAndSaneDraws) {
  Random a(7), b(7), c(8);
  for (int i = 0; i < 100; ++i) {
    const uint64_t va = a.next();
    EXPECT_EQ(va, b.next());
    EXPECT_NE(va, c.next());
  }
  // Moments of 200,000 draws; tolerances are about 5 standard errors.
  Random r(1);
  const int n = 200000;
  double su = 0, sn = 0, sn2 = 0;
  for (int i = 0; i < n; ++i) {
    const double u = r.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    su += u;
    const double z = r.normal();
    sn += z;
    sn2 += z * z;
  }
  EXPECT_NEAR(su / n, 0.5, 5 * std::sqrt(1.0 / 12 / n));
  EXPECT_NEAR(sn / n, 0.0, 5 / std::sqrt(n));
  EXPECT_NEAR(sn2 / n, 1.0, 5 * std::sqrt(2.0 / n));
  for (double lambda : {0.5, 4.0, 29.0, 30.0, 250.0, 12000.0}) {
    const int draws = 20000;
    double s = 0, s2 = 0;
    for (int i = 0; i < draws; ++i) {
      const double k = static_cast<double>(r.poisson(lambda));
      s += k;
      s2 += k * k;
    }
    const double mean = s / draws, var = s2 / draws - mean * mean;
    EXPECT_NEAR(mean, lambda, 5 * std::sqrt(lambda / draws)) << "lambda " << lambda;
    EXPECT_NEAR(var / lambda, 1.0, 0.06) << "lambda " << lambda;  // sd of var/lambda ~ 0.01
  }
}

TEST(DemoNames, UniqueEvenPastTheBuiltInList) {
  Random rng(3);
  const std::vector<std::string> names = demo::pick_sector_names(300, rng);
  EXPECT_EQ(std::set<std::string>(names.begin(), names.end()).size(), names.size());
  EXPECT_EQ(demo::district_names().size(), 5u);
}

TEST(DemoGeometry, VoronoiCellsOfAGridTileASquare) {
  const Ring square = {{0, 0}, {100, 0}, {100, 100}, {0, 100}};
  std::vector<Vec2> seeds;
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) seeds.push_back({12.5 + 25 * i, 12.5 + 25 * j});
  std::vector<Ring> cells;
  for (size_t i = 0; i < seeds.size(); ++i) cells.push_back(demo::voronoi_cell(square, seeds, i));
  demo::snap_vertices(cells, 0.05, 0.01);
  for (const Ring& c : cells) EXPECT_NEAR(std::abs(signed_area(c)), 625.0, 1e-6);
  EXPECT_TRUE(demo::share_edge(cells[0], cells[1]));   // (12.5,12.5) and (12.5,37.5)
  EXPECT_FALSE(demo::share_edge(cells[0], cells[5]));  // diagonal neighbours touch at a point
  const Ring hull = demo::convex_hull({{0, 0}, {2, 0}, {1, 1}, {2, 2}, {0, 2}, {1, 0}});
  EXPECT_EQ(hull.size(), 4u);
  EXPECT_GT(signed_area(hull), 0);  // counter-clockwise
}

}  // namespace
}  // namespace faro
