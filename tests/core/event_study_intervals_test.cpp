// Event-study intervals and the pre-trend test: a closed-form 2 x 2 case, calibration of the
// test under parallel trends (simulated), power against a planted diverging pre-trend, coverage
// of a planted post effect, and the empty cells that leave a point without a ratio.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/program_evaluation_detail.hpp"
#include "core/random.hpp"

namespace faro {
namespace {

using eval_detail::DailyCounts;

constexpr int64_t kRollout = 18631;  // 2021-01-04, a Monday
constexpr double kZ = 1.959963984540054;

// Daily counts for `sectors` sectors over [first_day, end_day), filled day by day.
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

std::vector<EventStudyPoint> points_for(const DailyCounts& daily,
                                        const std::vector<TreatedSector>& treated,
                                        const std::vector<size_t>& comparison, int window_weeks) {
  auto es = eval_detail::event_study(daily, treated, comparison, EvalBin::week, window_weeks);
  EXPECT_TRUE(es);
  return es ? *es.value : std::vector<EventStudyPoint>{};
}

TEST(EventStudyIntervals, TwoPeriodsMatchTheCrossRatioAndItsQuasiPoissonError) {
  // Window of one week: periods -1 and 0. Treated sectors 0 and 1 (same rollout), comparison
  // sectors 2 and 3 (one pseudo-unit). With unit and period effects and treated x period 0 the
  // model splits into two independence models, so the coefficient is the log cross ratio of the
  // group totals, its Poisson variance 1/T0 + 1/T-1 + 1/C0 + 1/C-1, and the quasi-Poisson one
  // multiplies both parts by the Pearson chi2 of the treated 2 x 2 table (1 df): the comparison
  // (one pseudo-unit) is saturated, so it has no dispersion of its own to show and borrows it.
  CountsBuilder b(4, kRollout - 7, kRollout + 7);
  const double t_before[] = {14, 6}, t_after[] = {2, 7}, c_before[] = {20, 10},
               c_after[] = {25, 11};
  for (size_t s = 0; s < 2; ++s) {
    b.add(s, kRollout - 3, t_before[s]);
    b.add(s, kRollout + 2, t_after[s]);
    b.add(s + 2, kRollout - 6, c_before[s]);
    b.add(s + 2, kRollout + 6, c_after[s]);
  }
  const DailyCounts daily = b.build();
  const std::vector<TreatedSector> treated = {{0, kRollout * kSecondsPerDay},
                                              {1, kRollout * kSecondsPerDay}};
  std::vector<EventStudyPoint> points = points_for(daily, treated, {2, 3}, 1);
  ASSERT_EQ(points.size(), 2u);
  const auto test =
      eval_detail::event_study_intervals(daily, treated, {2, 3}, EvalBin::week, 1, points);
  EXPECT_FALSE(test);  // no pre-period coefficient besides the reference
  EXPECT_EQ(test.why.code, EvalReason::pre_trend_too_few);
  EXPECT_FALSE(points[0].ratio);  // the reference period
  ASSERT_TRUE(points[1].ratio);
  const double tb = 20, ta = 9, cb = 30, ca = 36;
  EXPECT_NEAR(points[1].ratio->rate_ratio, (ta / tb) / (ca / cb), 1e-9);
  // Pearson chi2 of [[14, 2], [6, 7]] under independence.
  const double rows[] = {16, 13}, cols[] = {20, 9}, n = 29;
  const double cells[2][2] = {{14, 2}, {6, 7}};
  double pearson = 0;
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 2; ++j) {
      const double e = rows[i] * cols[j] / n;
      pearson += (cells[i][j] - e) * (cells[i][j] - e) / e;
    }
  ASSERT_GT(pearson, 1.0);  // so the dispersion matters here
  const double se = std::sqrt(pearson * (1 / ta + 1 / tb + 1 / ca + 1 / cb));
  EXPECT_NEAR(points[1].ratio->log_se, se, 1e-7);
  EXPECT_NEAR(points[1].ratio->ci_low, points[1].ratio->rate_ratio * std::exp(-kZ * se), 1e-7);
  EXPECT_NEAR(points[1].ratio->ci_high, points[1].ratio->rate_ratio * std::exp(kZ * se), 1e-7);
}

struct Scenario {
  double treated_per_week = 0.6;     // per treated sector
  double comparison_per_week = 0.6;  // per comparison sector
  size_t comparison_sectors = 20;
  double post_ratio = 1;    // treated rate multiplied by this from its rollout on
  double pre_drift = 0;     // log of the treated rate 52 weeks before rollout, rising linearly to 0
  double week_noise = 0.3;  // sd of a lognormal multiplier per sector-week (clustering)
};

// Three treated sectors rolled out three weeks apart, yearly seasonality shared by every sector,
// 52-week windows.
struct Simulated {
  DailyCounts daily;
  std::vector<TreatedSector> treated;
  std::vector<size_t> comparison;
};

Simulated simulate(const Scenario& sc, uint64_t seed) {
  Random rng(seed);
  const int64_t first = kRollout - 7 * 52 - 14, end = kRollout + 42 + 7 * 52 + 14;
  CountsBuilder b(3 + sc.comparison_sectors, first, end);
  Simulated out;
  for (size_t s = 0; s < 3; ++s)
    out.treated.push_back({s, (kRollout + 21 * static_cast<int64_t>(s)) * kSecondsPerDay});
  for (size_t s = 3; s < b.sectors; ++s) out.comparison.push_back(s);
  for (size_t s = 0; s < b.sectors; ++s) {
    const bool treated = s < 3;
    const int64_t r0 = kRollout + 21 * static_cast<int64_t>(s);
    double week_factor = 1;
    for (int64_t day = first; day < end; ++day) {
      if ((day - first) % 7 == 0)
        week_factor = std::exp(sc.week_noise * rng.normal() - sc.week_noise * sc.week_noise / 2);
      double mean = (treated ? sc.treated_per_week : sc.comparison_per_week) / 7 * week_factor *
                    std::exp(0.35 * std::sin(6.283185307179586 * day / 365.2425));
      if (treated && day >= r0) mean *= sc.post_ratio;
      if (treated && day < r0) mean *= std::exp(sc.pre_drift * std::min(1.0, (r0 - day) / 364.0));
      b.add(s, day, static_cast<double>(rng.poisson(mean)));
    }
  }
  out.daily = b.build();
  return out;
}

// Index of the first period of the 8-week bin holding period index i (periods -52 .. 51; bins
// counted from the rollout, so the earliest bin holds only periods -52 .. -49).
size_t bin_start(size_t i) {
  const int64_t k = static_cast<int64_t>(i) - 52;
  return static_cast<size_t>(std::max<int64_t>(-52, 8 * floor_div(k, 8)) + 52);
}

TEST(EventStudyIntervals, ParallelTrendsGiveCalibratedTestsAndThePostIntervalsCoverTheEffect) {
  // 200 simulated evaluations with parallel pre-trends and a true post ratio of 0.5: the pre-trend
  // test should reject at 0.10 about 10 % of the time (p about uniform), and the post bins' 95 %
  // intervals should cover 0.5 about 95 % of the time.
  Scenario sc;
  sc.post_ratio = 0.5;
  int rejected = 0, tested = 0, full_df = 0;
  double p_sum = 0;
  int covered = 0, intervals = 0;
  for (uint64_t seed = 1; seed <= 200; ++seed) {
    const Simulated sim = simulate(sc, 1000 + seed);
    std::vector<EventStudyPoint> points = points_for(sim.daily, sim.treated, sim.comparison, 52);
    const auto test = eval_detail::event_study_intervals(sim.daily, sim.treated, sim.comparison,
                                                         EvalBin::week, 52, points);
    ASSERT_TRUE(test) << "seed " << seed;
    EXPECT_LE(test.value->df, 6);    // 7 bins before rollout (the earliest of 4 weeks), less the
    full_df += test.value->df == 6;  // reference; fewer where a bin has no treated incident
    ++tested;
    rejected += test.value->p_value < 0.10;
    p_sum += test.value->p_value;
    for (size_t i = 52; i < points.size(); i += 8) {  // one point per post bin
      if (!points[i].ratio) continue;
      ++intervals;
      covered += points[i].ratio->ci_low <= 0.5 && 0.5 <= points[i].ratio->ci_high;
    }
  }
  EXPECT_GE(full_df, 190);
  const double rate = static_cast<double>(rejected) / tested;
  EXPECT_GE(rate, 0.04);
  EXPECT_LE(rate, 0.18);
  EXPECT_NEAR(p_sum / tested, 0.5, 0.06);    // p roughly uniform
  ASSERT_GE(intervals, 200 * 7 * 97 / 100);  // post bins nearly always have incidents
  const double coverage = static_cast<double>(covered) / intervals;
  EXPECT_GE(coverage, 0.92);
  EXPECT_LE(coverage, 0.985);
  std::printf("pre-trend rejection at 0.10: %.3f, mean p %.3f; post coverage %.3f (%d)\n", rate,
              p_sum / tested, coverage, intervals);
}

TEST(EventStudyIntervals, ADivergingPreTrendIsRejected) {
  // The treated rate climbs 7.4-fold (from e^-2) over the year before rollout, to 3 a week per
  // sector; the comparison stays flat (both seasonal). In 20 runs the test rejects at 0.01 in
  // nearly all (19 here) and at 0.05 in every one.
  Scenario sc;
  sc.treated_per_week = 3.0;
  sc.pre_drift = -2.0;
  int rejected = 0;
  double worst = 0;
  for (uint64_t seed = 11; seed <= 30; ++seed) {
    const Simulated sim = simulate(sc, seed);
    std::vector<EventStudyPoint> points = points_for(sim.daily, sim.treated, sim.comparison, 52);
    const auto test = eval_detail::event_study_intervals(sim.daily, sim.treated, sim.comparison,
                                                         EvalBin::week, 52, points);
    ASSERT_TRUE(test);
    EXPECT_LT(test.value->p_value, 0.05) << "seed " << seed << " chi2 " << test.value->chi2;
    rejected += test.value->p_value < 0.01;
    worst = std::max(worst, test.value->p_value);
    // The earliest full bin sits well below the reference, as planted (about e^-1.54 = 0.21).
    ASSERT_TRUE(points[4].ratio);
    EXPECT_LT(points[4].ratio->rate_ratio, 0.6);
  }
  EXPECT_GE(rejected, 18);
  std::printf("diverging pre-trend: %d of 20 runs p < 0.01, largest p %.2g\n", rejected, worst);
}

TEST(EventStudyIntervals, PointsOfOneBinShareItsRatioAndTheReferenceBinHasNone) {
  const Simulated sim = simulate(Scenario{}, 5);
  std::vector<EventStudyPoint> points = points_for(sim.daily, sim.treated, sim.comparison, 52);
  ASSERT_TRUE(eval_detail::event_study_intervals(sim.daily, sim.treated, sim.comparison,
                                                 EvalBin::week, 52, points));
  ASSERT_EQ(points.size(), 104u);
  for (size_t i = 0; i < 104; ++i) {
    if (i >= 44 && i < 52) {  // periods -8 .. -1: the reference bin
      EXPECT_FALSE(points[i].ratio) << "reference bin, index " << i;
      continue;
    }
    ASSERT_TRUE(points[i].ratio) << i;
    EXPECT_EQ(points[i].ratio->rate_ratio, points[bin_start(i)].ratio->rate_ratio) << i;
    EXPECT_LT(points[i].ratio->ci_low, points[i].ratio->rate_ratio);
    EXPECT_GT(points[i].ratio->ci_high, points[i].ratio->rate_ratio);
  }
  EXPECT_NE(points[4].ratio->rate_ratio, points[3].ratio->rate_ratio);  // a bin boundary
}

TEST(EventStudyIntervals, EmptyCellsLeavePointsWithoutRatiosAndSayWhy) {
  // Window of 6 weeks (one-week bins). Treated sectors 0 and 3 have no incident in week 2 after
  // rollout: that point has no ratio, the others do. Comparison sectors 1 and 2.
  CountsBuilder b(4, kRollout - 42, kRollout + 42);
  for (int64_t k = -6; k < 6; ++k) {
    if (k != 2) b.add(0, kRollout + 7 * k + 1, 3 + (k + 6) % 3);
    if (k != 2) b.add(3, kRollout + 7 * k + 4, 1 + (k + 6) % 5);
    b.add(1, kRollout + 7 * k + 2, 10 + (k + 6) % 4);
    b.add(2, kRollout + 7 * k + 3, 8);
  }
  const DailyCounts daily = b.build();
  const std::vector<TreatedSector> treated = {{0, kRollout * kSecondsPerDay},
                                              {3, kRollout * kSecondsPerDay}};
  std::vector<EventStudyPoint> points = points_for(daily, treated, {1, 2}, 6);
  const auto test =
      eval_detail::event_study_intervals(daily, treated, {1, 2}, EvalBin::week, 6, points);
  ASSERT_TRUE(test) << static_cast<int>(test.why.code) << " " << test.why.detail;
  EXPECT_EQ(test.value->df, 5);
  for (const EventStudyPoint& p : points)
    EXPECT_EQ(p.ratio.has_value(), p.relative_bin != -1 && p.relative_bin != 2) << p.relative_bin;
  // Without comparison sectors there is nothing to compare with.
  std::vector<EventStudyPoint> alone = points_for(daily, treated, {}, 6);
  EXPECT_EQ(
      eval_detail::event_study_intervals(daily, treated, {}, EvalBin::week, 6, alone).why.code,
      EvalReason::no_comparison);
  // An empty reference week: no ratio anywhere, and the test cannot be made.
  CountsBuilder e = b;
  for (int64_t day = kRollout - 7; day < kRollout; ++day)
    for (size_t sector : {0, 3}) e.days[sector * (e.end_day - e.first_day) + day - e.first_day] = 0;
  const DailyCounts empty_ref = e.build();
  std::vector<EventStudyPoint> none = points_for(empty_ref, treated, {1, 2}, 6);
  EXPECT_EQ(eval_detail::event_study_intervals(empty_ref, treated, {1, 2}, EvalBin::week, 6, none)
                .why.code,
            EvalReason::pre_trend_too_few);
  for (const EventStudyPoint& p : none) EXPECT_FALSE(p.ratio);
}

}  // namespace
}  // namespace faro
