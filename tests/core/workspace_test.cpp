// compute_filter_result against a brute-force recount with IncidentFilter::accepts on the demo city
// (with some rows given no time of day and some placed outside every sector, to exercise those
// rules). The expected filter is built here from the names, independently of make_filter.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/aggregate.hpp"
#include "core/demo_city.hpp"
#include "core/workspace.hpp"

namespace faro {
namespace {

Workspace demo_workspace(int replicate = 1) {
  DemoCity city = generate_demo_city();
  Workspace ws;
  ws.sectors = std::move(city.sectors);
  ws.programs = std::move(city.programs);
  ws.synthetic = true;
  IncidentStore& in = city.incidents;
  // Every 7th row loses its time of day (midnight, flag cleared); every 11th lies in no sector.
  for (size_t i = 0; i < in.size(); ++i) {
    if (i % 7 == 3) {
      in.t[i] = days_of(in.t[i]) * kSecondsPerDay;
      in.flags[i] &= ~kHasTimeOfDay;
    }
    if (i % 11 == 5) in.sector[i] = kNoSector;
  }
  ws.incidents = in;
  for (int k = 1; k < replicate; ++k) {
    IncidentStore& out = ws.incidents;
    out.x.insert(out.x.end(), in.x.begin(), in.x.end());
    out.y.insert(out.y.end(), in.y.begin(), in.y.end());
    out.t.insert(out.t.end(), in.t.begin(), in.t.end());
    out.category.insert(out.category.end(), in.category.begin(), in.category.end());
    out.flags.insert(out.flags.end(), in.flags.begin(), in.flags.end());
    out.sector.insert(out.sector.end(), in.sector.begin(), in.sector.end());
  }
  return ws;
}

// The filter for `f`, built from the dictionaries by a linear search of names.
IncidentFilter expected_filter(const Workspace& ws, const FilterState& f) {
  IncidentFilter e;
  e.from = f.from;
  e.to_exclusive = f.to_exclusive;
  e.hour_mask = f.hour_mask;
  e.weekday_mask = f.weekday_mask;
  if (!f.categories.empty()) {
    e.categories.assign(ws.incidents.categories.size(), 0);
    for (size_t c = 0; c < ws.incidents.categories.size(); ++c)
      e.categories[c] = std::count(f.categories.begin(), f.categories.end(),
                                   ws.incidents.categories.names()[c]) > 0;
  }
  if (!f.sectors.empty()) {
    e.sectors.assign(ws.sectors.size(), 0);
    for (size_t s = 0; s < ws.sectors.size(); ++s)
      e.sectors[s] = std::count(f.sectors.begin(), f.sectors.end(), ws.sectors.sectors[s].name) > 0;
  }
  return e;
}

FilterResult brute_force(const Workspace& ws, const FilterState& f) {
  const IncidentStore& st = ws.incidents;
  const IncidentFilter all = expected_filter(ws, f);
  IncidentFilter no_cat = all, no_hour = all, no_wd = all;
  no_cat.categories.clear();
  no_hour.hour_mask = 0xFFFFFF;
  no_wd.weekday_mask = 0x7F;
  FilterResult r;
  r.per_sector.assign(ws.sectors.size() + 1, 0);
  r.per_category.assign(st.categories.size(), 0);
  r.per_hour.assign(24, 0);
  r.per_weekday.assign(7, 0);
  for (size_t i = 0; i < st.size(); ++i) {
    if (all.accepts(st, i)) {
      r.rows.push_back(static_cast<uint32_t>(i));
      ++r.per_sector[st.sector[i] < 0 ? ws.sectors.size() : st.sector[i]];
    }
    if (no_cat.accepts(st, i)) ++r.per_category[st.category[i]];
    if (no_hour.accepts(st, i) && (st.flags[i] & kHasTimeOfDay))
      ++r.per_hour[seconds_of_day(st.t[i]) / 3600];
    if (no_wd.accepts(st, i)) ++r.per_weekday[weekday_of_days(days_of(st.t[i]))];
  }
  r.total = static_cast<int64_t>(r.rows.size());
  return r;
}

void expect_same(const FilterResult& got, const FilterResult& want) {
  EXPECT_EQ(got.total, want.total);
  EXPECT_EQ(got.rows, want.rows);
  EXPECT_EQ(got.per_sector, want.per_sector);
  EXPECT_EQ(got.per_category, want.per_category);
  EXPECT_EQ(got.per_hour, want.per_hour);
  EXPECT_EQ(got.per_weekday, want.per_weekday);
}

CivilSeconds day(int y, int m, int d) {
  return days_from_civil(y, m, d) * kSecondsPerDay;
}

std::vector<FilterState> filter_cases(const Workspace& ws) {
  std::vector<FilterState> cases(7);
  // 0: no filter at all.
  // 1: a date range and one category.
  cases[1].from = day(2020, 3, 1);
  cases[1].to_exclusive = day(2022, 1, 1);
  cases[1].categories = {ws.incidents.categories.name(1)};
  // 2: Friday/Saturday nights: hours 20-23, weekdays 4-5 (rows with no time drop out).
  cases[2].hour_mask = 0xF00000;
  cases[2].weekday_mask = 0x30;
  // 3: three sectors by name plus a name this data does not have.
  cases[3].sectors = {ws.sectors.sectors[0].name, ws.sectors.sectors[5].name,
                      ws.sectors.sectors[40].name, "no such sector"};
  // 4: everything at once.
  cases[4] = cases[1];
  cases[4].categories.push_back(ws.incidents.categories.name(2));
  cases[4].hour_mask = 0x0000FF;
  cases[4].weekday_mask = 0x1F;
  cases[4].sectors = cases[3].sectors;
  // 5: only unknown category names: nothing passes, but the category counts still do.
  cases[5].categories = {"no such category"};
  // 6: an empty date range.
  cases[6].from = day(2021, 1, 1);
  cases[6].to_exclusive = day(2021, 1, 1);
  return cases;
}

TEST(Workspace, FilterResultMatchesBruteForceOnDemoCity) {
  Workspace ws = demo_workspace();
  ASSERT_GT(ws.incidents.size(), 10000u);
  ASSERT_GE(ws.incidents.categories.size(), 3u);
  int k = 0;
  for (const FilterState& f : filter_cases(ws)) {
    SCOPED_TRACE("case " + std::to_string(k++));
    expect_same(compute_filter_result(ws, f), brute_force(ws, f));
  }
}

TEST(Workspace, FilterCasesAreNotTrivial) {
  Workspace ws = demo_workspace();
  const auto cases = filter_cases(ws);
  const FilterResult none = brute_force(ws, cases[0]);
  EXPECT_EQ(none.total, static_cast<int64_t>(ws.incidents.size()));
  EXPECT_GT(none.per_sector.back(), 0);  // the rows placed outside every sector
  for (int c : {1, 2, 3, 4}) {
    const FilterResult r = brute_force(ws, cases[c]);
    EXPECT_GT(r.total, 0) << c;
    EXPECT_LT(r.total, none.total) << c;
  }
  EXPECT_EQ(brute_force(ws, cases[3]).per_sector.back(), 0);  // subset drops outside rows
  EXPECT_EQ(brute_force(ws, cases[5]).total, 0);
  EXPECT_EQ(brute_force(ws, cases[5]).per_category, none.per_category);
}

TEST(Workspace, ManyThreadsKeepRowsAscendingAndCountsExact) {
  Workspace ws = demo_workspace(20);  // ~300 k rows: several chunks
  ASSERT_GT(ws.incidents.size(), 250000u);
  const auto cases = filter_cases(ws);
  for (int c : {0, 2, 4}) {
    SCOPED_TRACE("case " + std::to_string(c));
    const FilterResult got = compute_filter_result(ws, cases[c]);
    EXPECT_TRUE(std::is_sorted(got.rows.begin(), got.rows.end()));
    expect_same(got, brute_force(ws, cases[c]));
  }
}

TEST(Workspace, MakeFilterAgreesWithAcceptsIncludingSectors) {
  Workspace ws = demo_workspace();
  const FilterState f = filter_cases(ws)[4];
  const IncidentFilter got = ws.make_filter(f), want = expected_filter(ws, f);
  EXPECT_EQ(got.categories, want.categories);
  EXPECT_EQ(got.sectors, want.sectors);
  EXPECT_EQ(got.hour_mask, want.hour_mask);
  EXPECT_EQ(got.weekday_mask, want.weekday_mask);
  EXPECT_EQ(got.from, want.from);
  EXPECT_EQ(got.to_exclusive, want.to_exclusive);
}

TEST(Workspace, EmptyWorkspaceGivesZeroSizedCounts) {
  const Workspace ws;
  const FilterResult r = compute_filter_result(ws, FilterState{});
  EXPECT_EQ(r.total, 0);
  EXPECT_TRUE(r.rows.empty());
  EXPECT_EQ(r.per_sector.size(), 1u);    // just the "outside" bin
  EXPECT_EQ(r.per_category.size(), 1u);  // code 0 = ""
  EXPECT_EQ(r.per_hour.size(), 24u);
  EXPECT_EQ(r.per_weekday.size(), 7u);
}

TEST(Workspace, UnassignedStoreCountsEverythingOutside) {
  Workspace ws = demo_workspace();
  ws.incidents.sector.clear();
  const FilterResult all = compute_filter_result(ws, FilterState{});
  EXPECT_EQ(all.total, static_cast<int64_t>(ws.incidents.size()));
  EXPECT_EQ(all.per_sector.back(), all.total);
  FilterState subset;
  subset.sectors = {ws.sectors.sectors[0].name};
  EXPECT_EQ(compute_filter_result(ws, subset).total, 0);
}

}  // namespace
}  // namespace faro
