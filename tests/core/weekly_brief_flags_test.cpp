// The weekly brief's flags (core/weekly_brief_flags.hpp): the exact tails against exact-fraction
// values, Benjamini-Hochberg against a hand computation, the seasonal factor on a synthetic city
// with a planted seasonal dip and a planted spike, its fallbacks, and the method's words.
#include "core/weekly_brief_flags.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>

namespace faro {
namespace {

// Reference values: Python's fractions.Fraction sums of comb(n, i) p^i (1-p)^(n-i).
TEST(BriefFlags, BinomialTailsMatchExactFractions) {
  EXPECT_DOUBLE_EQ(binomial_upper_tail(3, 5, 0.5), 0.5);  // 16 / 32
  EXPECT_NEAR(binomial_lower_tail(0, 16, 0.2), std::pow(0.8, 16), 1e-16);
  EXPECT_NEAR(binomial_upper_tail(18, 54, 0.2), 0.01494254549735304, 1e-14);
  EXPECT_NEAR(binomial_lower_tail(5, 61, 0.2), 0.010471454630600303, 1e-14);
  EXPECT_NEAR(binomial_upper_tail(15, 36, 0.125), 1.1734591968953563e-05, 1e-17);
  EXPECT_NEAR(binomial_upper_tail(660, 2000, 0.3), 0.0019847148575443665, 1e-14);
  EXPECT_NEAR(binomial_lower_tail(540, 2000, 0.3), 0.0016999153714120354, 1e-14);
  // Far from the mode on the near side: the complement, never an underflowed first term.
  EXPECT_DOUBLE_EQ(binomial_upper_tail(1, 10000, 0.5), 1.0);
  EXPECT_DOUBLE_EQ(binomial_lower_tail(9999, 10000, 0.5), 1.0);
  EXPECT_LT(binomial_lower_tail(1, 3000, 0.5), 1e-300);
  EXPECT_EQ(binomial_upper_tail(0, 7, 0.3), 1.0);
  EXPECT_EQ(binomial_upper_tail(8, 7, 0.3), 0.0);
  EXPECT_EQ(binomial_lower_tail(7, 7, 0.3), 1.0);
}

TEST(BriefFlags, TwoCountTestIsTheBinomialGivenTheSum) {
  // 0 this week after 16 in the 4 before, no season: P(0 | Binomial(16, 1/5)) = 0.8^16.
  const TwoCountTest t = two_count_poisson_test(0, 16, 0.2);
  EXPECT_NEAR(t.p_down, std::pow(0.8, 16), 1e-16);
  EXPECT_DOUBLE_EQ(t.p_up, 1.0);
  EXPECT_NEAR(t.p_two, 2 * std::pow(0.8, 16), 1e-16);
  // 3 after four empty weeks: P = 0.2^3 one-sided (a plug-in Poisson at rate 0 would say 0).
  EXPECT_NEAR(two_count_poisson_test(3, 0, 0.2).p_two, 2 * 0.008, 1e-15);
  EXPECT_DOUBLE_EQ(two_count_poisson_test(0, 0, 0.2).p_two, 1.0);  // nothing to test
  EXPECT_DOUBLE_EQ(two_count_poisson_test(2, 8, 0.2).p_two, 1.0);  // at the expected: capped
}

BriefRow row(const char* name, int64_t week, double mean_prev4) {
  BriefRow r;
  r.sector = name;
  r.week = week;
  r.mean_prev4 = mean_prev4;
  return r;
}

// Two-sided p (factor 1, share 1/5), from exact fractions: r1 5 against 56 in the 4 before
// 0.020942909261200605 (down), r2 18 against 36 0.02988509099470608 (up), r3 0 against 16
// 2 x 0.8^16 = 0.0562949953421312 (down), r4 18 against 52 0.2961653415196624, r5 0 against 4
// 2 x 0.8^4 = 0.8192; r6 and "(all)" have no incident in the 5 weeks: not tested, m = 5.
// By hand, q = 0.10, thresholds q k / m = 0.02, 0.04, 0.06, 0.08, 0.10 for the sorted p:
//   0.0209 > 0.02, 0.0299 <= 0.04, 0.0563 <= 0.06, 0.296 > 0.08, 0.819 > 0.10
// the largest k with p_(k) <= q k / m is 3: r1, r2 and r3 flagged, r1 although its own p is
// above its threshold (step-up). Counting the untested r6 (m = 6: 0.0167, 0.0333, 0.05) would
// stop at k = 2; counting r6 and "(all)" too (m = 7: 0.0143, 0.0286, 0.0429) would flag nothing.
TEST(BriefFlags, BenjaminiHochbergMatchesAHandComputation) {
  std::vector<BriefRow> rows = {row("r1", 5, 14),  row("r2", 18, 9), row("r3", 0, 4),
                                row("r4", 18, 13), row("r5", 0, 1),  row("r6", 0, 0)};
  BriefRow all = row("(all)", 0, 0);
  BriefBaseline baseline;  // factor 1
  flag_brief_rows(rows, all, baseline);
  EXPECT_NEAR(rows[0].p_value, 0.020942909261200605, 1e-13);
  EXPECT_NEAR(rows[1].p_value, 0.02988509099470608, 1e-13);
  EXPECT_NEAR(rows[2].p_value, 2 * std::pow(0.8, 16), 1e-15);
  EXPECT_NEAR(rows[3].p_value, 0.2961653415196624, 1e-13);
  EXPECT_NEAR(rows[4].p_value, 0.8192, 1e-13);
  EXPECT_EQ(rows[0].flag, BriefFlag::down);
  EXPECT_EQ(rows[1].flag, BriefFlag::up);
  EXPECT_EQ(rows[2].flag, BriefFlag::down);
  EXPECT_EQ(rows[3].flag, BriefFlag::none);
  EXPECT_EQ(rows[4].flag, BriefFlag::none);
  EXPECT_EQ(rows[5].flag, BriefFlag::none);
  EXPECT_EQ(all.flag, BriefFlag::none);
  EXPECT_EQ(baseline.tests, 5);
  EXPECT_EQ(baseline.flagged, 3);
  EXPECT_NEAR(baseline.expected_chance_flags(), 0.3, 1e-12);
  // Two more tested rows at their expected counts (p = 1): m = 7, and by the thresholds above
  // nothing is flagged any more. More tests, a stricter bar.
  rows.push_back(row("r7", 2, 2));
  rows.push_back(row("r8", 3, 3));
  flag_brief_rows(rows, all, baseline);
  EXPECT_DOUBLE_EQ(rows[6].p_value, 1.0);
  EXPECT_DOUBLE_EQ(rows[7].p_value, 1.0);
  EXPECT_EQ(baseline.tests, 7);
  EXPECT_EQ(baseline.flagged, 0);
  for (const BriefRow& r : rows) EXPECT_EQ(r.flag, BriefFlag::none) << r.sector;
}

TEST(BriefFlags, ExpectedIsTheMeanTimesTheFactorAndNewIsUpFromZero) {
  std::vector<BriefRow> rows = {row("a", 12, 5), row("b", 9, 0)};
  BriefRow all = row("(all)", 21, 5);
  BriefBaseline baseline;
  baseline.factor = 0.5;
  baseline.fallback = BaselineFallback::none;
  flag_brief_rows(rows, all, baseline);
  EXPECT_DOUBLE_EQ(rows[0].expected, 2.5);
  EXPECT_NEAR(rows[0].z, 2 * (std::sqrt(12.0) - std::sqrt(2.5)), 1e-12);
  ASSERT_TRUE(rows[0].pct_change);
  EXPECT_NEAR(*rows[0].pct_change, 100 * (12 - 2.5) / 2.5, 1e-9);
  // 12 against 20 in the 4 before at share 0.5 / 4.5 = 1/9: p_up = P(X >= 12 | Bin(32, 1/9)).
  EXPECT_NEAR(rows[0].p_value, 2 * binomial_upper_tail(12, 32, 1.0 / 9), 1e-15);
  EXPECT_EQ(rows[0].flag, BriefFlag::up);
  EXPECT_EQ(rows[1].flag, BriefFlag::new_);  // 9 after four empty weeks: 2 (1/9)^9
  EXPECT_FALSE(rows[1].pct_change);
}

// A synthetic city of 20 sectors, 6 incidents a week each, from 2021-W40 to 2024-W10; every
// year the weeks W52, W01 and W02 (the holidays) have 3 instead. For 2024-W01 each sector's 4
// weeks before are 6, 6, 6, 3 (mean 5.25) and the week has 3: a dip of 43 %, citywide 60
// against a mean of 105, that the 4-week mean alone reads as a fall and the season explains.
struct SeasonalCity {
  SectorSet sectors;
  IncidentStore store;
  explicit SeasonalCity(IsoWeek first, int spike = 0) {
    for (int s = 0; s < 20; ++s) sectors.sectors.push_back(Sector{"S" + std::to_string(s)});
    const uint16_t cat = store.categories.intern("disparos");
    for (int64_t bin = week_bin_of(first); bin <= week_bin_of({2024, 10}); ++bin) {
      const IsoWeek w = iso_week_of_bin(bin);
      const bool holiday = w.week >= 52 || w.week <= 2;
      const CivilSeconds wednesday = (days_of_iso_week(w.year, w.week) + 2) * kSecondsPerDay;
      for (int32_t s = 0; s < 20; ++s) {
        int n = holiday ? 3 : 6;
        if (s == 0 && w.year == 2024 && w.week == 1) n += spike;
        for (int i = 0; i < n; ++i) {
          store.push_back(0, 0, wednesday + 3600 * (i + 1), cat, kHasTimeOfDay);
          store.sector.push_back(s);
        }
      }
    }
  }
  WeeklyBrief brief() const { return compute_weekly_brief(store, sectors, {}, {2024, 1}); }
};

TEST(BriefFlags, ASeasonalDipIsNotFlagged) {
  const WeeklyBrief b = SeasonalCity({2021, 40}).brief();
  // Factor from 2022 and 2023: the windows W52..W02 (3 a week) against the 4 weeks before W01
  // (6, 6, 6, 3): 3 / 5.25.
  EXPECT_TRUE(b.baseline.seasonal());
  EXPECT_EQ(b.baseline.years, 2);
  EXPECT_EQ(b.baseline.season_incidents, 2 * 3 * 20 * 3);
  EXPECT_EQ(b.baseline.reference_incidents, 2 * 20 * 21);
  EXPECT_NEAR(b.baseline.factor, 3 / 5.25, 1e-12);
  EXPECT_EQ(b.all.week, 60);
  EXPECT_DOUBLE_EQ(b.all.mean_prev4, 105);
  EXPECT_NEAR(b.all.expected, 60, 1e-9);
  EXPECT_EQ(b.all.flag, BriefFlag::none);
  for (const BriefRow& r : b.rows) {
    EXPECT_NEAR(r.expected, 3, 1e-12) << r.sector;
    EXPECT_EQ(r.flag, BriefFlag::none) << r.sector;
  }
  EXPECT_EQ(b.baseline.flagged, 0);
  EXPECT_EQ(b.baseline.tests, 21);
}

TEST(BriefFlags, ARealSpikeInTheDipIsFlagged) {
  // Sector S0 has 15 in 2024-W01 where the season expects 3: P(>= 15 | Bin(36, 1/8)) = 1.2e-5.
  const WeeklyBrief b = SeasonalCity({2021, 40}, 12).brief();
  EXPECT_EQ(b.rows[0].week, 15);
  EXPECT_NEAR(b.rows[0].p_value, 2 * 1.1734591968953563e-05, 1e-12);
  EXPECT_EQ(b.rows[0].flag, BriefFlag::up);
  for (size_t i = 1; i < b.rows.size(); ++i) EXPECT_EQ(b.rows[i].flag, BriefFlag::none);
}

TEST(BriefFlags, ShortHistoryFallsBackToTheFourWeekMeanAndSaysSo) {
  // Data from 2023-W40: the windows of the previous year (2022-W48 on) are not covered.
  const WeeklyBrief b = SeasonalCity({2023, 40}).brief();
  EXPECT_EQ(b.baseline.fallback, BaselineFallback::short_history);
  EXPECT_EQ(b.baseline.years, 0);
  EXPECT_DOUBLE_EQ(b.baseline.factor, 1.0);
  EXPECT_DOUBLE_EQ(b.all.expected, 105);
  // The 4-week mean alone reads the holidays as a fall: 60 against 105 citywide.
  EXPECT_EQ(b.all.flag, BriefFlag::down);
  EXPECT_NE(brief_baseline_text(b, Language::en).find("No seasonal factor (the data do not cover"),
            std::string::npos)
      << brief_baseline_text(b, Language::en);
  EXPECT_NE(brief_baseline_text(b, Language::es).find("Sin factor de época (los datos no cubren"),
            std::string::npos)
      << brief_baseline_text(b, Language::es);
  // From 2022-W40 only the previous year is covered: one year of history is enough.
  const WeeklyBrief one = SeasonalCity({2022, 40}).brief();
  EXPECT_EQ(one.baseline.years, 1);
  EXPECT_NEAR(one.baseline.factor, 3 / 5.25, 1e-12);
}

TEST(BriefFlags, MethodWordsNameTheFactorTheYearsAndTheControl) {
  WeeklyBrief b = SeasonalCity({2021, 40}, 12).brief();
  const std::string es = brief_baseline_text(b, Language::es);
  const std::string en = brief_baseline_text(b, Language::en);
  EXPECT_NE(es.find("media 4 sem. × factor de época 0.57"), std::string::npos) << es;
  EXPECT_NE(es.find("2022–2023"), std::string::npos) << es;
  EXPECT_NE(en.find("mean 4 weeks × seasonal factor 0.57"), std::string::npos) << en;
  EXPECT_NE(en.find("the same ISO weeks ±1 of 2022–2023"), std::string::npos) << en;
  // Internal: the tests, the flags and the chance flags; partner-safe: none of those numbers.
  const std::string flags_en = brief_flags_text(b, Language::en, false);
  const int flagged = b.baseline.flagged;
  EXPECT_NE(flags_en.find("Benjamini–Hochberg at 10 % over 21 tests"), std::string::npos)
      << flags_en;
  ASSERT_GE(flagged, 1);  // S0, and "(all)" if its 72 against 60 passes too
  char chance[16];
  std::snprintf(chance, sizeof chance, "%.1f", 0.1 * flagged);
  EXPECT_NE(flags_en.find("flags: " + std::to_string(flagged) + ", ≤ " + chance + " of them"),
            std::string::npos)
      << flags_en;
  const std::string flags_es = brief_flags_text(b, Language::es, false);
  EXPECT_NE(flags_es.find("Benjamini–Hochberg al 10 % sobre 21 pruebas"), std::string::npos)
      << flags_es;
  const std::string partner = brief_flags_text(b, Language::en, true);
  EXPECT_EQ(partner.find("21"), std::string::npos) << partner;
  EXPECT_NE(partner.find("Benjamini–Hochberg (10 %)"), std::string::npos) << partner;
  EXPECT_NE(partner.find("at most 1 flag in 10 is chance"), std::string::npos) << partner;
  // Periods of several weeks name periods.
  b.span_weeks = 4;
  EXPECT_NE(brief_baseline_text(b, Language::es).find("media 4 periodos × factor de época"),
            std::string::npos);
  b.baseline.fallback = BaselineFallback::few_incidents;
  EXPECT_NE(brief_baseline_text(b, Language::en).find("fewer than 20 incidents"),
            std::string::npos)
      << brief_baseline_text(b, Language::en);
}

}  // namespace
}  // namespace faro
