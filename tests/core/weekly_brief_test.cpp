#include "core/weekly_brief.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/errors.hpp"

namespace faro {
namespace {

CivilSeconds at(int y, int m, int d, int hh = 12) {
  return days_from_civil(y, m, d) * kSecondsPerDay + hh * 3600;
}
// Wednesday of an ISO week, noon.
CivilSeconds in_week(int iso_year, int week) {
  return (days_of_iso_week(iso_year, week) + 2) * kSecondsPerDay + 12 * 3600;
}

struct Fixture {
  SectorSet sectors;
  IncidentStore store;
  uint16_t shooting = 0, robbery = 0;

  explicit Fixture(std::vector<std::string> names) {
    for (auto& n : names) sectors.sectors.push_back(Sector{n, {}, {}, 0, {}});
    shooting = store.categories.intern("disparos");
    robbery = store.categories.intern("robo");
  }
  void add(int32_t sector, CivilSeconds t, int n = 1, bool robo = false) {
    for (int i = 0; i < n; ++i) {
      store.push_back(0, 0, t, robo ? robbery : shooting, kHasTimeOfDay);
      store.sector.push_back(sector);
    }
  }
  void add_week(int32_t sector, int iso_year, int week, int n) {
    add(sector, in_week(iso_year, week), n);
  }
};

// Sectors: A rises 3 -> 10 ("up"), B goes 1 -> 2 (not flagged), C from nothing to 3 ("new"),
// D falls 8 -> 0 ("down"), E falls 1 -> 0 (z = -2 but not flagged). The data start in 2023-W01:
// the previous year's windows are covered but hold too few incidents for a seasonal factor, so
// expected = mean_prev4. Two-sided p of the exact test (the week's count ~ Binomial(week + 4
// mean_prev4, 1/5)), worked out with exact fractions: A 0.0050005, B 0.689, C 2 x 0.2^3 =
// 0.016, D 2 x 0.8^32 = 0.0015846, E 2 x 0.8^4 = 0.8192, "(all)" (17 against 52) 0.410.
// Benjamini-Hochberg at 10 % over the 6 tests: D 0.0016 <= 0.1/6, A 0.0050 <= 0.2/6, C 0.016 <=
// 0.3/6; "(all)" 0.41 > 0.4/6: flagged A, C, D.
Fixture w07_fixture() {
  Fixture f({"A", "B", "C", "D", "E"});
  f.add_week(0, 2024, 7, 10);
  f.add_week(0, 2024, 6, 4);
  f.add_week(0, 2024, 5, 3);
  f.add_week(0, 2024, 4, 2);
  f.add_week(0, 2024, 3, 3);
  f.add_week(0, 2024, 1, 1);
  f.add(0, at(2023, 12, 31, 23));  // Sunday: 2023-W52, not in 2024's year-to-date
  f.add(0, at(2024, 2, 19, 0));    // Monday of W08: after the selected week
  f.add(0, at(2024, 2, 18, 23));   // Sunday night of W07: in it
  f.add_week(0, 2023, 7, 5);       // same week last year
  f.add_week(0, 2023, 1, 2);
  f.add_week(0, 2023, 8, 6);                     // after last year's year-to-date span
  f.add(0, in_week(2024, 7), 4, /*robo=*/true);  // removed by the category filter
  f.add_week(1, 2024, 7, 2);
  for (int w = 3; w <= 6; ++w) f.add_week(1, 2024, w, 1);
  f.add_week(2, 2024, 7, 3);
  for (int w = 3; w <= 6; ++w) f.add_week(3, 2024, w, 8);
  for (int w = 3; w <= 6; ++w) f.add_week(4, 2024, w, 1);
  f.add(kNoSector, in_week(2024, 7));  // in the area, in no sector
  return f;
}

IncidentFilter shootings_only(const Fixture& f) {
  IncidentFilter filter;
  filter.categories.assign(f.store.categories.size(), 0);
  filter.categories[f.shooting] = 1;
  filter.from = at(2024, 2, 12);  // time bounds are ignored by the brief
  filter.to_exclusive = at(2024, 2, 13);
  return filter;
}

TEST(WeeklyBrief, ParsesAndFormatsIsoWeeks) {
  ASSERT_TRUE(parse_iso_week("2024-W07"));
  EXPECT_EQ(parse_iso_week("2024-W07")->week, 7);
  EXPECT_EQ(parse_iso_week("2024w7")->year, 2024);
  EXPECT_TRUE(parse_iso_week("2020-W53"));   // 2020 has 53 ISO weeks
  EXPECT_FALSE(parse_iso_week("2021-W53"));  // 2021 has 52
  EXPECT_FALSE(parse_iso_week("2024-W00"));
  EXPECT_FALSE(parse_iso_week("2024-07"));
  EXPECT_FALSE(parse_iso_week("24-W07"));
  EXPECT_EQ(format_iso_week({2024, 7}), "2024-W07");
  EXPECT_EQ(iso_weeks_in_year(2026), 53);
  EXPECT_EQ(iso_week_of_bin(week_bin_of({2020, 53})).week, 53);
}

TEST(WeeklyBrief, LastCompleteWeekNeedsItsSunday) {
  Fixture f({"A"});
  f.add(0, at(2024, 2, 17, 9));  // Saturday of W07
  EXPECT_EQ(last_complete_week(f.store)->week, 6);
  f.add(0, at(2024, 2, 18, 22));  // Sunday of W07
  EXPECT_EQ(last_complete_week(f.store)->week, 7);
  f.add(0, at(2024, 2, 19, 1));  // Monday of W08
  EXPECT_EQ(last_complete_week(f.store)->week, 7);
  EXPECT_FALSE(last_complete_week(IncidentStore{}));
}

TEST(WeeklyBrief, CountsEveryComparisonWindow) {
  const Fixture f = w07_fixture();
  const WeeklyBrief b = compute_weekly_brief(f.store, f.sectors, shootings_only(f), {2024, 7});
  EXPECT_EQ(format_date(b.week_start), "2024-02-12");
  EXPECT_EQ(format_date(b.week_end_exclusive), "2024-02-19");
  ASSERT_EQ(b.rows.size(), 5u);
  const BriefRow& a = b.rows[0];
  EXPECT_EQ(a.week, 11);  // 10 + Sunday night; the Monday after and the robberies excluded
  EXPECT_EQ(a.prev_week, 4);
  EXPECT_DOUBLE_EQ(a.mean_prev4, 3.0);  // (4 + 3 + 2 + 3) / 4
  EXPECT_EQ(a.same_week_last_year, 5);
  EXPECT_EQ(a.ytd, 1 + 3 + 2 + 3 + 4 + 11);  // W01..W07 of 2024 (W02 empty)
  EXPECT_EQ(a.ytd_last_year, 2 + 5);         // W01..W07 of 2023, not W08
  EXPECT_EQ(b.baseline.fallback, BaselineFallback::few_incidents);
  EXPECT_EQ(b.baseline.years, 1);
  EXPECT_EQ(b.baseline.season_incidents, 5 + 6);  // 2023-W06..W08 (A's W07 and W08)
  EXPECT_EQ(b.baseline.reference_incidents, 0);   // 2023-W03..W06
  EXPECT_DOUBLE_EQ(b.baseline.factor, 1.0);
  EXPECT_DOUBLE_EQ(a.expected, 3.0);
  EXPECT_NEAR(a.z, 2 * (std::sqrt(11.0) - std::sqrt(3.0)), 1e-12);
  EXPECT_NEAR(a.p_value, 0.005000548652994747, 1e-12);
  EXPECT_EQ(a.flag, BriefFlag::up);
  ASSERT_TRUE(a.pct_change);
  EXPECT_NEAR(*a.pct_change, 100.0 * 8 / 3, 1e-9);
  // 2023-W48 .. 2024-W07; the Sunday 2023-12-31 falls in 2023-W52.
  EXPECT_EQ(a.sparkline, (std::vector<int64_t>{0, 0, 0, 0, 1, 1, 0, 3, 2, 3, 4, 11}));

  const BriefRow& small = b.rows[1];                // 1 -> 2 is "+100 %" but not significant
  EXPECT_NEAR(small.z, 0.8284271247461903, 1e-12);  // 2(sqrt 2 - 1)
  EXPECT_EQ(small.flag, BriefFlag::none);
  EXPECT_NEAR(*small.pct_change, 100.0, 1e-12);

  EXPECT_NEAR(small.p_value, 0.68928, 1e-12);
  EXPECT_EQ(b.rows[2].flag, BriefFlag::new_);
  EXPECT_NEAR(b.rows[2].p_value, 0.016, 1e-12);
  EXPECT_FALSE(b.rows[2].pct_change);                   // baseline zero: no percent change
  EXPECT_NEAR(b.rows[3].z, -5.656854249492381, 1e-12);  // -2 sqrt(8)
  EXPECT_EQ(b.rows[3].flag, BriefFlag::down);
  EXPECT_NEAR(b.rows[3].p_value, 2 * std::pow(0.8, 32), 1e-15);
  EXPECT_NEAR(b.rows[4].z, -2.0, 1e-12);
  EXPECT_EQ(b.rows[4].flag, BriefFlag::none);
  EXPECT_NEAR(b.rows[4].p_value, 0.8192, 1e-12);

  EXPECT_EQ(b.all.sector, "(all)");
  EXPECT_EQ(b.all.week, 11 + 2 + 3 + 0 + 0 + 1);  // sectors plus the one outside
  EXPECT_EQ(b.outside_week, 1);
  EXPECT_DOUBLE_EQ(b.all.mean_prev4, (12 + 4 + 32 + 4) / 4.0);
  EXPECT_NEAR(b.all.p_value, 0.4104266835940669, 1e-12);
  EXPECT_EQ(b.all.flag, BriefFlag::none);
  EXPECT_EQ(b.baseline.tests, 6);
  EXPECT_EQ(b.baseline.flagged, 3);
  ASSERT_EQ(b.timeline.size(), 52u);
  EXPECT_EQ(b.timeline.back(), b.all.week);
  EXPECT_EQ(iso_week_of_bin(b.timeline_first_bin).week, 8);  // 2023-W08 .. 2024-W07
  EXPECT_EQ(b.timeline.front(), 6);
}

TEST(WeeklyBrief, Week53AndTheYearBoundary) {
  Fixture f({"A"});
  f.add(0, at(2021, 1, 2), 3);    // Saturday: 2020-W53
  f.add(0, at(2021, 1, 4), 2);    // Monday: 2021-W01
  f.add(0, at(2019, 12, 31), 4);  // Tuesday: 2020-W01 (ISO year 2020)
  f.add(0, at(2019, 12, 25), 7);  // 2019-W52
  const IncidentFilter all;
  const WeeklyBrief w1 = compute_weekly_brief(f.store, f.sectors, all, {2021, 1});
  EXPECT_EQ(w1.rows[0].week, 2);
  EXPECT_EQ(w1.rows[0].prev_week, 3);  // 2020-W53
  EXPECT_EQ(w1.rows[0].same_week_last_year, 4);
  EXPECT_EQ(w1.rows[0].ytd, 2);
  EXPECT_EQ(w1.rows[0].ytd_last_year, 4);
  // 2020-W53 compares with 2019's last week (2019 has no week 53).
  const WeeklyBrief w53 = compute_weekly_brief(f.store, f.sectors, all, {2020, 53});
  EXPECT_EQ(w53.rows[0].week, 3);
  EXPECT_EQ(w53.rows[0].same_week_last_year, 7);
  EXPECT_EQ(w53.rows[0].ytd, 3 + 4);        // 2020-W01 .. W53
  EXPECT_EQ(w53.rows[0].ytd_last_year, 7);  // 2019-W01 .. W52
  EXPECT_THROW(compute_weekly_brief(f.store, f.sectors, all, {2021, 53}), std::invalid_argument);
}

// Reference values from scipy.stats.poisson (sf, cdf), scipy 1.10.
TEST(WeeklyBrief, PoissonTailsMatchScipy) {
  EXPECT_NEAR(poisson_upper_tail(10, 3), 0.0011024881301154815, 1e-14);
  EXPECT_NEAR(poisson_upper_tail(4, 1), 0.01898815687615381, 1e-14);
  EXPECT_NEAR(poisson_upper_tail(1200, 1100), 0.0015312855782821726, 1e-12);
  EXPECT_NEAR(poisson_lower_tail(0, 8), 0.0003354626279025119, 1e-15);
  EXPECT_NEAR(poisson_lower_tail(0, 1), 0.36787944117144245, 1e-15);
  EXPECT_NEAR(poisson_lower_tail(40, 60), 0.003982809502272968, 1e-13);
}

TEST(WeeklyBrief, SortsByAnyColumnAndWritesCsv) {
  const Fixture f = w07_fixture();
  WeeklyBrief b = compute_weekly_brief(f.store, f.sectors, shootings_only(f), {2024, 7});
  sort_brief_rows(b.rows, BriefColumn::z, true);
  EXPECT_EQ(b.rows.front().sector, "C");  // z = 2 sqrt(3) = 3.46 beats A's 3.17
  EXPECT_EQ(b.rows.back().sector, "D");
  sort_brief_rows(b.rows, BriefColumn::pct_change, true);
  EXPECT_EQ(b.rows.front().sector, "A");
  EXPECT_EQ(b.rows.back().sector, "C");  // no percent change: last either way
  sort_brief_rows(b.rows, BriefColumn::pct_change, false);
  EXPECT_EQ(b.rows.back().sector, "C");
  sort_brief_rows(b.rows, BriefColumn::sector, false);
  EXPECT_EQ(b.rows.front().sector, "A");
  ASSERT_TRUE(parse_brief_column("same_week_last_year"));
  EXPECT_FALSE(parse_brief_column("nope"));

  const std::string csv = weekly_brief_csv(b);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "sector,week,prev_week,mean_prev4,same_week_last_year,ytd,ytd_last_year,z,flag,"
            "pct_change");
  EXPECT_NE(csv.find("\nA,11,4,3.000,5,24,7,3.169,up,266.7\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\nC,3,0,0.000,0,3,0,3.464,new,\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\n(all),17,"), std::string::npos) << csv;
}

TEST(WeeklyBrief, WeekIncidentsAndRolloutMarkers) {
  const Fixture f = w07_fixture();
  const IncidentFilter filter = shootings_only(f);
  const WeeklyBrief b = compute_weekly_brief(f.store, f.sectors, filter, {2024, 7});
  const IncidentStore week = week_incidents(f.store, filter, b);
  EXPECT_EQ(static_cast<int64_t>(week.size()), b.all.week);  // robberies and other weeks dropped
  ASSERT_EQ(week.sector.size(), week.size());
  for (size_t i = 0; i < week.size(); ++i) {
    EXPECT_GE(week.t[i], b.week_start);
    EXPECT_LT(week.t[i], b.week_end_exclusive);
  }

  Program p;
  p.name = "Alto al Fuego";
  p.sectors = {{"A", at(2024, 2, 12, 0), {}},   // Monday of the selected week: last offset
               {"B", at(2024, 2, 18, 0), {}},   // Sunday of the same week
               {"C", at(2023, 3, 1, 0), {}},    // 2023-W09: offset 1 (the window starts at W08)
               {"D", at(2023, 2, 20, 0), {}}};  // 2023-W08 Monday: offset 0
  Program q;
  q.name = "Antes";
  q.sectors = {{"E", at(2022, 6, 1, 0), {}}};  // before the window: no marker
  const auto m = rollout_markers({p, q}, b);
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].week_offset, 0);
  EXPECT_EQ(m[1].week_offset, 1);
  EXPECT_EQ(m[2].week_offset, 51);
  EXPECT_EQ(m[2].sectors, 2);
  EXPECT_EQ(m[2].program, "Alto al Fuego");
}

