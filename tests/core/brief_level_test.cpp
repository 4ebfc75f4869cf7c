// The partner brief's level (core/brief_level.hpp): the pure level choice, the groupings, and on
// random sparse cities at every level of the ladder (periods of 1, 4 and 13 weeks, per sector and
// per group) the partner-safe properties: no printed count in 1..k-1, derived values hidden with
// their counts, and an audit by linear algebra written from the week ranges alone: every printed
// number is a sum of weekly counts of one row (or of every row, for "(all)"), and no hidden small
// count is a linear combination of printed ones.
#include "core/brief_level.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>
#include <set>
#include <stdexcept>

namespace faro {
namespace {

struct City {
  SectorSet sectors;
  IncidentStore store;
};

// `n` sectors in `groups` alcaldías, weekly Poisson counts at rates 0.05..`max_rate` over
// 2022-W01..2024-W20, plus a few incidents in no sector.
City random_city(std::mt19937& rng, int n, int groups, double max_rate) {
  City c;
  c.sectors.attribute_names = {"zona", "Alcaldia"};
  for (int s = 0; s < n; ++s) {
    c.sectors.sectors.push_back(Sector{"S" + std::to_string(s), {}, {}, 0, {}});
    c.sectors.attributes.push_back({"Z", "A" + std::to_string(s % groups)});
  }
  const uint16_t cat = c.store.categories.intern("disparos");
  std::uniform_real_distribution<double> rate(0.05, max_rate);
  for (int s = -1; s < n; ++s) {
    std::poisson_distribution<int> count(s < 0 ? 0.3 : rate(rng));
    for (int64_t day = days_of_iso_week(2022, 1); day < days_of_iso_week(2024, 21); day += 7) {
      const int k = count(rng);
      for (int i = 0; i < k; ++i) {
        c.store.push_back(0, 0, (day + 2) * kSecondsPerDay + 43200, cat, kHasTimeOfDay);
        c.store.sector.push_back(s < 0 ? kNoSector : s);
      }
    }
  }
  return c;
}

// A printed or hidden number as a reader sees it: the sum of weekly counts [first, last] of one
// base row (a unit, or the "in no unit" row), or of all base rows ("(all)", row = -1).
struct Item {
  int row;
  int64_t first, last, value;
  bool hidden;
};

std::vector<Item> items_of(const WeeklyBrief& b, const BriefProtection& p) {
  const int64_t n = b.span_weeks, sel = b.sel_bin;
  const auto period = [&](int64_t q) { return std::pair{sel - (q + 1) * n + 1, sel - q * n}; };
  std::vector<Item> out;
  const auto add_row = [&](const BriefRow& r, int row) {
    const BriefRowMask& m = p.mask(r);
    out.push_back({row, period(0).first, sel, r.week, m.week});
    out.push_back({row, period(1).first, period(1).second, r.prev_week, m.prev_week});
    out.push_back({row, period(4).first, period(1).second, std::llround(r.mean_prev4 * 4),
                   m.mean_prev4});
    out.push_back({row, b.ly_sel_bin - n + 1, b.ly_sel_bin, r.same_week_last_year,
                   m.same_week_last_year});
    out.push_back({row, b.ytd_first_bin, sel, r.ytd, m.ytd});
    out.push_back({row, b.ly_ytd_first_bin, b.ly_sel_bin, r.ytd_last_year, m.ytd_last_year});
    const size_t S = r.sparkline.size();
    for (size_t j = 0; j < S; ++j) {
      const auto [a, z] = period(static_cast<int64_t>(S - 1 - j));
      out.push_back({row, a, z, r.sparkline[j], m.sparkline[j] != 0});
    }
  };
  for (const BriefRow& r : b.rows) add_row(r, r.sector_index);
  add_row(b.all, -1);
  const int64_t T = static_cast<int64_t>(b.timeline.size());
  for (int64_t i = 0; i < T; ++i) {
    const auto [a, z] = period(T - 1 - i);
    out.push_back({-1, a, z, b.timeline[i], p.timeline_hidden[i] != 0});
  }
  // The note under the table prints the week's count in no unit.
  out.push_back({static_cast<int>(b.rows.size()), period(0).first, sel, b.outside_week,
                 p.outside_week_hidden});
  return out;
}

// The hidden counts in 1..k-1 that the printed items determine (should be none). Variables are
// the counts of one base row over an "atom": a maximal run of weeks no item boundary splits.
std::vector<std::string> determined_small_counts(const WeeklyBrief& b, const BriefProtection& p,
                                                 int k) {
  const std::vector<Item> items = items_of(b, p);
  std::set<int64_t> cuts;  // atom starts
  for (const Item& it : items) cuts.insert(it.first), cuts.insert(it.last + 1);
  const std::vector<int64_t> starts(cuts.begin(), cuts.end());
  const size_t atoms = starts.size() - 1, rows = b.rows.size() + 1, vars = atoms * rows;
  const auto functional = [&](const Item& it) {
    std::vector<double> f(vars, 0);
    for (size_t a = 0; a < atoms; ++a) {
      if (starts[a] < it.first || starts[a + 1] - 1 > it.last) continue;
      for (size_t r = 0; r < rows; ++r)
        if (it.row < 0 || static_cast<size_t>(it.row) == r) f[r * atoms + a] = 1;
    }
    return f;
  };
  // Reduced row echelon form of the printed items.
  std::vector<std::vector<double>> eq;
  for (const Item& it : items)
    if (!it.hidden) eq.push_back(functional(it));
  std::vector<size_t> pivots;
  size_t rank = 0;
  for (size_t c = 0; c < vars && rank < eq.size(); ++c) {
    size_t piv = rank;
    for (size_t r = rank; r < eq.size(); ++r)
      if (std::abs(eq[r][c]) > std::abs(eq[piv][c])) piv = r;
    if (std::abs(eq[piv][c]) < 1e-9) continue;
    std::swap(eq[piv], eq[rank]);
    const double d = eq[rank][c];
    for (double& v : eq[rank]) v /= d;
    for (size_t r = 0; r < eq.size(); ++r)
      if (r != rank && std::abs(eq[r][c]) > 1e-12) {
        const double f = eq[r][c];
        for (size_t j = c; j < vars; ++j) eq[r][j] -= f * eq[rank][j];
      }
    pivots.push_back(c);
    ++rank;
  }
  std::vector<std::string> found;
  for (const Item& it : items) {
    if (!it.hidden || it.value < 1 || it.value >= k) continue;
    std::vector<double> f = functional(it);
    for (size_t r = 0; r < rank; ++r) {
      const double coef = f[pivots[r]];
      if (std::abs(coef) > 1e-12)
        for (size_t j = 0; j < vars; ++j) f[j] -= coef * eq[r][j];
    }
    bool zero = true;
    for (double v : f) zero = zero && std::abs(v) < 1e-7;
    if (zero)
      found.push_back("row " + std::to_string(it.row) + " weeks " + std::to_string(it.first) +
                      ".." + std::to_string(it.last) + " = " + std::to_string(it.value));
  }
  return found;
}

void expect_partner_safe(const WeeklyBrief& b, const BriefProtection& p, int k,
                         const std::string& where) {
  std::vector<const BriefRow*> rows{&b.all};
  for (const BriefRow& r : b.rows) rows.push_back(&r);
  const auto ok = [&](int64_t v, bool hidden) { return hidden || v == 0 || v >= k; };
  for (const BriefRow* r : rows) {
    const BriefRowMask& m = p.mask(*r);
    EXPECT_TRUE(ok(r->week, m.week)) << where << " " << r->sector;
    EXPECT_TRUE(ok(r->prev_week, m.prev_week)) << where;
    EXPECT_TRUE(ok(std::llround(r->mean_prev4 * 4), m.mean_prev4)) << where;
    EXPECT_TRUE(ok(r->same_week_last_year, m.same_week_last_year)) << where;
    EXPECT_TRUE(ok(r->ytd, m.ytd)) << where;
    EXPECT_TRUE(ok(r->ytd_last_year, m.ytd_last_year)) << where;
    for (size_t j = 0; j < r->sparkline.size(); ++j)
      EXPECT_TRUE(ok(r->sparkline[j], m.sparkline[j])) << where;
    EXPECT_EQ(m.derived, m.week || m.mean_prev4) << where;
  }
  for (size_t i = 0; i < b.timeline.size(); ++i)
    EXPECT_TRUE(ok(b.timeline[i], p.timeline_hidden[i])) << where;
  for (const std::string& d : determined_small_counts(b, p, k))
    ADD_FAILURE() << where << ": " << d << " recoverable";
}

TEST(BriefLevel, ChoosesTheFinestLevelPublishingEnough) {
  const std::vector<BriefLevel> ladder = brief_level_ladder(true);
  ASSERT_EQ(ladder.size(), 6u);
  EXPECT_EQ(ladder[0], (BriefLevel{1, false}));
  EXPECT_EQ(ladder[2], (BriefLevel{13, false}));
  EXPECT_EQ(ladder[3], (BriefLevel{1, true}));
  EXPECT_EQ(brief_level_ladder(false).size(), 3u);

  const auto cov = [](int span, bool grouped, int64_t published, int64_t total) {
    return LevelCoverage{{span, grouped}, published, total};
  };
  // Time first: 4 weeks per sector reaches 60 % before a week per alcaldía is looked at.
  EXPECT_EQ(choose_brief_level({cov(1, false, 10, 100), cov(4, false, 240, 400),
                                cov(13, false, 1200, 1300), cov(1, true, 90, 100)}),
            1u);
  EXPECT_EQ(choose_brief_level({cov(1, false, 60, 100)}), 0u);  // exactly 60 % is enough
  // None reaches it: the largest share, the finest of equals.
  EXPECT_EQ(choose_brief_level({cov(1, false, 10, 100), cov(4, false, 50, 100),
                                cov(13, false, 50, 100)}),
            1u);
  EXPECT_EQ(choose_brief_level({cov(1, false, 0, 0)}), 0u);  // an empty week hides nothing
  EXPECT_DOUBLE_EQ(cov(1, false, 0, 0).share(), 1.0);
  EXPECT_THROW(choose_brief_level({}), std::invalid_argument);
  EXPECT_EQ(choose_brief_level({cov(1, false, 10, 100), cov(4, false, 55, 100)}, 0.5), 1u);
}

TEST(BriefLevel, GroupsSectorsByAnAlcaldiaLikeField) {
  std::mt19937 rng(1);
  City c = random_city(rng, 7, 3, 1.0);
  ASSERT_EQ(default_group_attribute(c.sectors), std::optional<size_t>(1));  // "Alcaldia", not zona
  c.sectors.attributes[6][1] = "";  // a sector with no alcaldía belongs to no group
  const BriefUnits u = group_units(c.sectors, 1);
  EXPECT_EQ(u.group_field, "Alcaldia");
  EXPECT_EQ(u.names, (std::vector<std::string>{"A0", "A1", "A2"}));
  EXPECT_EQ(u.of_sector, (std::vector<int32_t>{0, 1, 2, 0, 1, 2, -1}));
  // Its incidents count as in no unit; the groups' rows add up with them to "(all)".
  const WeeklyBrief b = compute_weekly_brief(c.store, c.sectors, u, IncidentFilter{}, {2024, 18}, 4);
  int64_t sum = b.outside_week;
  for (const BriefRow& r : b.rows) sum += r.week;
  EXPECT_EQ(sum, b.all.week);
  // "In no unit" = sector 6 plus the incidents in no sector, over the period's four weeks.
  int64_t expected = 0;
  for (int w = 15; w <= 18; ++w) {
    const WeeklyBrief one = compute_weekly_brief(c.store, c.sectors, IncidentFilter{}, {2024, w});
    expected += one.rows[6].week + one.outside_week;
  }
  EXPECT_EQ(b.outside_week, expected);
  // No alcaldía-like field: no default grouping.
  c.sectors.attribute_names = {"zona", "color"};
  EXPECT_FALSE(default_group_attribute(c.sectors).has_value());
}

TEST(BriefLevel, PeriodsAreSumsOfWeeks) {
  std::mt19937 rng(3);
  const City c = random_city(rng, 4, 2, 3.0);
  const WeeklyBrief q =
      compute_weekly_brief(c.store, c.sectors, sector_units(c.sectors), IncidentFilter{},
                           {2024, 20}, 4);
  std::vector<int64_t> weekly;  // sector 0, weeks 2024-W01..W20
  for (int w = 1; w <= 20; ++w)
    weekly.push_back(
        compute_weekly_brief(c.store, c.sectors, IncidentFilter{}, {2024, w}).rows[0].week);
  const auto sum = [&](int a, int z) {  // ISO weeks a..z of 2024
    int64_t t = 0;
    for (int w = a; w <= z; ++w) t += weekly[w - 1];
    return t;
  };
  EXPECT_EQ(q.rows[0].week, sum(17, 20));
  EXPECT_EQ(q.rows[0].prev_week, sum(13, 16));
  EXPECT_DOUBLE_EQ(q.rows[0].mean_prev4, sum(1, 16) / 4.0);
  EXPECT_EQ(q.rows[0].ytd, sum(1, 20));
  EXPECT_EQ(q.rows[0].sparkline.back(), q.rows[0].week);
  EXPECT_EQ(q.timeline.size(), 13u);  // 52 weeks in 4-week bars
  EXPECT_EQ(q.timeline.back(), q.all.week);
  EXPECT_EQ(q.week_start, compute_weekly_brief(c.store, c.sectors, IncidentFilter{}, {2024, 17})
                              .week_start);
}

TEST(BriefLevel, EveryLevelIsPartnerSafeOnRandomCities) {
  std::mt19937 rng(20241229);
  DisclosurePolicy policy;
  size_t hidden = 0;
  for (int trial = 0; trial < 30; ++trial) {
    const City c = random_city(rng, 3 + trial % 7, 2 + trial % 3, 0.4 + 0.2 * (trial % 5));
    const BriefUnits groups = group_units(c.sectors, 1);
    const IsoWeek week{2024, trial % 2 ? 1 + trial % 12 : 13 + trial % 8};
    for (const BriefLevel& level : brief_level_ladder(true)) {
      const WeeklyBrief b =
          compute_weekly_brief(c.store, c.sectors, level.grouped ? groups : sector_units(c.sectors),
                               IncidentFilter{}, week, level.span_weeks);
      const BriefProtection p = protect_weekly_brief(b, policy);
      hidden += p.hidden_values;
      expect_partner_safe(b, p, policy.k,
                          "trial " + std::to_string(trial) + " W" + std::to_string(week.week) +
                              " span " + std::to_string(level.span_weeks) +
                              (level.grouped ? " grouped" : ""));
    }
  }
  EXPECT_GT(hidden, 100u);
}

TEST(BriefLevel, SparseCitiesCoarsenUntilMostIsPublished) {
  std::mt19937 rng(52);
  DisclosurePolicy policy;
  const City sparse = random_city(rng, 12, 3, 0.9);
  const BriefUnits groups = group_units(sparse.sectors, 1);
  const LevelledBrief lb = compute_levelled_brief(sparse.store, sparse.sectors, &groups,
                                                  IncidentFilter{}, {2024, 19}, policy);
  ASSERT_FALSE(lb.tried.empty());
  EXPECT_GT(lb.chosen, 0u);  // a week per sector publishes little here
  EXPECT_LT(lb.tried[0].share(), kBriefMinPublishedShare);
  EXPECT_GE(lb.tried[lb.chosen].share(), kBriefMinPublishedShare);
  EXPECT_EQ(lb.chosen + 1, lb.tried.size());  // the search stops at the first that suffices
  EXPECT_EQ(lb.tried[lb.chosen].level, (BriefLevel{lb.brief.span_weeks, lb.brief.grouped()}));
  const LevelCoverage c = level_coverage(lb.brief, lb.protection);
  EXPECT_EQ(c.published, lb.tried[lb.chosen].published);
  expect_partner_safe(lb.brief, lb.protection, policy.k, "chosen");

  // A dense city keeps the weekly sector brief.
  const City dense = random_city(rng, 4, 2, 40);
  const LevelledBrief d = compute_levelled_brief(dense.store, dense.sectors, nullptr,
                                                 IncidentFilter{}, {2024, 19}, policy);
  EXPECT_EQ(d.chosen, 0u);
  EXPECT_EQ(d.brief.span_weeks, 1);

  // Internal: the weekly sector brief, whatever is hidden in the partner one.
  policy.partner_safe = false;
  const LevelledBrief in = compute_levelled_brief(sparse.store, sparse.sectors, &groups,
                                                  IncidentFilter{}, {2024, 19}, policy);
  EXPECT_EQ(in.brief.span_weeks, 1);
  EXPECT_FALSE(in.brief.grouped());
  EXPECT_EQ(weekly_brief_csv(in.brief),
            weekly_brief_csv(compute_weekly_brief(sparse.store, sparse.sectors, IncidentFilter{},
                                                  {2024, 19})));
}

TEST(BriefLevel, TheLevelInWords) {
  std::mt19937 rng(9);
  const City c = random_city(rng, 4, 2, 1.0);
  const WeeklyBrief week = compute_weekly_brief(c.store, c.sectors, IncidentFilter{}, {2024, 20});
  EXPECT_EQ(brief_level_text(week, Language::es), "semana 2024-W20, por sector");
  EXPECT_EQ(brief_level_text(week, Language::en), "week 2024-W20, by sector");
  const WeeklyBrief four = compute_weekly_brief(c.store, c.sectors, group_units(c.sectors, 1),
                                                IncidentFilter{}, {2024, 20}, 4);
  EXPECT_EQ(brief_level_text(four, Language::es), "4 semanas al 2024-05-19, por alcaldía");
  EXPECT_EQ(brief_level_text(four, Language::en), "4 weeks to 2024-05-19, by borough");
}

}  // namespace
}  // namespace faro

namespace faro {
namespace {

// The audit is not vacuous: printing the sparkline copy of a hidden small period count, or a
// hidden unit's period while "(all)" and the others stay printed, is caught.
TEST(BriefLevel, TheAuditFindsWhatALeakyProtectionPrints) {
  std::mt19937 rng(20241229);
  DisclosurePolicy policy;
  int leaks_tried = 0;
  for (int trial = 0; trial < 6 && leaks_tried < 2; ++trial) {
    const City c = random_city(rng, 5, 2, 0.8);
    const WeeklyBrief b = compute_weekly_brief(c.store, c.sectors, group_units(c.sectors, 1),
                                               IncidentFilter{}, {2024, 18}, 4);
    BriefProtection p = protect_weekly_brief(b, policy);
    for (const BriefRow& r : b.rows) {
      BriefRowMask& m = p.by_sector[r.sector_index];
      if (!m.week || r.week < 1 || r.week >= policy.k) continue;
      m.sparkline.back() = 0;
      EXPECT_FALSE(determined_small_counts(b, p, policy.k).empty());
      ++leaks_tried;
      break;
    }
  }
  EXPECT_GT(leaks_tried, 0);
}

}  // namespace
}  // namespace faro
