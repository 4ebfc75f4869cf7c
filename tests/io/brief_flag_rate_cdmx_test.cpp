// Real CDMX data (firearm homicides and injuries 2019-2024, the 72 police sectors of 2023): how
// often the weekly brief flags a sector, before and after the seasonal baseline and the
// Benjamini-Hochberg control of core/weekly_brief_flags.hpp (issue 18: the earlier rule flagged
// about what chance alone gives). Prints the figures the README quotes; checks what the change
// is for. Every week from 2019-W06 (the 4 weeks before inside the data) to the last complete one.
#include <gtest/gtest.h>

#include <cstdio>

#include "core/polygon_index.hpp"
#include "core/weekly_brief.hpp"
#include "core/weekly_brief_flags.hpp"
#include "io/incident_loader.hpp"
#include "io/sector_loader.hpp"
#include "test_support.hpp"

namespace faro {
namespace {

// The rule before: z = 2(sqrt(week) - sqrt(mean_prev4)) beyond +-1.96 and the exact Poisson tail
// at the 4-week mean below 2.5 %; "new" from 3 after four empty weeks; no multiplicity control.
BriefFlag rule_before(int64_t week, double mean_prev4) {
  if (mean_prev4 <= 0) return week >= 3 ? BriefFlag::new_ : BriefFlag::none;
  const double z = change_z(week, mean_prev4);
  if (z >= 1.96 && poisson_upper_tail(week, mean_prev4) < 0.025) return BriefFlag::up;
  if (z <= -1.96 && poisson_lower_tail(week, mean_prev4) < 0.025) return BriefFlag::down;
  return BriefFlag::none;
}

struct Rate {
  int weeks = 0, flags = 0, weeks_flagged = 0, area_flags = 0;
  void add(int sector_flags, bool area) {
    ++weeks;
    flags += sector_flags;
    weeks_flagged += sector_flags > 0;
    area_flags += area;
  }
  double per_week() const { return static_cast<double>(flags) / weeks; }
  double share() const { return static_cast<double>(weeks_flagged) / weeks; }
};

struct Measured {
  Rate before, after;
  BriefFlag w2101_before = BriefFlag::none, w2101_after = BriefFlag::none;
};

Measured measure(const std::string& sectors_path, const std::string& incidents_path,
                 size_t expected_incidents /* 0: not checked */) {
  const SectorSet sectors = io::load_sectors(sectors_path, {}, "").sectors;
  EXPECT_EQ(sectors.size(), 72u);
  io::IncidentSourceOptions options;
  options.use_cache = false;
  io::IncidentLoadContext context;
  context.work_srs = sectors.work_srs;
  IncidentStore store = io::load_incidents(incidents_path, options, context).store;
  if (expected_incidents > 0) EXPECT_EQ(store.size(), expected_incidents);
  SectorIndex(sectors).assign(store);
  const IncidentFilter all;
  const std::optional<IsoWeek> last = last_complete_week(store);
  if (!last) {
    ADD_FAILURE() << "no complete week";
    return {};
  }

  Rate before, after;
  int seasonal_weeks = 0;
  double pearson = 0, pearson_df = 0;
  BriefFlag w2101_before = BriefFlag::none, w2101_after = BriefFlag::none;
  double w2101_factor = 0, w2101_p = 0;
  for (int64_t bin = week_bin_of({2019, 6}); bin <= week_bin_of(*last); ++bin) {
    const IsoWeek week = iso_week_of_bin(bin);
    const WeeklyBrief b = compute_weekly_brief(store, sectors, all, week);
    int old_flags = 0, new_flags = 0;
    for (const BriefRow& r : b.rows) {
      // Pearson dispersion of the 4 weeks before around their mean (sparkline[7..10]): 1 for
      // Poisson counts; above 1, Poisson p-values are too small.
      if (r.mean_prev4 > 0) {
        for (int i = 7; i <= 10; ++i) {
          const double d = static_cast<double>(r.sparkline[i]) - r.mean_prev4;
          pearson += d * d / r.mean_prev4;
        }
        pearson_df += 3;
      }
      old_flags += rule_before(r.week, r.mean_prev4) != BriefFlag::none;
      new_flags += r.flag != BriefFlag::none;
    }
    const BriefFlag area_before = rule_before(b.all.week, b.all.mean_prev4);
    before.add(old_flags, area_before != BriefFlag::none);
    after.add(new_flags, b.all.flag != BriefFlag::none);
    seasonal_weeks += b.baseline.seasonal();
    if (week.year == 2021 && week.week == 1) {
      w2101_before = area_before;
      w2101_after = b.all.flag;
      w2101_factor = b.baseline.factor;
      w2101_p = b.all.p_value;
    }
  }
  std::printf(
      "%s: %d weeks 2019-W06..%s (seasonal factor in %d of them)\n"
      "  before: %.3f sector flags a week, %.1f %% of weeks with one or more, whole area "
      "flagged %d weeks\n"
      "  after:  %.3f sector flags a week, %.1f %% of weeks with one or more, whole area "
      "flagged %d weeks\n"
      "  2021-W01 whole area: before '%s', after '%s' (factor %.3f, p %.3f)\n"
      "  dispersion of the sectors' 4 weeks before (Pearson, 1 = Poisson): %.2f\n",
      incidents_path.substr(incidents_path.rfind('/') + 1).c_str(), before.weeks,
      format_iso_week(*last).c_str(), seasonal_weeks, before.per_week(),
      100 * before.share(), before.area_flags, after.per_week(), 100 * after.share(),
      after.area_flags, to_string(w2101_before), to_string(w2101_after), w2101_factor, w2101_p,
      pearson_df > 0 ? pearson / pearson_df : 0.0);
  return {before, after, w2101_before, w2101_after};
}

TEST(BriefFlagRateCdmx, SeasonalBaselineAndBenjaminiHochbergBeforeAndAfter) {
  FARO_REQUIRE_SHARED(sectors, "cdmx-cuadrantes/sectores_2023.geojson");
  FARO_REQUIRE_SHARED(incidents, "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv");
  const Measured m = measure(sectors, incidents, 11850);
  // Benjamini-Hochberg at 10 %: when nothing changes, a week shows any flag with probability at
  // most about 10 %; the rule before flagged a sector in about half the weeks.
  EXPECT_LE(m.after.share(), 0.10);
  EXPECT_LT(m.after.per_week(), m.before.per_week());
  EXPECT_NE(m.w2101_after, BriefFlag::down);
}

// Every offence (about 1.3 million incidents; a minute or more): large weekly counts per sector,
// where real changes are detectable. Run with --gtest_also_run_disabled_tests.
TEST(BriefFlagRateCdmx, DISABLED_EveryOffenceBeforeAndAfter) {
  FARO_REQUIRE_SHARED(sectors, "cdmx-cuadrantes/sectores_2023.geojson");
  FARO_REQUIRE_SHARED(incidents, "cdmx-fgj-2019-2024/fgj_todos_cdmx_2019_2024.csv.gz");
  const Measured m = measure(sectors, incidents, 0);
  EXPECT_LT(m.after.per_week(), m.before.per_week());
}

}  // namespace
}  // namespace faro
