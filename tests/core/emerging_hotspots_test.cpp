// Emerging hot spot patterns on constructed state series (ArcGIS Pro definitions, see
// core/emerging_hotspots.hpp), and the space-time Gi* cube against a direct sum.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>

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

// A 6x6 rook lattice.
SpatialWeights lattice6() {
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  for (uint32_t r = 0; r < 6; ++r)
    for (uint32_t col = 0; col < 6; ++col) {
      if (col + 1 < 6) pairs.emplace_back(r * 6 + col, r * 6 + col + 1);
      if (r + 1 < 6) pairs.emplace_back(r * 6 + col, (r + 1) * 6 + col);
    }
  return weights_from_pairs(36, pairs);
}

// Deterministic noise in [-0.3, 0.3] so that no series is exactly flat or exactly monotone.
double jitter(size_t u, size_t t) {
  uint32_t h = static_cast<uint32_t>(u * 2654435761u) ^ static_cast<uint32_t>(t * 40503u + 17u);
  h ^= h >> 13;
  h *= 0x5bd1e995u;
  h ^= h >> 15;
  return (static_cast<double>(h % 601) - 300.0) / 1000.0;
}

TEST(EmergingHotspots, DetrendingRescalesEveryBinToTheMeanTotal) {
  // 2 units, 3 bins: totals 4, 8, 0 (mean 4).
  const std::vector<double> c = {1, 6, 0,  //
                                 3, 2, 0};
  const std::vector<double> d = detrend_by_area_total(c, 2, 3);
  EXPECT_DOUBLE_EQ(d[0], 1.0);  // bin 0 already at the mean
  EXPECT_DOUBLE_EQ(d[3], 3.0);
  EXPECT_DOUBLE_EQ(d[1], 3.0);  // 6 x 4 / 8
  EXPECT_DOUBLE_EQ(d[4], 1.0);  // 2 x 4 / 8
  EXPECT_DOUBLE_EQ(d[2], 0.0);  // an empty bin stays empty
  EXPECT_DOUBLE_EQ(d[5], 0.0);
  EXPECT_THROW(detrend_by_area_total(c, 2, 2), std::invalid_argument);
}

// A 6x6 cube of 24 bins in which the whole city halves (factor 2 -> 1): the background units
// have 2 x factor; `block` gives the units of the hot blocks, NaN = background.
std::vector<double> halving_city(const std::function<double(size_t u, double t01)>& block) {
  const size_t bins = 24;
  std::vector<double> c(36 * bins);
  for (size_t u = 0; u < 36; ++u)
    for (size_t t = 0; t < bins; ++t) {
      const double t01 = static_cast<double>(t) / (bins - 1);
      const double b = block(u, t01);
      c[u * bins + t] = (std::isnan(b) ? 2.0 * (2.0 - t01) : b) + jitter(u, t);
    }
  return c;
}

// Block A (0, 1, 6, 7) follows the city: 30 x factor. Its raw z-scores fall with the city, so
// the raw trend calls it diminishing; against the city it only follows it: persistent.
TEST(EmergingHotspots, AUnitFollowingTheCityDeclineIsNotDiminishingAgainstTheCity) {
  const std::vector<double> c = halving_city([](size_t u, double t01) {
    const bool a = u == 0 || u == 1 || u == 6 || u == 7;
    return a ? 30.0 * (2.0 - t01) : std::nan("");
  });
  EmergingOptions raw;
  raw.detrend = false;
  const EmergingResult before = emerging_hotspots(c, 36, 24, lattice6(), raw);
  const EmergingResult after = emerging_hotspots(c, 36, 24, lattice6());
  EXPECT_FALSE(before.detrended);
  EXPECT_TRUE(after.detrended);
  for (size_t u : {0u, 1u}) {
    SCOPED_TRACE(u);
    EXPECT_EQ(before.pattern[u], P::diminishing_hot) << to_string(before.pattern[u]);
    EXPECT_LT(before.trend[u].z, -3);
    EXPECT_EQ(after.pattern[u], P::persistent_hot)
        << to_string(after.pattern[u]) << " trend z " << after.trend[u].z;
    EXPECT_GT(after.trend[u].p, 0.05);
  }
  // The bins' hot/cold states are the raw cube's either way.
  EXPECT_EQ(before.cube.z, after.cube.z);
}

// Block B (28, 29, 34, 35) holds steady at 30 and block C (4, 5, 10, 11) rises from 25 to 35
// while the city halves. Raw, the corner of B (35, all its neighbours in B) has no trend
// (persistent) and 29, one of whose neighbours is background, is even "diminishing": the city's
// decline next door is enough. Against the city both blocks gain: intensifying.
TEST(EmergingHotspots, AUnitRisingAgainstAFallingCityIsIntensifying) {
  const std::vector<double> c = halving_city([](size_t u, double t01) {
    if (u == 28 || u == 29 || u == 34 || u == 35) return 30.0;
    if (u == 4 || u == 5 || u == 10 || u == 11) return 25.0 + 10.0 * t01;
    return std::nan("");
  });
  EmergingOptions raw;
  raw.detrend = false;
  const EmergingResult before = emerging_hotspots(c, 36, 24, lattice6(), raw);
  const EmergingResult after = emerging_hotspots(c, 36, 24, lattice6());
  EXPECT_EQ(before.pattern[35], P::persistent_hot) << to_string(before.pattern[35]);
  EXPECT_EQ(before.pattern[29], P::diminishing_hot) << to_string(before.pattern[29]);
  for (size_t u : {29u, 35u}) {
    SCOPED_TRACE(u);
    EXPECT_GT(after.trend[u].z, 3);
    EXPECT_EQ(after.pattern[u], P::intensifying_hot)
        << to_string(after.pattern[u]) << " trend z " << after.trend[u].z;
  }
  for (size_t u : {5u, 11u}) {
    SCOPED_TRACE(u);
    EXPECT_EQ(after.pattern[u], P::intensifying_hot)
        << to_string(after.pattern[u]) << " trend z " << after.trend[u].z;
  }
}

}  // namespace
}  // namespace faro
