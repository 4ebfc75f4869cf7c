// Emerging hot spot patterns on constructed state series (ArcGIS Pro definitions, see
// core/emerging_hotspots.hpp), and the space-time Gi* cube against a direct sum.
#include <gtest/gtest.h>

#include <cmath>

#include "core/emerging_hotspots.hpp"
#include "core/gi_star.hpp"

namespace faro {
namespace {

using P = EmergingPattern;

MannKendall trend(double z, double p) {
  MannKendall m;
  m.z = z;
  m.p = p;
  return m;
}
const MannKendall kFlat = trend(0.2, 0.8), kUp = trend(3.0, 0.003), kDown = trend(-3.0, 0.003);

P classify(std::vector<int8_t> s, const MannKendall& mk = kFlat) {
  return classify_emerging(s, mk, 0.05);
}

TEST(EmergingPatterns, HotPatterns) {
  EXPECT_EQ(classify({0, 0, 0, 0, 0, 0, 0, 0, 0, 1}), P::new_hot);
  EXPECT_EQ(classify({0, 0, 0, 0, 0, 0, 0, 1, 1, 1}), P::consecutive_hot);
  EXPECT_EQ(classify({1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, kUp), P::intensifying_hot);
  EXPECT_EQ(classify({1, 1, 1, 1, 0, 1, 1, 1, 1, 1}, kFlat), P::persistent_hot);  // 90 %
  EXPECT_EQ(classify({1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, kDown), P::diminishing_hot);
  EXPECT_EQ(classify({0, 1, 0, 0, 1, 0, 0, 0, 1, 1}), P::sporadic_hot);  // earlier hot, no cold
  EXPECT_EQ(classify({0, -1, 0, 0, 0, 0, 0, 0, 0, 1}), P::oscillating_hot);
  EXPECT_EQ(classify({-1, 1, 1, 1, 1, 1, 1, 1, 0, 1}), P::oscillating_hot);  // 80 % hot
  EXPECT_EQ(classify({1, 1, 1, 1, 1, 1, 1, 1, 1, 0}), P::historical_hot);
  EXPECT_EQ(classify({1, 1, 1, 1, 1, 1, 1, 1, 1, -1}), P::oscillating_cold);  // ends cold
}

TEST(EmergingPatterns, ColdPatternsMirrorHot) {
  EXPECT_EQ(classify({0, 0, 0, 0, 0, 0, 0, 0, 0, -1}), P::new_cold);
  EXPECT_EQ(classify({0, 0, 0, 0, 0, 0, 0, 0, -1, -1}), P::consecutive_cold);
  EXPECT_EQ(classify(std::vector<int8_t>(10, -1), kDown), P::intensifying_cold);
  EXPECT_EQ(classify(std::vector<int8_t>(10, -1), kFlat), P::persistent_cold);
  EXPECT_EQ(classify(std::vector<int8_t>(10, -1), kUp), P::diminishing_cold);
  EXPECT_EQ(classify({-1, 0, 0, -1, 0, 0, 0, 0, 0, -1}), P::sporadic_cold);
  EXPECT_EQ(classify({0, 0, 1, 0, 0, 0, 0, 0, 0, -1}), P::oscillating_cold);
  EXPECT_EQ(classify({-1, -1, -1, -1, -1, -1, -1, -1, -1, 0}), P::historical_cold);
}

TEST(EmergingPatterns, NoPattern) {
  EXPECT_EQ(classify(std::vector<int8_t>(10, 0)), P::none);
  EXPECT_EQ(classify({0, 1, 1, 0, 0, 0, 0, 0, 0, 0}), P::none);  // hot once, not at the end
  // A trend alone (no significant bins) is no pattern either.
  EXPECT_EQ(classify(std::vector<int8_t>(10, 0), kUp), P::none);
  // A run of two at the end after an earlier hot bin is sporadic, not consecutive.
  EXPECT_EQ(classify({1, 0, 0, 0, 0, 0, 0, 0, 1, 1}), P::sporadic_hot);
  // Trend significance threshold: p = 0.06 is no trend at 0.05.
  EXPECT_EQ(classify(std::vector<int8_t>(10, 1), trend(1.9, 0.06)), P::persistent_hot);
  EXPECT_STREQ(to_string(P::oscillating_cold), "Oscillating Cold Spot");
  EXPECT_STREQ(to_string(P::none), "No Pattern Detected");
}

TEST(SpaceTimeGiStar, MatchesDirectSumOverTheSpaceTimeNeighbourhood) {
  // 4 locations on a line (0-1-2-3), 5 bins; time step 1 = current + previous bin.
  const SpatialWeights w = weights_from_pairs(4, {{0, 1}, {1, 2}, {2, 3}});
  const std::vector<double> c = {1, 0, 2, 1, 3,  //
                                 0, 4, 1, 5, 6,  //
                                 2, 2, 0, 7, 8,  //
                                 1, 0, 0, 1, 0};
  const SpaceTimeGiStar cube = space_time_gi_star(c, 4, 5, w, 1, false);
  const double n = 20;
  double mean = 0, ss = 0;
  for (double v : c) mean += v / n;
  for (double v : c) ss += (v - mean) * (v - mean);
  const double sd = std::sqrt(ss / n);
  // Location 2, bin 3: neighbours {1, 2, 3} x bins {2, 3}.
  const double lag =
      c[1 * 5 + 2] + c[1 * 5 + 3] + c[2 * 5 + 2] + c[2 * 5 + 3] + c[3 * 5 + 2] + c[3 * 5 + 3];
  const double wsum = 6;
  const double z = (lag - mean * wsum) / (sd * std::sqrt((n * wsum - wsum * wsum) / (n - 1)));
  EXPECT_NEAR(cube.at_z(2, 3), z, 1e-12);
  // Location 0, bin 0: neighbours {0, 1}, only bin 0 exists.
  const double lag0 = c[0] + c[5];
  const double z0 = (lag0 - mean * 2) / (sd * std::sqrt((n * 2 - 4) / (n - 1)));
  EXPECT_NEAR(cube.at_z(0, 0), z0, 1e-12);
  EXPECT_NEAR(cube.p[0], two_sided_normal_p(z0), 1e-15);
}

TEST(EmergingHotspots, GrowingClusterIsIntensifyingOrNew) {
  // 6x6 lattice of locations (rook), 12 bins. Corner block (0,1,6,7) grows steadily; one far cell
  // lights up only in the last bin; the rest is a constant background of 1.
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  for (uint32_t r = 0; r < 6; ++r)
    for (uint32_t col = 0; col < 6; ++col) {
      if (col + 1 < 6) pairs.emplace_back(r * 6 + col, r * 6 + col + 1);
      if (r + 1 < 6) pairs.emplace_back(r * 6 + col, (r + 1) * 6 + col);
    }
  const SpatialWeights w = weights_from_pairs(36, pairs);
  const size_t bins = 12;
  std::vector<double> c(36 * bins, 1.0);
  for (uint32_t u : {0u, 1u, 6u, 7u})
    for (size_t t = 0; t < bins; ++t) c[u * bins + t] = 20.0 + 3.0 * t;
  for (uint32_t u : {28u, 29u, 34u, 35u}) c[u * bins + bins - 1] = 80;
  const EmergingResult r = emerging_hotspots(c, 36, bins, w);
  EXPECT_EQ(r.pattern[0], P::intensifying_hot) << to_string(r.pattern[0]);
  EXPECT_EQ(r.pattern[35], P::new_hot)
      << to_string(r.pattern[35]) << " z " << r.cube.at_z(35, bins - 1) << " p "
      << r.cube.p_fdr[35 * bins + bins - 1];
  EXPECT_EQ(r.pattern[20], P::none) << to_string(r.pattern[20]);
  EXPECT_GT(r.trend[0].z, 0);
}

}  // namespace
}  // namespace faro