TEST(WeeklyBrief, MeetingOrderPutsEveryFlaggedUnitFirst) {
  const Fixture f = w07_fixture();
  WeeklyBrief b = compute_weekly_brief(f.store, f.sectors, shootings_only(f), IsoWeek{2024, 7});
  // z: A 3.17 (up), B 0.83, C 3.46 (new), D -5.66 (down), E -2 (not flagged: above B and
  // below every flagged unit).
  order_brief_rows_by_change(b.rows);
  std::vector<std::string> order;
  for (const BriefRow& r : b.rows) order.push_back(r.sector);
  // up / new first (C before A by |z|), then down (D, the largest |z| of all), then the unflagged
  // by |z| (E, B).
  EXPECT_EQ(order, (std::vector<std::string>{"C", "A", "D", "E", "B"}));
  for (size_t i = 1; i < b.rows.size(); ++i)
    EXPECT_LE(brief_flag_rank(b.rows[i - 1].flag), brief_flag_rank(b.rows[i].flag));
  // Sorting by the flag column is the same order; ascending reverses it.
  std::reverse(b.rows.begin(), b.rows.end());
  sort_brief_rows(b.rows, BriefColumn::flag, true);
  EXPECT_EQ(b.rows.front().sector, "C");
  EXPECT_EQ(b.rows.back().sector, "B");
  sort_brief_rows(b.rows, BriefColumn::flag, false);
  EXPECT_EQ(b.rows.front().sector, "B");
  // Units whose change a partner brief hides go last, by name, whatever their flag.
  order_brief_rows_by_change(
      b.rows, [](const BriefRow& r) { return r.sector == "A" || r.sector == "B"; });
  order.clear();
  for (const BriefRow& r : b.rows) order.push_back(r.sector);
  EXPECT_EQ(order, (std::vector<std::string>{"C", "D", "E", "A", "B"}));
}

