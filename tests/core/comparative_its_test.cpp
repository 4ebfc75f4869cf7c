// Comparative ITS: a level drop planted in the treated sectors only is recovered; a calendar drop
// in every sector is not taken for an effect (the single-group ITS is fooled by it); and the fit
// matches two separate fits of the same design by fit_poisson_glm on a tiny case.
#include <gtest/gtest.h>

#include <cmath>

#include "core/poisson_glm.hpp"
#include "core/program_evaluation_detail.hpp"
#include "core/random.hpp"

namespace faro {
namespace {

using eval_detail::DailyCounts;

constexpr int64_t kRollout = 18631;  // 2021-01-04, a Monday
constexpr double kDaysPerYear = 365.2425;

struct CountsBuilder {
  int64_t first_day, end_day;
  size_t sectors;
  std::vector<double> days;  // sectors x days
  CountsBuilder(size_t n, int64_t first, int64_t end)
      : first_day(first), end_day(end), sectors(n), days(n * (end - first), 0.0) {}
  void add(size_t s, int64_t day, double n) {
    days[s * (end_day - first_day) + day - first_day] += n;
  }
  DailyCounts build() const {
    DailyCounts d;
    d.first_day = first_day;
    d.end_day = end_day;
    d.sectors = sectors;
    const size_t len = static_cast<size_t>(end_day - first_day);
    d.prefix.assign(sectors * (len + 1), 0.0);
    for (size_t s = 0; s < sectors; ++s)
      for (size_t k = 0; k < len; ++k)
        d.prefix[s * (len + 1) + k + 1] = d.prefix[s * (len + 1) + k] + days[s * len + k];
    return d;
  }
};

struct Scenario {
  double treated_level = 1;   // treated rate multiplied by this from the sector's rollout on
  double calendar_level = 1;  // every sector multiplied by this from kRollout (calendar) on
  int64_t stagger_days = 21;  // between the three treated sectors' rollouts
};

struct Simulated {
  DailyCounts daily;
  std::vector<TreatedSector> treated;
  std::vector<size_t> comparison;
};

// Three treated sectors at 1.5 incidents a week, ten comparison sectors at 1 a week, a shared
// upward trend (+10 % a year) and yearly seasonality, 52-week windows.
Simulated simulate(const Scenario& sc, uint64_t seed) {
  Random rng(seed);
  const int64_t first = kRollout - 7 * 52 - 7, end = kRollout + 2 * sc.stagger_days + 7 * 52 + 7;
  CountsBuilder b(13, first, end);
  Simulated out;
  for (size_t s = 0; s < 3; ++s)
    out.treated.push_back(
        {s, (kRollout + sc.stagger_days * static_cast<int64_t>(s)) * kSecondsPerDay});
  for (size_t s = 3; s < 13; ++s) out.comparison.push_back(s);
  for (size_t s = 0; s < 13; ++s) {
    const int64_t r0 = kRollout + sc.stagger_days * static_cast<int64_t>(s);
    for (int64_t day = first; day < end; ++day) {
      double mean = (s < 3 ? 1.5 : 1.0) / 7 * std::exp(0.1 * (day - kRollout) / kDaysPerYear) *
                    std::exp(0.3 * std::sin(6.283185307179586 * day / kDaysPerYear));
      if (s < 3 && day >= r0) mean *= sc.treated_level;
      if (day >= kRollout) mean *= sc.calendar_level;
      b.add(s, day, static_cast<double>(rng.poisson(mean)));
    }
  }
  out.daily = b.build();
  return out;
}

TEST(ComparativeIts, RecoversALevelDropInTheTreatedSectorsOnly) {
  // 40 simulated evaluations, staggered rollouts: the estimates centre on the planted 0.6 and
  // the 95 % intervals cover it about 95 % of the time (the slope's cover 1: none planted).
  Scenario sc;
  sc.treated_level = 0.6;
  int level_covered = 0, slope_covered = 0;
  double log_sum = 0;
  const int runs = 40;
  for (uint64_t seed = 1; seed <= runs; ++seed) {
    const Simulated sim = simulate(sc, 300 + seed);
    const auto r =
        eval_detail::comparative_its(sim.daily, sim.treated, sim.comparison, EvalBin::week, 52);
    ASSERT_TRUE(r) << static_cast<int>(r.why.code) << " " << r.why.detail;
    EXPECT_EQ(r.value->observations, (3u + 3u) * 104u);  // 3 sectors, 3 pseudo-units (staggered)
    EXPECT_GE(r.value->dispersion, 1.0 - 1e-9);
    const RateRatio& level = r.value->level_change.ratio;
    const RateRatio& slope = r.value->slope_change.ratio;
    level_covered += level.ci_low <= 0.6 && 0.6 <= level.ci_high;
    slope_covered += slope.ci_low <= 1.0 && 1.0 <= slope.ci_high;
    log_sum += r.value->level_change.estimate;
  }
  EXPECT_NEAR(std::exp(log_sum / runs), 0.6, 0.06);
  EXPECT_GE(level_covered, 34);  // 38 of 40 expected; 34 is about 2.5 sd below
  EXPECT_GE(slope_covered, 34);
  std::printf("level %.3f, covered %d / %d (slope %d)\n", std::exp(log_sum / runs), level_covered,
              runs, slope_covered);
}

TEST(ComparativeIts, ACalendarDropInBothGroupsIsNoEffect) {
  // Every sector falls to 0.6 on the (common) rollout day, in 40 simulated evaluations: the
  // single-group ITS reads the drop as the program's effect, the comparative ITS does not.
  Scenario sc;
  sc.calendar_level = 0.6;
  sc.stagger_days = 0;
  const int runs = 40;
  int covered = 0;
  double log_sum = 0, its_log_sum = 0;
  for (uint64_t seed = 1; seed <= runs; ++seed) {
    const Simulated sim = simulate(sc, 700 + seed);
    const auto r =
        eval_detail::comparative_its(sim.daily, sim.treated, sim.comparison, EvalBin::week, 52);
    ASSERT_TRUE(r) << r.why.detail;
    EXPECT_EQ(r.value->observations, (3u + 1u) * 104u);  // one pseudo-unit: one rollout day
    const RateRatio& level = r.value->level_change.ratio;
    covered += level.ci_low <= 1.0 && 1.0 <= level.ci_high;
    log_sum += r.value->level_change.estimate;
    const auto its =
        eval_detail::fit_interrupted_time_series(sim.daily, sim.treated, EvalBin::week, 52);
    ASSERT_TRUE(its);
    its_log_sum += its.value->level_change.estimate;
  }
  EXPECT_NEAR(std::exp(log_sum / runs), 1.0, 0.08);  // sd of the mean about 0.03
  EXPECT_GE(covered, 34);
  EXPECT_NEAR(std::exp(its_log_sum / runs), 0.6, 0.08);  // fooled
}

// Counts that follow a log-linear curve closely (rounded): less dispersed than Poisson, so both
// groups' dispersions are floored at 1 and the quasi-Poisson covariance is the Poisson one.
std::vector<double> smooth_counts(double base, double level, double slope_per_year, int nb) {
  std::vector<double> y;
  for (int i = 0; i < 2 * nb; ++i) {
    const double years = 7.0 * (i - nb) / kDaysPerYear;
    const double post = i >= nb ? level + slope_per_year * (years + 3.5 / kDaysPerYear) : 0.0;
    y.push_back(std::round(base * std::exp(0.2 * years + post)));
  }
  return y;
}

TEST(ComparativeIts, MatchesAFitOfTheSameDesignBuiltByHand) {
  // One treated sector, two comparison sectors, 8-week windows (no seasonality). The design:
  // one intercept per series, trend, post, slope, treated x post, treated x slope; the comparison
  // series is the sum of both sectors with offset log 2.
  const int nb = 8;
  CountsBuilder b(3, kRollout - 7 * nb, kRollout + 7 * nb);
  const std::vector<double> treated = smooth_counts(30, -0.5, 0.8, nb);
  const std::vector<double> comp1 = smooth_counts(40, -0.1, 0.0, nb);
  const std::vector<double> comp2 = smooth_counts(20, -0.1, 0.0, nb);
  PoissonDesign d;
  d.rows = 4 * nb;
  d.cols = 7;
  d.x.assign(d.rows * d.cols, 0.0);
  for (int i = 0; i < 2 * nb; ++i) {
    const int64_t day = kRollout + 7 * (i - nb);
    b.add(0, day + i % 7, treated[i]);
    b.add(1, day + 3, comp1[i]);
    b.add(2, day + 6, comp2[i]);
    const double mid = day + 3.5, years = (mid - kRollout) / kDaysPerYear;
    for (int g = 0; g < 2; ++g) {  // rows 0 .. 2nb-1 treated, then the comparison
      const size_t row = g * 2 * nb + i;
      d.at(row, g) = 1;
      d.at(row, 2) = years;
      d.at(row, 3) = i >= nb;
      d.at(row, 4) = i >= nb ? years : 0;
      d.at(row, 5) = g == 0 && i >= nb;
      d.at(row, 6) = g == 0 && i >= nb ? years : 0;
    }
  }
  for (int i = 0; i < 2 * nb; ++i) d.y.push_back(treated[i]), d.offset.push_back(0);
  for (int i = 0; i < 2 * nb; ++i)
    d.y.push_back(comp1[i] + comp2[i]), d.offset.push_back(std::log(2.0));
  const PoissonGlmResult hand = fit_poisson_glm(d);
  ASSERT_TRUE(hand) << hand.error;
  ASSERT_LT(hand.fit->pearson_chi2, 0.5 * hand.fit->df_residual);  // underdispersed, as meant

  const DailyCounts daily = b.build();
  const auto r = eval_detail::comparative_its(daily, {{0, kRollout * kSecondsPerDay}}, {1, 2},
                                              EvalBin::week, nb);
  ASSERT_TRUE(r) << r.why.detail;
  EXPECT_EQ(r.value->observations, d.rows);
  EXPECT_NEAR(r.value->level_change.estimate, hand.fit->beta[5], 1e-8);
  EXPECT_NEAR(r.value->slope_change.estimate, hand.fit->beta[6], 1e-8);
  EXPECT_NEAR(r.value->level_change.se, hand.fit->se(5), 1e-8);
  EXPECT_NEAR(r.value->slope_change.se, hand.fit->se(6), 1e-8);
  EXPECT_NEAR(r.value->level_change.ratio.rate_ratio, std::exp(hand.fit->beta[5]), 1e-8);
  EXPECT_NEAR(r.value->level_change.estimate, -0.4, 0.05);  // -0.5 treated, -0.1 comparison
  EXPECT_NEAR(r.value->slope_change.estimate, 0.8, 0.3);
  EXPECT_NEAR(r.value->dispersion, 1.0, 1e-9);
}

TEST(ComparativeIts, SaysWhyWhenItCannotBeFitted) {
  const Simulated sim = simulate(Scenario{}, 3);
  EXPECT_EQ(eval_detail::comparative_its(sim.daily, sim.treated, {}, EvalBin::week, 52).why.code,
            EvalReason::no_comparison);
  EXPECT_EQ(eval_detail::comparative_its(sim.daily, sim.treated, sim.comparison, EvalBin::week, 4)
                .why.code,
            EvalReason::its_pre_period);
}

}  // namespace
}  // namespace faro
