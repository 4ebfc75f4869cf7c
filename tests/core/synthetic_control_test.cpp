// Synthetic control: the simplex least squares against an independent brute force (every face's
// KKT system by Gaussian elimination), the whole estimator against a hand computation on a small
// case, exact convex combinations, a planted effect ranking first among the placebos, staggered
// rollouts aligned on event time, calendar-month periods, and the reasons for no estimate.
#include "core/synthetic_control.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>

#include "core/program_evaluation_detail.hpp"
#include "core/random.hpp"

namespace faro {
namespace {

using eval_detail::DailyCounts;
using Matrix = std::vector<std::vector<double>>;  // donors x periods

constexpr int64_t kRolloutDay = 18262;  // 2020-01-01

// Daily counts from count(sector, day) over [first_day, first_day + days).
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

// Independent oracle: the minimiser lies in the relative interior of some face, where it solves
// [2 A'A 1; 1' 0] [w; mu] = [2 A'b; 1]. Try every face (Gaussian elimination, partial pivoting),
// keep the feasible solution (all weights > 0) with the smallest objective.
double objective(const Matrix& a, const std::vector<double>& b, const std::vector<double>& w) {
  double ss = 0;
  for (size_t k = 0; k < b.size(); ++k) {
    double fit = 0;
    for (size_t j = 0; j < a.size(); ++j) fit += w[j] * a[j][k];
    ss += (b[k] - fit) * (b[k] - fit);
  }
  return ss;
}

std::vector<double> brute_force_weights(const Matrix& a, const std::vector<double>& b) {
  const size_t nd = a.size();
  std::vector<double> best;
  double best_obj = std::numeric_limits<double>::infinity();
  for (unsigned mask = 1; mask < (1u << nd); ++mask) {
    std::vector<size_t> face;
    for (size_t j = 0; j < nd; ++j)
      if (mask & (1u << j)) face.push_back(j);
    const size_t m = face.size(), n = m + 1;
    std::vector<std::vector<double>> sys(n, std::vector<double>(n + 1, 0.0));
    for (size_t i = 0; i < m; ++i) {
      for (size_t j = 0; j < m; ++j)
        for (size_t k = 0; k < b.size(); ++k) sys[i][j] += 2 * a[face[i]][k] * a[face[j]][k];
      for (size_t k = 0; k < b.size(); ++k) sys[i][n] += 2 * a[face[i]][k] * b[k];
      sys[i][m] = sys[m][i] = 1;
    }
    sys[m][n] = 1;
    bool singular = false;
    for (size_t c = 0; c < n && !singular; ++c) {
      size_t piv = c;
      for (size_t r = c + 1; r < n; ++r)
        if (std::abs(sys[r][c]) > std::abs(sys[piv][c])) piv = r;
      if (std::abs(sys[piv][c]) < 1e-12) singular = true;
      std::swap(sys[c], sys[piv]);
      for (size_t r = 0; r < n && !singular; ++r) {
        if (r == c) continue;
        const double f = sys[r][c] / sys[c][c];
        for (size_t k = c; k <= n; ++k) sys[r][k] -= f * sys[c][k];
      }
    }
    if (singular) continue;
    std::vector<double> w(nd, 0.0);
    bool feasible = true;
    for (size_t i = 0; i < m; ++i) {
      w[face[i]] = sys[i][n] / sys[i][i];
      feasible = feasible && w[face[i]] > 0;
    }
    if (!feasible) continue;
    const double obj = objective(a, b, w);
    if (obj < best_obj) best_obj = obj, best = w;
  }
  return best;
}

TEST(SyntheticControlSolver, MatchesBruteForceOnRandomSmallProblems) {
  Random rng(7);
  int interior = 0, boundary = 0;
  for (int trial = 0; trial < 400; ++trial) {
    const size_t nd = 2 + trial % 3, periods = 5 + trial % 4;  // 2-4 donors, 5-8 periods
    Matrix a(nd, std::vector<double>(periods));
    for (auto& col : a)
      for (double& v : col) v = rng.uniform(0, 5);
    std::vector<double> b(periods);
    for (double& v : b) v = rng.uniform(0, 5);
    const std::vector<double> oracle = brute_force_weights(a, b);
    const std::vector<double> w = simplex_least_squares(a, b);
    ASSERT_EQ(w.size(), nd);
    ASSERT_EQ(oracle.size(), nd) << "trial " << trial;
    double sum = 0;
    int positive = 0;
    for (size_t j = 0; j < nd; ++j) {
      EXPECT_NEAR(w[j], oracle[j], 1e-6) << "trial " << trial << " donor " << j;
      EXPECT_GE(w[j], 0);
      sum += w[j];
      positive += oracle[j] > 0;
    }
    EXPECT_NEAR(sum, 1, 1e-12);
    (positive > 1 ? interior : boundary) += 1;
  }
  // Both kinds of optimum were exercised: several donors, and a single vertex.
  EXPECT_GT(interior, 50);
  EXPECT_GT(boundary, 20);
}

TEST(SyntheticControlSolver, RecoversAnExactConvexCombination) {
  Random rng(11);
  Matrix a(6, std::vector<double>(12));
  for (auto& col : a)
    for (double& v : col) v = static_cast<double>(rng.poisson(3));
  const std::vector<double> truth = {0.2, 0, 0.5, 0, 0.3, 0};
  std::vector<double> b(12, 0.0);
  for (size_t j = 0; j < a.size(); ++j)
    for (size_t k = 0; k < b.size(); ++k) b[k] += truth[j] * a[j][k];
  const std::vector<double> w = simplex_least_squares(a, b);
  for (size_t j = 0; j < truth.size(); ++j) EXPECT_NEAR(w[j], truth[j], 1e-9) << j;
  EXPECT_LT(objective(a, b, w), 1e-20);
}

TEST(SyntheticControlSolver, ManyDonorsFewPeriodsStaysOnTheSimplexAtTheMinimum) {
  // More donors than periods: the minimiser is not unique, but the objective must be minimal.
  Random rng(3);
  Matrix a(40, std::vector<double>(6));
  for (auto& col : a)
    for (double& v : col) v = rng.uniform(0, 4);
  std::vector<double> b(6, 2.0);  // inside the donors' hull: objective 0 is reachable
  const std::vector<double> w = simplex_least_squares(a, b);
  double sum = 0;
  for (double x : w) {
    EXPECT_GE(x, 0);
    sum += x;
  }
  EXPECT_NEAR(sum, 1, 1e-12);
  EXPECT_LT(objective(a, b, w), 1e-18);
}

TEST(SyntheticControlRanking, TiesCountAgainstTheTreatedAndExactFitsAreHandled) {
  EXPECT_EQ(*rmspe_ratio(2, 6), 3);
  EXPECT_EQ(*rmspe_ratio(0, 1), std::numeric_limits<double>::infinity());
  EXPECT_FALSE(rmspe_ratio(0, 0).has_value());
  const PlaceboRanking r = rank_placebos(3, {1.0, 3.0, std::nullopt, 5.0, 2.0});
  EXPECT_EQ(r.rank, 3);  // 3 (a tie) and 5 are at least as large
  EXPECT_EQ(r.ranked, 4u);
  EXPECT_DOUBLE_EQ(r.p, 3.0 / 5);
  const PlaceboRanking top = rank_placebos(std::numeric_limits<double>::infinity(), {1.0, 2.0});
  EXPECT_EQ(top.rank, 1);
  EXPECT_DOUBLE_EQ(top.p, 1.0 / 3);
}

// One treated sector (0) and donors 1..4, weekly Poisson counts with different rates; the
// estimator's weights, ratio and placebo rank against the same numbers by hand (brute force).
TEST(SyntheticControl, MatchesHandComputationWithFourDonors) {
  const int weeks = 8;
  const int64_t first = kRolloutDay - 7 * weeks, days = 14 * weeks;
  Random rng(5);
  std::vector<std::vector<double>> raw(5, std::vector<double>(days));
  const double rate[5] = {0.5, 0.3, 0.7, 0.45, 0.6};
  for (size_t s = 0; s < 5; ++s)
    for (int64_t i = 0; i < days; ++i)
      raw[s][i] = static_cast<double>(rng.poisson(rate[s] * (s == 0 && i >= 7 * weeks ? 0.5 : 1)));
  const DailyCounts daily =
      make_daily(5, first, days, [&](size_t s, int64_t d) { return raw[s][d - first]; });
  // Weekly series by hand from the raw days.
  Matrix weekly(5, std::vector<double>(2 * weeks, 0.0));
  for (size_t s = 0; s < 5; ++s)
    for (int64_t i = 0; i < days; ++i) weekly[s][i / 7] += raw[s][i];
  const auto pre = [&](const std::vector<double>& v) {
    return std::vector<double>(v.begin(), v.begin() + weeks);
  };
  struct Hand {
    std::vector<double> w, synthetic;
    double pre_rmspe = 0, post_rmspe = 0;
  };
  // Demeaned synthetic control: every series minus its pre-period mean.
  const auto pre_mean = [&](const std::vector<double>& v) {
    double m = 0;
    for (int k = 0; k < weeks; ++k) m += v[k] / weeks;
    return m;
  };
  const auto centred_pre = [&](const std::vector<double>& v) {
    std::vector<double> c = pre(v);
    const double m = pre_mean(v);
    for (double& x : c) x -= m;
    return c;
  };
  const auto hand_fit = [&](size_t unit, const std::vector<size_t>& donors) {
    Matrix a;
    for (size_t d : donors) a.push_back(centred_pre(weekly[d]));
    Hand h;
    h.w = brute_force_weights(a, centred_pre(weekly[unit]));
    h.synthetic.assign(2 * weeks, pre_mean(weekly[unit]));
    for (size_t j = 0; j < donors.size(); ++j)
      for (int k = 0; k < 2 * weeks; ++k)
        h.synthetic[k] += h.w[j] * (weekly[donors[j]][k] - pre_mean(weekly[donors[j]]));
    for (int k = 0; k < 2 * weeks; ++k) {
      const double g = weekly[unit][k] - h.synthetic[k];
      (k < weeks ? h.pre_rmspe : h.post_rmspe) += g * g / weeks;
    }
    h.pre_rmspe = std::sqrt(h.pre_rmspe);
    h.post_rmspe = std::sqrt(h.post_rmspe);
    return h;
  };
  const Hand treated = hand_fit(0, {1, 2, 3, 4});

  const auto sc = eval_detail::synthetic_control(daily, {{0, kRolloutDay * kSecondsPerDay}},
                                                 {1, 2, 3, 4}, EvalBin::week, weeks);
  ASSERT_TRUE(sc);
  const SyntheticControlResult& r = *sc.value;
  EXPECT_EQ(r.donors, 4u);
  EXPECT_EQ(r.periods_before, weeks);
  EXPECT_EQ(r.periods_after, weeks);
  std::vector<double> got(4, 0.0);
  for (const auto& [sector, weight] : r.weights) got[sector - 1] = weight;
  for (size_t j = 0; j < 4; ++j) EXPECT_NEAR(got[j], treated.w[j], 1e-4) << "donor " << j + 1;
  for (size_t i = 1; i < r.weights.size(); ++i)
    EXPECT_GE(r.weights[i - 1].second, r.weights[i].second);  // largest first
  EXPECT_NEAR(r.pre_rmspe, treated.pre_rmspe, 1e-4);
  EXPECT_NEAR(r.post_rmspe, treated.post_rmspe, 1e-4);
  double post_t = 0, post_s = 0;
  for (int k = weeks; k < 2 * weeks; ++k) post_t += weekly[0][k], post_s += treated.synthetic[k];
  EXPECT_NEAR(r.rate_ratio, post_t / post_s, 1e-4);
  ASSERT_EQ(r.series.size(), 2u * weeks);
  for (int k = 0; k < 2 * weeks; ++k) {
    EXPECT_EQ(r.series[k].relative_bin, k - weeks);
    EXPECT_DOUBLE_EQ(r.series[k].treated, weekly[0][k]);
    EXPECT_NEAR(r.series[k].synthetic, treated.synthetic[k], 1e-4);
  }
  // Placebos: each donor against the other three.
  const double treated_ratio = treated.post_rmspe / treated.pre_rmspe;
  int rank = 1;
  for (size_t j = 1; j <= 4; ++j) {
    std::vector<size_t> others;
    for (size_t o = 1; o <= 4; ++o)
      if (o != j) others.push_back(o);
    const Hand p = hand_fit(j, others);
    if (p.post_rmspe / p.pre_rmspe >= treated_ratio) ++rank;
  }
  EXPECT_EQ(r.placebo_rank, rank);
  EXPECT_DOUBLE_EQ(r.placebo_p, rank / 5.0);
}

TEST(SyntheticControl, TreatedSectorThatIsAConvexCombinationOfDonors) {
  const int weeks = 10;
  const int64_t first = kRolloutDay - 7 * weeks, days = 14 * weeks;
  Random rng(21);
  std::vector<std::vector<double>> raw(6, std::vector<double>(days, 0.0));
  for (size_t s = 1; s < 6; ++s)
    for (double& v : raw[s]) v = static_cast<double>(rng.poisson(0.3 + 0.1 * s));
  for (int64_t i = 0; i < days; ++i) raw[0][i] = 0.25 * raw[2][i] + 0.75 * raw[4][i];
  const DailyCounts daily =
      make_daily(6, first, days, [&](size_t s, int64_t d) { return raw[s][d - first]; });
  const auto sc = eval_detail::synthetic_control(daily, {{0, kRolloutDay * kSecondsPerDay}},
                                                 {1, 2, 3, 4, 5}, EvalBin::week, weeks);
  ASSERT_TRUE(sc);
  const SyntheticControlResult& r = *sc.value;
  ASSERT_EQ(r.weights.size(), 2u);
  EXPECT_EQ(r.weights[0].first, 4u);
  EXPECT_NEAR(r.weights[0].second, 0.75, 1e-6);
  EXPECT_EQ(r.weights[1].first, 2u);
  EXPECT_NEAR(r.weights[1].second, 0.25, 1e-6);
  EXPECT_LT(r.pre_rmspe, 1e-9);
  EXPECT_LT(r.post_rmspe, 1e-9);  // the combination holds after rollout too: no effect
  EXPECT_NEAR(r.rate_ratio, 1, 1e-9);
  // No gap before or after: ratio 0, the last rank among the placebos that have a ratio.
  EXPECT_DOUBLE_EQ(r.placebo_p, 1.0);
}

// Focused-deterrence sectors are chosen for high violence: a treated level above every donor.
// The demeaned method matches the path (a convex weighting of levels could not reach it).
TEST(SyntheticControl, TreatedLevelAboveEveryDonorIsMatchedByItsPath) {
  const int weeks = 10;
  const int64_t first = kRolloutDay - 7 * weeks, days = 14 * weeks;
  Random rng(8);
  std::vector<std::vector<double>> raw(4, std::vector<double>(days, 0.0));
  for (size_t s = 1; s < 4; ++s)
    for (double& v : raw[s]) v = static_cast<double>(rng.poisson(0.3 + 0.1 * s));
  for (int64_t i = 0; i < days; ++i) raw[0][i] = raw[2][i] + 1.0;  // one more a day, same path
  const DailyCounts daily =
      make_daily(4, first, days, [&](size_t s, int64_t d) { return raw[s][d - first]; });
  const auto sc = eval_detail::synthetic_control(daily, {{0, kRolloutDay * kSecondsPerDay}},
                                                 {1, 2, 3}, EvalBin::week, weeks);
  ASSERT_TRUE(sc);
  ASSERT_EQ(sc.value->weights.size(), 1u);
  EXPECT_EQ(sc.value->weights[0].first, 2u);
  EXPECT_NEAR(sc.value->weights[0].second, 1.0, 1e-9);
  EXPECT_LT(sc.value->pre_rmspe, 1e-9);
  EXPECT_NEAR(sc.value->rate_ratio, 1.0, 1e-9);  // no effect, and none is reported
}

TEST(SyntheticControl, PlantedStrongEffectRanksFirstAmongPlacebos) {
  const int weeks = 52;
  const int64_t first = kRolloutDay - 7 * weeks, days = 14 * weeks;
  const size_t donors = 19;
  Random rng(99);
  std::vector<std::vector<double>> raw(donors + 1, std::vector<double>(days));
  for (size_t s = 0; s <= donors; ++s)
    for (int64_t i = 0; i < days; ++i) {
      const double seasonal = 1 + 0.4 * std::sin(6.283185307 * i / 365.0);
      const double effect = (s == 0 && i >= 7 * weeks) ? 0.3 : 1.0;  // -70 % after rollout
      const double base = s == 0 ? 0.9 : 0.4 + 0.05 * s;  // treated inside the donors' range
      raw[s][i] = static_cast<double>(rng.poisson(base * seasonal * effect));
    }
  const DailyCounts daily =
      make_daily(donors + 1, first, days, [&](size_t s, int64_t d) { return raw[s][d - first]; });
  std::vector<size_t> pool;
  for (size_t s = 1; s <= donors; ++s) pool.push_back(s);
  const auto sc = eval_detail::synthetic_control(daily, {{0, kRolloutDay * kSecondsPerDay}}, pool,
                                                 EvalBin::week, weeks);
  ASSERT_TRUE(sc);
  EXPECT_EQ(sc.value->placebo_rank, 1);
  EXPECT_DOUBLE_EQ(sc.value->placebo_p, 1.0 / 20);
  EXPECT_LT(sc.value->rate_ratio, 0.45);
  EXPECT_GT(sc.value->rate_ratio, 0.2);
}

TEST(SyntheticControl, StaggeredRolloutsAlignDonorsOnEachSectorsEventTime) {
  // Treated sectors 0 and 1 start three weeks apart; both copy donor 2's calendar counts. Aligned
  // on each sector's own rollout, donor 2 is then exactly the treated unit; aligned on one
  // calendar (either rollout) it would not be, as donor 2's counts vary from week to week.
  const int weeks = 12;
  const int64_t r0 = kRolloutDay, r1 = kRolloutDay + 21;
  const int64_t first = r0 - 7 * weeks, days = 14 * weeks + 21;
  Random rng(4);
  std::vector<std::vector<double>> raw(6, std::vector<double>(days));
  for (size_t s = 2; s < 6; ++s)
    for (double& v : raw[s]) v = static_cast<double>(rng.poisson(0.6));
  raw[0] = raw[1] = raw[2];
  const DailyCounts daily =
      make_daily(6, first, days, [&](size_t s, int64_t d) { return raw[s][d - first]; });
  const auto sc =
      eval_detail::synthetic_control(daily, {{0, r0 * kSecondsPerDay}, {1, r1 * kSecondsPerDay}},
                                     {2, 3, 4, 5}, EvalBin::week, weeks);
  ASSERT_TRUE(sc);
  const SyntheticControlResult& r = *sc.value;
  ASSERT_EQ(r.weights.size(), 1u);
  EXPECT_EQ(r.weights[0].first, 2u);
  EXPECT_NEAR(r.weights[0].second, 1, 1e-9);
  EXPECT_LT(r.pre_rmspe, 1e-9);
  // The treated value of period k is the mean of the two sectors' counts in their own week k.
  for (int k = -weeks; k < weeks; ++k) {
    double expect = 0;
    for (int64_t start : {r0 + 7 * k, r1 + 7 * k})
      for (int64_t d = start; d < start + 7; ++d) expect += raw[2][d - first] / 2;
    EXPECT_DOUBLE_EQ(r.series[k + weeks].treated, expect) << k;
  }
}

TEST(SyntheticControl, MonthlyPeriodsAreCalendarMonthsFromTheRolloutDay) {
  // One incident a day in the treated sector: each period's value is its length in days.
  const int64_t rollout = days_from_civil(2020, 3, 15);
  const int64_t first = days_from_civil(2019, 1, 1), days = 3 * 365;
  Random rng(8);
  std::vector<std::vector<double>> raw(4, std::vector<double>(days, 1.0));
  for (size_t s = 1; s < 4; ++s)
    for (double& v : raw[s]) v = static_cast<double>(rng.poisson(1.0));
  const DailyCounts daily =
      make_daily(4, first, days, [&](size_t s, int64_t d) { return raw[s][d - first]; });
  const auto sc = eval_detail::synthetic_control(daily, {{0, rollout * kSecondsPerDay}}, {1, 2, 3},
                                                 EvalBin::month, 52);
  ASSERT_TRUE(sc);
  const SyntheticControlResult& r = *sc.value;
  EXPECT_EQ(r.periods_before, 12);  // 52 weeks = 364 days = 12 months
  EXPECT_EQ(r.periods_after, 12);
  ASSERT_EQ(r.series.size(), 24u);
  EXPECT_EQ(r.series.front().relative_bin, -12);
  EXPECT_EQ(r.series.back().relative_bin, 11);
  EXPECT_EQ(r.series[0].treated, 31);   // 2019-03-15 .. 2019-04-14
  EXPECT_EQ(r.series[11].treated, 29);  // 2020-02-15 .. 2020-03-14 (leap year)
  EXPECT_EQ(r.series[12].treated, 31);  // 2020-03-15 .. 2020-04-14: the rollout month
  EXPECT_EQ(r.series[13].treated, 30);  // 2020-04-15 .. 2020-05-14
  EXPECT_EQ(r.series[23].treated, 28);  // 2021-02-15 .. 2021-03-14
}

TEST(SyntheticControl, SaysWhyThereIsNoEstimate) {
  const int weeks = 8;
  const int64_t first = kRolloutDay - 7 * weeks, days = 14 * weeks;
  const DailyCounts daily = make_daily(4, first, days, [&](size_t s, int64_t d) {
    return (s == 0 && d < kRolloutDay) ? 0.0 : 1.0;  // treated: nothing before rollout
  });
  const std::vector<TreatedSector> treated = {{0, kRolloutDay * kSecondsPerDay}};
  EXPECT_EQ(eval_detail::synthetic_control(daily, treated, {1}, EvalBin::week, weeks).why.code,
            EvalReason::sc_no_donors);
  EXPECT_EQ(eval_detail::synthetic_control(daily, treated, {1, 2}, EvalBin::week, weeks).why.code,
            EvalReason::sc_flat_pre_period);
  const DailyCounts busy = make_daily(4, first, days, [](size_t, int64_t) { return 1.0; });
  EXPECT_TRUE(eval_detail::synthetic_control(busy, treated, {1, 2}, EvalBin::week, weeks));
}

}  // namespace
}  // namespace faro
