// Program evaluation: hand-computable difference in differences, the Poisson CI formula, the
// interrupted time series recovering a known level change from simulated counts, and the honest
// messages for small counts.
#include "core/program_evaluation.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "core/errors.hpp"
#include "core/evaluation_text.hpp"
#include "core/random.hpp"

namespace faro {
namespace {

constexpr int64_t kRolloutDay = 18262;  // 2020-01-01 (a Wednesday)

CivilSeconds day_at(int64_t day, int hour = 12) {
  return day * kSecondsPerDay + hour * 3600;
}

// Adds `n` incidents in `sector`, spread over days [from_day, to_day).
void add(IncidentStore& s, int32_t sector, int n, int64_t from_day, int64_t to_day) {
  for (int i = 0; i < n; ++i) {
    s.push_back(0, 0, day_at(from_day + i % (to_day - from_day)), 0, kHasTimeOfDay);
    s.sector.push_back(sector);
  }
}

EvaluationRequest request(int window_weeks, std::vector<size_t> comparison = {1, 2}) {
  EvaluationRequest r;
  r.label = "test";
  r.treated = {{0, kRolloutDay * kSecondsPerDay}};
  r.comparison = std::move(comparison);
  r.window_weeks = window_weeks;
  r.data_from = (kRolloutDay - 7 * window_weeks) * kSecondsPerDay;
  r.data_to_exclusive = (kRolloutDay + 7 * window_weeks) * kSecondsPerDay;
  return r;
}

TEST(ProgramEvaluation, DifferenceInDifferencesByHand) {
  IncidentStore s;
  const int64_t w = 28;                         // 4-week windows
  add(s, 0, 40, kRolloutDay - w, kRolloutDay);  // treated before
  add(s, 0, 20, kRolloutDay, kRolloutDay + w);  // treated after
  add(s, 1, 60, kRolloutDay - w, kRolloutDay);  // comparison before (two sectors: 100)
  add(s, 2, 40, kRolloutDay - w, kRolloutDay);
  add(s, 1, 50, kRolloutDay, kRolloutDay + w);  // comparison after: 125
  add(s, 2, 75, kRolloutDay, kRolloutDay + w);
  add(s, 0, 7, kRolloutDay - w - 20, kRolloutDay - w);  // outside the windows: ignored
  add(s, -1, 9, kRolloutDay, kRolloutDay + w);          // in no sector: ignored
  const ProgramEvaluation ev = evaluate_program(s, 3, IncidentFilter{}, request(4));
  ASSERT_TRUE(ev.did) << eval_reason_text(ev.did.why, Language::en);
  const DidResult& d = *ev.did.value;
  EXPECT_EQ(ev.treated.before, 40);
  EXPECT_EQ(ev.treated.after, 20);
  EXPECT_EQ(ev.comparison.before, 100);
  EXPECT_EQ(ev.comparison.after, 125);
  EXPECT_DOUBLE_EQ(ev.treated.rate_before, 40.0 / 4);  // per sector per week
  EXPECT_DOUBLE_EQ(ev.comparison.rate_after, 125.0 / (2 * 4));
  // (20/40) / (125/100) = 0.4; log-scale SE = sqrt(1/20 + 1/40 + 1/125 + 1/100).
  EXPECT_NEAR(d.did.rate_ratio, 0.4, 1e-12);
  const double se = std::sqrt(1.0 / 20 + 1.0 / 40 + 1.0 / 125 + 1.0 / 100);
  EXPECT_NEAR(d.did.log_se, se, 1e-12);
  EXPECT_NEAR(d.did.ci_low, 0.4 * std::exp(-1.959963984540054 * se), 1e-12);
  EXPECT_NEAR(d.did.ci_high, 0.4 * std::exp(1.959963984540054 * se), 1e-12);
  EXPECT_NEAR(d.treated_change.rate_ratio, 0.5, 1e-12);
  EXPECT_FALSE(d.small_counts);
  EXPECT_EQ(did_caution(d, Language::en), "");
  EXPECT_NE(
      did_sentence(d, Language::en).find("\u221260 % relative to comparison sectors, 95 % CI"),
      std::string::npos)
      << did_sentence(d, Language::en);
}

// Puts the given weekly counts into `sector`, week k starting on `first_day + 7 k`.
void add_weeks(IncidentStore& s, int32_t sector, const std::vector<int>& counts,
               int64_t first_day) {
  for (size_t k = 0; k < counts.size(); ++k)
    add(s, sector, counts[k], first_day + 7 * k, first_day + 7 * k + 7);
}

TEST(ProgramEvaluation, OverdispersionWidensTheIntervalAsStatsmodelsQuasiPoisson) {
  // Weekly counts, 6 weeks before and after rollout: clustered (0s next to 12s) in the treated
  // sector. Comparison split over two sectors; the group's weekly sums are the oracle's
  // cb = {20, 35, 18, 41, 22, 30} and ca = {25, 19, 44, 21, 30, 33}.
  const std::vector<int> tb{3, 12, 0, 7, 1, 9}, ta{2, 0, 8, 1, 0, 5};
  const std::vector<int> c1b{20, 30, 18, 41, 20, 30}, c2b{0, 5, 0, 0, 2, 0};
  const std::vector<int> c1a{25, 19, 40, 21, 30, 33}, c2a{0, 0, 4, 0, 0, 0};
  IncidentStore s;
  add_weeks(s, 0, tb, kRolloutDay - 42);
  add_weeks(s, 0, ta, kRolloutDay);
  add_weeks(s, 1, c1b, kRolloutDay - 42);
  add_weeks(s, 2, c2b, kRolloutDay - 42);
  add_weeks(s, 1, c1a, kRolloutDay);
  add_weeks(s, 2, c2a, kRolloutDay);
  const ProgramEvaluation ev = evaluate_program(s, 3, IncidentFilter{}, request(6));
  ASSERT_TRUE(ev.did) << eval_reason_text(ev.did.why, Language::en);
  const DidResult& d = *ev.did.value;
  // statsmodels 0.13.5, sm.GLM(y, [1, after], Poisson()).fit(scale='X2') on each group's 12
  // weekly counts (script: notes/eval2_did_oracle.py): treated scale 4.0500000000000025, bse
  // 0.6161878771933116; comparison scale 2.9926590081255324, bse 0.1882212703012306; log-RR SE
  // sqrt(sum of squares) = 0.6442939908099473, 95 % CI 0.13649778570092674 to 1.705979015231652;
  // Poisson-only SE 0.3249431486797564 (effective phi 3.931455757441386).
  EXPECT_NEAR(d.did.rate_ratio, 0.4825581395348835, 1e-12);
  EXPECT_NEAR(d.did.log_se, 0.3249431486797564, 1e-12);
  EXPECT_NEAR(d.dispersion_treated, 4.0500000000000025, 1e-10);
  EXPECT_NEAR(d.dispersion_comparison, 2.9926590081255324, 1e-10);
  EXPECT_NEAR(d.dispersion, 3.931455757441386, 1e-10);
  EXPECT_NEAR(d.did_robust.rate_ratio, d.did.rate_ratio, 1e-15);
  EXPECT_NEAR(d.did_robust.log_se, 0.6442939908099473, 1e-10);
  EXPECT_NEAR(d.did_robust.ci_low, 0.13649778570092674, 1e-9);
  EXPECT_NEAR(d.did_robust.ci_high, 1.705979015231652, 1e-9);
  // The plain-words sentence uses the widened interval and says why.
  EXPECT_EQ(did_sentence(d, Language::en),
            "\u221252 % relative to comparison sectors, 95 % CI \u221286 % to +71 % (not "
            "distinguishable from no change; interval widened for overdispersion of the counts, "
            "\u03c6 = 3.93)");
  EXPECT_EQ(d.dispersion_block_weeks, 1);  // 6-week windows: weekly blocks
  EXPECT_NE(did_sentence(d, Language::es).find("ampliado por sobredispersión"), std::string::npos)
      << did_sentence(d, Language::es);
}

TEST(ProgramEvaluation, WeeklyDispersionByHand) {
  EXPECT_DOUBLE_EQ(weekly_dispersion({4, 4, 2, 2}), 0.0);  // perfectly even weeks
  // Halves {1, 3} and {5, 7}: chi2 = (1 + 1) / 2 + (1 + 1) / 6 = 4/3, df = 4 - 2.
  EXPECT_NEAR(weekly_dispersion({1, 3, 5, 7}), (4.0 / 3) / 2, 1e-15);
  EXPECT_EQ(weekly_dispersion({0, 0, 2, 2}), 1.0);  // empty half
  EXPECT_EQ(weekly_dispersion({1, 2, 3}), 1.0);     // not 2 x W
  EXPECT_EQ(weekly_dispersion({1, 2}), 1.0);        // one week per half: no df
  // Blocks of 2 weeks, 5 weeks per half: before {1+3, 2+2, 4} at 12/5 per week -> expected
  // {4.8, 4.8, 2.4}; after {0+0, 5+1, 4} at 10/5 -> {4, 4, 2}. df = 6 blocks - 2.
  const double chi2 = 0.64 / 4.8 + 0.64 / 4.8 + 2.56 / 2.4 + 16.0 / 4 + 4.0 / 4 + 4.0 / 2;
  EXPECT_NEAR(weekly_dispersion({1, 3, 2, 2, 4, 0, 0, 5, 1, 4}, 2), chi2 / 4, 1e-12);
  EXPECT_EQ(dispersion_block_weeks(52), 4);
  EXPECT_EQ(dispersion_block_weeks(8), 1);
}

TEST(ProgramEvaluation, PlainWordsSentencesInEnglishAndSpanish) {
  const RateRatio rr{0.69, 0.55, 0.86, 0.1};
  EXPECT_EQ(did_sentence(rr, 1, Language::en),
            "\u221231 % relative to comparison sectors, 95 % CI \u221245 % to \u221214 %");
  EXPECT_EQ(did_sentence(rr, 1, Language::es),
            "\u221231 % respecto a los sectores de comparación, IC 95 % \u221245 % a \u221214 %");
  const RateRatio flat{1.05, 0.9, 1.22, 0.1};
  EXPECT_EQ(did_sentence(flat, 1, Language::en),
            "+5 % relative to comparison sectors, 95 % CI \u221210 % to +22 % (not distinguishable "
            "from no change)");
  EXPECT_EQ(percent_change_text(1.0), "0 %");
}

TEST(ProgramEvaluation, SmallCountsGiveReasonsNotNumbers) {
  IncidentStore s;
  add(s, 0, 5, kRolloutDay - 28, kRolloutDay);  // treated before only: nothing after
  add(s, 1, 30, kRolloutDay - 28, kRolloutDay + 28);
  const ProgramEvaluation zero_after = evaluate_program(s, 3, IncidentFilter{}, request(4));
  ASSERT_FALSE(zero_after.did);
  EXPECT_EQ(zero_after.treated.before, 5);  // the counts are still reported
  EXPECT_EQ(zero_after.treated.after, 0);
  EXPECT_NE(
      eval_reason_text(zero_after.did.why, Language::en).find("treated sectors after rollout"),
      std::string::npos)
      << eval_reason_text(zero_after.did.why, Language::en);
  EXPECT_EQ(zero_after.did.why.code, EvalReason::zero_cell);
  EXPECT_EQ(zero_after.did.why.cell, EvalCell::treated_after);
  EXPECT_NE(eval_reason_text(zero_after.did.why, Language::es).find("después del inicio"),
            std::string::npos);

  const ProgramEvaluation no_comparison = evaluate_program(s, 3, IncidentFilter{}, request(4, {}));
  ASSERT_FALSE(no_comparison.did);
  EXPECT_NE(eval_reason_text(no_comparison.did.why, Language::en).find("no comparison sectors"),
            std::string::npos);

  EvaluationRequest short_pre = request(4);
  short_pre.data_from = (kRolloutDay - 10) * kSecondsPerDay;  // 10 days before rollout
  const ProgramEvaluation too_short = evaluate_program(s, 3, IncidentFilter{}, short_pre);
  EXPECT_TRUE(too_short.eligible.empty());
  ASSERT_EQ(too_short.excluded.size(), 1u);
  ASSERT_FALSE(too_short.did);
  EXPECT_NE(eval_reason_text(too_short.did.why, Language::en).find("too-short pre"),
            std::string::npos)
      << eval_reason_text(too_short.did.why, Language::en);
  EXPECT_FALSE(too_short.its);

  // A program that ended inside the after-window: the sector is excluded, with the reason.
  EvaluationRequest ended = request(4);
  ended.treated[0].end = (kRolloutDay + 20) * kSecondsPerDay;
  const ProgramEvaluation stopped = evaluate_program(s, 3, IncidentFilter{}, ended);
  ASSERT_EQ(stopped.excluded.size(), 1u);
  EXPECT_NE(
      eval_reason_text(stopped.excluded[0].second, Language::en).find("ended there on 2020-01-21"),
      std::string::npos)
      << eval_reason_text(stopped.excluded[0].second, Language::en);
  EXPECT_EQ(stopped.excluded[0].second.code, EvalReason::program_ended);
  EXPECT_FALSE(stopped.did);

  // A 4-week window is too short for the time series (6 periods needed on each side).
  EXPECT_FALSE(zero_after.its);
  EXPECT_NE(eval_reason_text(zero_after.its.why, Language::en).find("too-short pre-period"),
            std::string::npos);
}

// Knuth's multiplication method; fine for the small means used here.
int poisson(Random& rng, double mean) {
  const double limit = std::exp(-mean);
  int k = 0;
  for (double p = rng.uniform(); p > limit; p *= rng.uniform()) ++k;
  return k;
}

TEST(ProgramEvaluation, InterruptedTimeSeriesRecoversAKnownLevelChange) {
  // Three treated sectors, 104 weeks each side of a common rollout, weekly means with a mild
  // trend and yearly seasonality, multiplied by 0.6 from the rollout on (no slope change).
  Random rng(7);
  IncidentStore s;
  const int weeks = 104;
  const double base[] = {6, 9, 4};
  for (int32_t sec = 0; sec < 3; ++sec) {
    for (int k = -weeks; k < weeks; ++k) {
      const int64_t start = kRolloutDay + 7 * k;
      const double years = 7.0 * k / 365.2425;
      double mean =
          base[sec] *
          std::exp(0.05 * years + 0.3 * std::sin(6.283185307179586 * (start + 3.5) / 365.2425));
      if (k >= 0) mean *= 0.6;
      const int n = poisson(rng, mean);
      for (int i = 0; i < n; ++i) {
        s.push_back(0, 0, day_at(start + i % 7), 0, kHasTimeOfDay);
        s.sector.push_back(sec);
      }
    }
  }
  EvaluationRequest r = request(weeks, {});
  r.treated = {{0, kRolloutDay * kSecondsPerDay},
               {1, kRolloutDay * kSecondsPerDay},
               {2, kRolloutDay * kSecondsPerDay}};
  const ProgramEvaluation ev = evaluate_program(s, 3, IncidentFilter{}, r);
  ASSERT_TRUE(ev.its) << eval_reason_text(ev.its.why, Language::en);
  const ItsResult& its = *ev.its.value;
  EXPECT_EQ(its.observations, 3u * 2 * weeks);
  EXPECT_LT(its.level_change.ratio.ci_low, 0.6);
  EXPECT_GT(its.level_change.ratio.ci_high, 0.6);
  EXPECT_NEAR(its.level_change.ratio.rate_ratio, 0.6, 0.1);
  EXPECT_LT(its.slope_change.ratio.ci_low, 1.0);  // no true slope change
  EXPECT_GT(its.slope_change.ratio.ci_high, 1.0);
  ASSERT_EQ(its.series.size(), 2u * weeks);
  // After rollout the counterfactual is above what was fitted, by about 1/0.6.
  const ItsPoint& p = its.series[weeks + 10];
  EXPECT_EQ(p.relative_bin, 10);
  EXPECT_NEAR(p.fitted / p.counterfactual,
              its.level_change.ratio.rate_ratio *
                  std::exp(its.slope_change.estimate * (10.5 * 7 / 365.2425)),
              1e-9);
  EXPECT_LT(p.cf_low, p.counterfactual);
  EXPECT_GT(p.cf_high, p.counterfactual);
  // Before rollout the counterfactual is the fit itself.
  EXPECT_NEAR(its.series[5].fitted, its.series[5].counterfactual, 1e-9);
  // No comparison sectors: the DiD says so, the event study still pools the treated.
  EXPECT_FALSE(ev.did);
  ASSERT_TRUE(ev.event_study);
  EXPECT_EQ(ev.event_study.value->size(), 2u * weeks);
}

TEST(ProgramEvaluation, RequestFromProgramsResolvesNamesAndDefaultComparison) {
  SectorSet set;
  for (const char* n : {"A", "B", "C", "D", "E"}) set.sectors.push_back(Sector{n, {}, {}, 0, {}});
  std::vector<Program> programs(2);
  programs[0].name = "P1";
  programs[0].sectors = {{"A", 100 * kSecondsPerDay, {}}, {"B", 200 * kSecondsPerDay, {}}};
  programs[1].name = "P2";
  programs[1].sectors = {{"C", 150 * kSecondsPerDay, {}},
                         {"A", 50 * kSecondsPerDay, 400 * kSecondsPerDay}};
  const EvaluationRequest one = make_evaluation_request(set, programs, {"P1"}, {});
  ASSERT_EQ(one.treated.size(), 2u);
  EXPECT_EQ(one.comparison, (std::vector<size_t>{3, 4}));  // C is in another program: excluded
  const EvaluationRequest all = make_evaluation_request(set, programs, {}, {});
  EXPECT_EQ(all.label, "P1 + P2");
  ASSERT_EQ(all.treated.size(), 3u);
  EXPECT_EQ(all.treated[0].rollout, 50 * kSecondsPerDay);  // earliest rollout of A wins
  EXPECT_EQ(all.treated[0].end, 400 * kSecondsPerDay);     // with its end date
  EXPECT_EQ(make_evaluation_request(set, programs, {"P1"}, {"E", "C"}).comparison,
            (std::vector<size_t>{2, 4}));
  EXPECT_THROW(make_evaluation_request(set, programs, {"P9"}, {}), UsageError);
  EXPECT_THROW(make_evaluation_request(set, programs, {"P1"}, {"A"}), UsageError);
  EXPECT_THROW(make_evaluation_request(set, programs, {"P1"}, {"Z"}), UsageError);
}

}  // namespace
}  // namespace faro