TEST(WeeklyBrief, AWeekOutsideTheDataIsADataErrorNamingTheRange) {
  const Fixture f = w07_fixture();  // 2023-01-04 .. 2024-02-19
  EXPECT_NO_THROW(check_week_in_data(f.store, IsoWeek{2024, 7}, Language::en));
  EXPECT_NO_THROW(check_week_in_data(f.store, IsoWeek{2024, 8}, Language::en));  // its Monday
  EXPECT_NO_THROW(check_week_in_data(f.store, IsoWeek{2023, 1}, Language::en));
  for (IsoWeek w : {IsoWeek{2024, 9}, IsoWeek{2030, 1}, IsoWeek{2022, 52}}) {
    try {
      check_week_in_data(f.store, w, Language::en);
      ADD_FAILURE() << format_iso_week(w) << " accepted";
    } catch (const DataError& e) {
      const std::string m = e.what();
      EXPECT_NE(m.find(format_iso_week(w)), std::string::npos) << m;
      EXPECT_NE(m.find("2023-01-04"), std::string::npos) << m;
      EXPECT_NE(m.find("2024-02-19"), std::string::npos) << m;
    }
  }
  try {
    check_week_in_data(f.store, IsoWeek{2030, 1}, Language::es);
    ADD_FAILURE();
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("fuera de los datos"), std::string::npos) << e.what();
  }
  EXPECT_THROW(check_week_in_data(IncidentStore{}, IsoWeek{2024, 7}, Language::en), DataError);
}

}  // namespace
}  // namespace faro
