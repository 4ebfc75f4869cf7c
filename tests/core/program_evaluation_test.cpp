// Program evaluation: hand-computable difference in differences, the Poisson CI formula, the
// interrupted time series recovering a known level change from simulated counts, and the honest
// messages for small counts.
#include "core/program_evaluation.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "core/errors.hpp"
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
  ASSERT_TRUE(ev.did) << ev.did.reason;
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
  EXPECT_TRUE(d.caution_en.empty());
  EXPECT_NE(d.sentence_en.find("\u221260 % relative to comparison sectors, 95 % CI"),
            std::string::npos)
      << d.sentence_en;
}

TEST(ProgramEvaluation, PlainWordsSentencesInEnglishAndSpanish) {
  const RateRatio rr{0.69, 0.55, 0.86, 0.1};
  EXPECT_EQ(did_sentence_en(rr),
            "\u221231 % relative to comparison sectors, 95 % CI \u221245 % to \u221214 %");
  EXPECT_EQ(did_sentence_es(rr),
            "\u221231 % respecto a los sectores de comparación, IC 95 % \u221245 % a \u221214 %");
  const RateRatio flat{1.05, 0.9, 1.22, 0.1};
  EXPECT_EQ(did_sentence_en(flat),
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
  EXPECT_NE(zero_after.did.reason.find("treated sectors after rollout"), std::string::npos)
      << zero_after.did.reason;
  EXPECT_FALSE(zero_after.did.reason_es.empty());

  const ProgramEvaluation no_comparison = evaluate_program(s, 3, IncidentFilter{}, request(4, {}));
  ASSERT_FALSE(no_comparison.did);
  EXPECT_NE(no_comparison.did.reason.find("no comparison sectors"), std::string::npos);

  EvaluationRequest short_pre = request(4);
  short_pre.data_from = (kRolloutDay - 10) * kSecondsPerDay;  // 10 days before rollout
  const ProgramEvaluation too_short = evaluate_program(s, 3, IncidentFilter{}, short_pre);
  EXPECT_TRUE(too_short.eligible.empty());
  ASSERT_EQ(too_short.excluded.size(), 1u);
  ASSERT_FALSE(too_short.did);
  EXPECT_NE(too_short.did.reason.find("too-short pre"), std::string::npos) << too_short.did.reason;
  EXPECT_FALSE(too_short.its);

  // A program that ended inside the after-window: the sector is excluded, with the reason.
  EvaluationRequest ended = request(4);
  ended.treated[0].end = (kRolloutDay + 20) * kSecondsPerDay;
  const ProgramEvaluation stopped = evaluate_program(s, 3, IncidentFilter{}, ended);
  ASSERT_EQ(stopped.excluded.size(), 1u);
  EXPECT_NE(stopped.excluded[0].second.find("ended there on 2020-01-21"), std::string::npos)
      << stopped.excluded[0].second;
  EXPECT_FALSE(stopped.did);

  // A 4-week window is too short for the time series (6 periods needed on each side).
  EXPECT_FALSE(zero_after.its);
  EXPECT_NE(zero_after.its.reason.find("too-short pre-period"), std::string::npos);
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
  ASSERT_TRUE(ev.its) << ev.its.reason;
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
