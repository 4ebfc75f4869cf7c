// Knox near-repeat test: observed counts against brute force, the permutation mean against the
// exact expectation (pairs in a distance band x the share of time pairs in the time band), a
// synthetic near-repeat pattern (ratio >> 1 at small bands) and random data (ratio ~ 1).
#include <gtest/gtest.h>

#include <cmath>

#include "core/civil_time.hpp"
#include "core/errors.hpp"
#include "core/knox.hpp"
#include "core/random.hpp"

namespace faro {
namespace {

struct Events {
  std::vector<double> x, y;
  std::vector<int64_t> t;
  void add(double px, double py, int64_t day, int64_t second = 0) {
    x.push_back(px);
    y.push_back(py);
    t.push_back(day * kSecondsPerDay + second);
  }
};

Events random_events(size_t n, uint64_t seed) {
  Events e;
  Random rng(seed);
  for (size_t i = 0; i < n; ++i)
    e.add(rng.uniform(0, 6000), rng.uniform(0, 6000), 18000 + static_cast<int64_t>(rng.below(730)),
          static_cast<int64_t>(rng.below(86400)));
  return e;
}

int band(double v, const std::vector<double>& edges) {
  for (size_t k = 0; k < edges.size(); ++k)
    if (v <= edges[k]) return static_cast<int>(k);
  return -1;
}

TEST(Knox, ObservedAndExpectedMatchDirectComputation) {
  const Events e = random_events(1500, 1);
  KnoxOptions o;
  o.permutations = 400;
  const KnoxResult r = knox_test(e.x, e.y, e.t, o);
  ASSERT_EQ(r.distance_bands, 3u);
  ASSERT_EQ(r.time_bands, 4u);
  const std::vector<double> dedges{100, 200, 400}, tedges{7, 14, 30};
  std::vector<int64_t> obs(12, 0), pairs_in_band(3, 0), time_pairs(4, 0);
  const size_t n = e.x.size();
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j) {
      const double d = std::hypot(e.x[i] - e.x[j], e.y[i] - e.y[j]);
      const int64_t gap = std::llabs(days_of(e.t[i]) - days_of(e.t[j]));
      int tb = band(static_cast<double>(gap), tedges);
      if (tb < 0) tb = 3;
      ++time_pairs[tb];
      const int db = band(d, dedges);
      if (db < 0) continue;
      ++obs[db * 4 + tb];
      ++pairs_in_band[db];
    }
  const double all_pairs = n * (n - 1) / 2.0;
  for (int d = 0; d < 3; ++d)
    for (int t = 0; t < 4; ++t) {
      EXPECT_EQ(r.at(d, t).observed, obs[d * 4 + t]) << d << "," << t;
      const double exact = pairs_in_band[d] * (time_pairs[t] / all_pairs);
      // Monte Carlo mean of 400 permutations: sd of the mean ~ sqrt(exact / 400).
      EXPECT_NEAR(r.at(d, t).expected, exact, 4 * std::sqrt(exact / 400) + 0.05) << d << "," << t;
    }
}

TEST(Knox, NearRepeatPatternRaisesTheSmallBandsOnly) {
  Events e = random_events(2000, 2);
  Random rng(9);
  // Half the events get a repeat within 60 m and 0-5 days.
  for (size_t i = 0; i < 1000; ++i) {
    const double a = rng.uniform(0, 6.283185307179586), d = rng.uniform(0, 60);
    e.add(e.x[i] + d * std::cos(a), e.y[i] + d * std::sin(a),
          days_of(e.t[i]) + static_cast<int64_t>(rng.below(6)));
  }
  KnoxOptions o;
  o.permutations = 199;
  o.seed = 77;
  const KnoxResult r = knox_test(e.x, e.y, e.t, o);
  EXPECT_GT(r.at(0, 0).ratio, 5.0);
  EXPECT_LE(r.at(0, 0).p, 0.01);
  // Far bands stay near chance.
  EXPECT_NEAR(r.at(2, 2).ratio, 1.0, 0.25);
  EXPECT_NEAR(r.at(2, 3).ratio, 1.0, 0.05);
}

TEST(Knox, RandomDataHasRatiosNearOne) {
  const Events e = random_events(4000, 3);
  KnoxOptions o;
  o.permutations = 199;
  const KnoxResult r = knox_test(e.x, e.y, e.t, o);
  int small_p = 0;
  for (const KnoxCell& c : r.cells) {
    if (c.expected > 50) {
      EXPECT_NEAR(c.ratio, 1.0, 0.3) << c.observed << " vs " << c.expected;
    }
    small_p += c.p <= 0.01;
  }
  EXPECT_LE(small_p, 1);
  // Reproducible for a seed, whatever the thread count.
  KnoxOptions one = o;
  one.threads = 1;
  const KnoxResult r1 = knox_test(e.x, e.y, e.t, one);
  for (size_t c = 0; c < r.cells.size(); ++c) EXPECT_EQ(r1.cells[c].expected, r.cells[c].expected);
}

TEST(Knox, BadBandsAreUsageErrorsAndTinyInputsWork) {
  KnoxOptions o;
  o.distance_edges_m = {200, 100};
  const std::vector<double> x{0}, y{0};
  const std::vector<int64_t> t{0};
  EXPECT_THROW(knox_test(x, y, t, o), UsageError);
  o.distance_edges_m = {100};
  o.time_edges_days = {};
  EXPECT_THROW(knox_test(x, y, t, o), UsageError);
  o.time_edges_days = {7};
  o.permutations = 9;
  const KnoxResult r = knox_test(x, y, t, o);
  EXPECT_EQ(r.close_pairs, 0u);
  EXPECT_EQ(r.at(0, 0).observed, 0);
  EXPECT_TRUE(std::isnan(r.at(0, 0).ratio));
}

}  // namespace
}  // namespace faro
