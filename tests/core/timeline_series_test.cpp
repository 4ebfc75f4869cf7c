// Timeline series: counts per ISO week / month, groups with per-sector rates, rolling mean.
#include "core/timeline_series.hpp"

#include <gtest/gtest.h>

#include "core/errors.hpp"

namespace faro {
namespace {

CivilSeconds at(int y, int m, int d, int hh = 12) {
  return days_from_civil(y, m, d) * kSecondsPerDay + hh * 3600;
}

IncidentStore sample() {
  IncidentStore s;
  const uint16_t a = s.categories.intern("homicidio");
  const uint16_t b = s.categories.intern("lesiones");
  s.push_back(0, 0, at(2024, 1, 1), a, kHasTimeOfDay);   // Monday, ISO 2024-W01
  s.push_back(0, 0, at(2024, 1, 7), b, kHasTimeOfDay);   // Sunday, still W01
  s.push_back(0, 0, at(2024, 1, 8), a, kHasTimeOfDay);   // W02
  s.push_back(0, 0, at(2024, 1, 20), a, kHasTimeOfDay);  // W03
  s.push_back(0, 0, at(2024, 1, 21), a, kHasTimeOfDay);  // W03
  s.push_back(0, 0, at(2024, 2, 1), a, kHasTimeOfDay);   // W05, February
  s.sector = {0, 1, 2, 2, kNoSector, 0};
  return s;
}

TEST(TimelineSeries, WeeklyGroupsWithRatesPerSector) {
  TimelineRequest r;
  r.kind = BinKind::week;
  r.from = at(2024, 1, 1, 0);
  r.to_exclusive = at(2024, 2, 5, 0);  // through Sunday 2024-02-04: five ISO weeks
  r.rolling_window = 3;
  const std::vector<TimelineGroup> groups = {
      {"all", {}, true}, {"treated", {0}, false}, {"comparison", {1, 2}, false}};
  const Timeline tl = build_timeline(sample(), 3, IncidentFilter{}, r, groups);
  ASSERT_EQ(tl.bins, 5);
  EXPECT_EQ(tl.label(0), "2024-W01");
  EXPECT_EQ(tl.label(4), "2024-W05");
  EXPECT_EQ(tl.series[0].counts, (std::vector<double>{2, 1, 2, 0, 1}));  // includes "outside"
  EXPECT_EQ(tl.series[1].counts, (std::vector<double>{1, 0, 0, 0, 1}));
  EXPECT_EQ(tl.series[2].counts, (std::vector<double>{1, 1, 1, 0, 0}));
  EXPECT_EQ(tl.series[2].per_sector, (std::vector<double>{0.5, 0.5, 0.5, 0, 0}));
  EXPECT_DOUBLE_EQ(tl.series[0].total, 6);
  // Centred 3-bin mean, over the existing bins at the ends.
  EXPECT_DOUBLE_EQ(tl.series[0].rolling_mean[0], 1.5);
  EXPECT_DOUBLE_EQ(tl.series[0].rolling_mean[1], 5.0 / 3);
  EXPECT_DOUBLE_EQ(tl.series[0].rolling_mean[4], 0.5);
  EXPECT_EQ(tl.bin_at(at(2024, 1, 9)), 1);
  EXPECT_EQ(tl.bin_at(at(2023, 12, 31)), -1);
  EXPECT_EQ(tl.bin_starts.size(), 6u);
  EXPECT_EQ(tl.bin_starts[5], at(2024, 2, 5, 0));
}

TEST(TimelineSeries, MonthlyWithCategoryFilter) {
  IncidentStore s = sample();
  IncidentFilter f;
  f.categories.assign(s.categories.size(), 0);
  f.categories[*s.categories.find("homicidio")] = 1;
  TimelineRequest r;
  r.kind = BinKind::month;
  r.from = at(2024, 1, 1, 0);
  r.to_exclusive = at(2024, 3, 1, 0);
  const Timeline tl = build_timeline(s, 3, f, r, {{"all", {}, true}});
  ASSERT_EQ(tl.bins, 2);
  EXPECT_EQ(tl.label(1), "2024-02");
  EXPECT_EQ(tl.series[0].counts, (std::vector<double>{4, 1}));  // the Sunday "lesiones" is out
}

// The server path (a sector x period table, e.g. from PostGIS) gives the same timeline as
// counting the rows: groups, "(outside)" in `all` only, bins outside the request left out.
TEST(TimelineSeries, FromSectorPeriodCountsEqualsCountingTheRows) {
  const IncidentStore s = sample();
  TimelineRequest r;
  r.kind = BinKind::week;
  r.from = at(2024, 1, 8, 0);  // from W02: the W01 rows are in the table but not in the request
  r.to_exclusive = at(2024, 2, 5, 0);
  r.rolling_window = 3;
  const std::vector<TimelineGroup> groups = {
      {"all", {}, true}, {"treated", {0}, false}, {"comparison", {1, 2}, false}};
  IncidentFilter f;
  f.weekday_mask = 0x3F;  // no Sundays
  const SectorPeriodCounts table = count_by_sector_and_period(s, 3, BinKind::week, f);
  ASSERT_EQ(table.first_bin, bin_of(BinKind::week, at(2024, 1, 1)));
  const Timeline rows = build_timeline(s, 3, f, r, groups);
  const Timeline counted = build_timeline_from_counts(table, r, groups);
  ASSERT_EQ(counted.bins, rows.bins);
  EXPECT_EQ(counted.bin_starts, rows.bin_starts);
  for (size_t g = 0; g < groups.size(); ++g) {
    SCOPED_TRACE(groups[g].label);
    EXPECT_EQ(counted.series[g].counts, rows.series[g].counts);
    EXPECT_EQ(counted.series[g].per_sector, rows.series[g].per_sector);
    EXPECT_EQ(counted.series[g].rolling_mean, rows.series[g].rolling_mean);
    EXPECT_EQ(counted.series[g].total, rows.series[g].total);
  }
  EXPECT_EQ(counted.series[0].counts, (std::vector<double>{1, 1, 0, 1}));  // W02..W05, Sunday out
  // A table binned by another period is refused (an internal error, not a wrong picture).
  const SectorPeriodCounts months = count_by_sector_and_period(s, 3, BinKind::month, f);
  EXPECT_THROW(build_timeline_from_counts(months, r, groups), InternalError);
}

TEST(TimelineSeries, RollingMeanAndBadRequests) {
  EXPECT_EQ(rolling_mean({1, 2, 3, 4}, 1), (std::vector<double>{1, 2, 3, 4}));
  EXPECT_EQ(rolling_mean({3, 3, 3}, 4), (std::vector<double>{3, 3, 3}));  // even -> 5 wide
  EXPECT_TRUE(rolling_mean({}, 5).empty());
  TimelineRequest r;
  r.from = r.to_exclusive = at(2024, 1, 1);
  EXPECT_THROW(build_timeline(sample(), 3, IncidentFilter{}, r, {}), UsageError);
  r.to_exclusive = at(2024, 2, 1);
  r.kind = BinKind::none;
  EXPECT_THROW(build_timeline(sample(), 3, IncidentFilter{}, r, {}), UsageError);
}

}  // namespace
}  // namespace faro
