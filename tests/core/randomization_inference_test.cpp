// Randomization inference for the DiD: the p-value equals a brute-force enumeration that recomputes
// every placebo DiD with did_estimate; seeded draws equal the same procedure replayed by hand and
// repeat for a seed; the exact/draws switch and the "too few sets" reason.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "core/program_evaluation_detail.hpp"
#include "core/random.hpp"

namespace faro {
namespace {

using eval_detail::DailyCounts;

constexpr int64_t kRolloutDay = 18262;  // 2020-01-01
constexpr int kWeeks = 8;

DailyCounts make_daily(size_t sectors, int64_t first_day, int64_t days,
                       const std::function<double(size_t, int64_t)>& count) {
  DailyCounts d;
  d.first_day = first_day;
  d.end_day = first_day + days;
  d.sectors = sectors;
  d.prefix.assign(sectors * (days + 1), 0.0);
  for (size_t s = 0; s < sectors; ++s)
    for (int64_t i = 0; i < days; ++i)
      d.prefix[s * (days + 1) + i + 1] = d.prefix[s * (days + 1) + i] + count(s, first_day + i);
  return d;
}

// Sectors 0 and 1 are treated (rollouts five weeks apart, fewer incidents after); 2..8 are the
// comparison, with different rates; 6 and 7 have no incidents at all, so the placebo set {6, 7}
// has an empty cell.
struct Case {
  std::vector<TreatedSector> treated = {{0, kRolloutDay* kSecondsPerDay},
                                        {1, (kRolloutDay + 35) * kSecondsPerDay}};
  DailyCounts daily;
  Case(size_t sectors = 9, uint64_t seed = 17) {
    Random rng(seed);
    const int64_t first = kRolloutDay - 7 * kWeeks, days = 35 + 14 * kWeeks;
    daily = make_daily(sectors, first, days, [&](size_t s, int64_t d) {
      if (s == 6 || s == 7) return 0.0;
      const double rate = 0.3 + 0.1 * static_cast<double>(s % 5);
      const bool after = (s == 0 && d >= kRolloutDay) || (s == 1 && d >= kRolloutDay + 35);
      return static_cast<double>(rng.poisson(rate * (after ? 0.6 : 1.0)));
    });
  }
};

bool at_least_as_extreme(const DailyCounts& daily, const std::vector<TreatedSector>& placebo,
                         const std::vector<size_t>& rest, double observed) {
  const auto did = eval_detail::did_estimate(daily, placebo, rest, kWeeks);
  if (!did) return true;  // an empty cell counts as extreme (conservative)
  return std::abs(std::log(did.value->did.rate_ratio)) >= std::abs(observed) - 1e-12;
}

// Every 2-subset {a < b} of the ascending comparison, a taking the first rollout, b the second.
size_t brute_force_extreme(const Case& c, const std::vector<size_t>& comparison, double observed,
                           size_t& sets) {
  std::vector<size_t> asc = comparison;
  std::sort(asc.begin(), asc.end());
  size_t extreme = 0;
  sets = 0;
  for (size_t a = 0; a < asc.size(); ++a)
    for (size_t b = a + 1; b < asc.size(); ++b) {
      std::vector<size_t> rest;
      for (size_t s : asc)
        if (s != asc[a] && s != asc[b]) rest.push_back(s);
      const std::vector<TreatedSector> placebo = {{asc[a], c.treated[0].rollout},
                                                  {asc[b], c.treated[1].rollout}};
      extreme += at_least_as_extreme(c.daily, placebo, rest, observed);
      ++sets;
    }
  return extreme;
}

TEST(RandomizationInference, ExactEnumerationMatchesBruteForceDid) {
  const Case c;
  const std::vector<size_t> comparison = {8, 3, 5, 2, 7, 4, 6};  // order of the request: any
  const auto real = eval_detail::did_estimate(c.daily, c.treated, comparison, kWeeks);
  ASSERT_TRUE(real);
  const double observed = std::log(real.value->did.rate_ratio);
  size_t low = 21, high = 0;
  for (double obs : {observed, 0.0, 0.1, -0.3, 0.6, 1.5}) {
    size_t sets = 0;
    const size_t extreme = brute_force_extreme(c, comparison, obs, sets);
    const auto ri = eval_detail::randomization_inference(c.daily, c.treated, comparison, kWeeks,
                                                         obs, 10000, 500, 1);
    ASSERT_TRUE(ri);
    EXPECT_TRUE(ri.value->exact);
    EXPECT_EQ(ri.value->n_placebos, 21u);
    EXPECT_EQ(sets, 21u);
    EXPECT_EQ(ri.value->as_extreme, extreme) << "observed log RR " << obs;
    EXPECT_DOUBLE_EQ(ri.value->p_value, (1.0 + extreme) / 22.0);
    low = std::min(low, extreme);
    high = std::max(high, extreme);
  }
  // The observed values above span the placebo distribution (not all 0 or all 21), and the set
  // with an empty cell is always counted.
  EXPECT_GE(low, 1u);
  EXPECT_LT(low, 10u);
  EXPECT_EQ(high, 21u);
}

TEST(RandomizationInference, SeededDrawsReplayAndRepeat) {
  const Case c;
  const std::vector<size_t> comparison = {2, 3, 4, 5, 6, 7, 8};
  const double observed = 0.25;
  const size_t draws = 300;
  // max_exact_sets 20 < 21 possible sets: draws.
  const auto ri = eval_detail::randomization_inference(c.daily, c.treated, comparison, kWeeks,
                                                       observed, 20, draws, 42);
  ASSERT_TRUE(ri);
  EXPECT_FALSE(ri.value->exact);
  EXPECT_EQ(ri.value->seed, 42u);
  EXPECT_EQ(ri.value->n_placebos, draws);
  // The same procedure by hand: partial Fisher-Yates on the ascending comparison, members in
  // draw order taking the treated rollouts in order.
  Random rng(42);
  std::vector<size_t> pool = comparison;
  size_t extreme = 0;
  for (size_t d = 0; d < draws; ++d) {
    std::vector<TreatedSector> placebo;
    for (size_t i = 0; i < 2; ++i) {
      std::swap(pool[i], pool[i + rng.below(pool.size() - i)]);
      placebo.push_back({pool[i], c.treated[i].rollout});
    }
    const std::vector<size_t> rest(pool.begin() + 2, pool.end());
    std::vector<size_t> rest_sorted = rest;
    std::sort(rest_sorted.begin(), rest_sorted.end());
    extreme += at_least_as_extreme(c.daily, placebo, rest_sorted, observed);
  }
  EXPECT_EQ(ri.value->as_extreme, extreme);
  EXPECT_DOUBLE_EQ(ri.value->p_value, (1.0 + extreme) / (1.0 + draws));
  const auto again = eval_detail::randomization_inference(c.daily, c.treated, comparison, kWeeks,
                                                          observed, 20, draws, 42);
  EXPECT_EQ(again.value->as_extreme, ri.value->as_extreme);
  EXPECT_EQ(again.value->p_value, ri.value->p_value);
}

TEST(RandomizationInference, ExactUpToMaxExactSets) {
  const Case c;
  const std::vector<size_t> comparison = {2, 3, 4, 5, 6, 7, 8};  // C(7, 2) = 21 sets
  const auto exact =
      eval_detail::randomization_inference(c.daily, c.treated, comparison, kWeeks, 0.2, 21, 50, 3);
  ASSERT_TRUE(exact);
  EXPECT_TRUE(exact.value->exact);
  EXPECT_EQ(exact.value->n_placebos, 21u);
  const auto drawn =
      eval_detail::randomization_inference(c.daily, c.treated, comparison, kWeeks, 0.2, 20, 50, 3);
  ASSERT_TRUE(drawn);
  EXPECT_FALSE(drawn.value->exact);
  EXPECT_EQ(drawn.value->n_placebos, 50u);
}

TEST(RandomizationInference, TooFewPlaceboSets) {
  const Case c;
  // C(6, 2) = 15 sets: p could not fall below 1/16.
  const auto few = eval_detail::randomization_inference(c.daily, c.treated, {2, 3, 4, 5, 6, 8},
                                                        kWeeks, 0.2, 10000, 500, 1);
  EXPECT_FALSE(few);
  EXPECT_EQ(few.why.code, EvalReason::ri_too_few_sets);
  const auto none =
      eval_detail::randomization_inference(c.daily, c.treated, {2}, kWeeks, 0.2, 10000, 500, 1);
  EXPECT_EQ(none.why.code, EvalReason::ri_too_few_sets);
}

TEST(RandomizationInference, ManyComparisonSectorsAreDrawnAndAgreeWithAnExactCount) {
  // 40 comparison sectors, 2 treated: 780 sets. The draws' p approaches the exact one.
  const Case c(42, 23);
  std::vector<size_t> comparison;
  for (size_t s = 2; s < 42; ++s) comparison.push_back(s);
  const auto real = eval_detail::did_estimate(c.daily, c.treated, comparison, kWeeks);
  ASSERT_TRUE(real);
  const double observed = std::log(real.value->did.rate_ratio);
  const auto exact = eval_detail::randomization_inference(c.daily, c.treated, comparison, kWeeks,
                                                          observed, 10000, 0, 1);
  const auto drawn = eval_detail::randomization_inference(c.daily, c.treated, comparison, kWeeks,
                                                          observed, 100, 20000, 5);
  ASSERT_TRUE(exact && drawn);
  EXPECT_EQ(exact.value->n_placebos, 780u);
  EXPECT_FALSE(drawn.value->exact);
  // Draws are of ordered sets (rollouts in draw order), the enumeration of ascending ones; both
  // estimate the same share closely when rollouts differ little (here five weeks).
  EXPECT_NEAR(drawn.value->p_value, exact.value->p_value, 0.05);
}

}  // namespace
}  // namespace faro
