// Near-repeat parameters, zones and replay (core/near_repeat.hpp) against brute-force references.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <set>

#include "core/civil_time.hpp"
#include "core/near_repeat.hpp"

namespace faro {
namespace {

KnoxResult table(size_t nd, size_t nt_near, const std::vector<double>& p, const std::vector<double>& ratio) {
  KnoxResult k;
  k.distance_bands = nd;
  k.time_bands = nt_near + 1;
  k.cells.resize(nd * (nt_near + 1));
  for (size_t d = 0; d < nd; ++d)
    for (size_t t = 0; t < nt_near; ++t) {
      k.cells[d * (nt_near + 1) + t].p = p[d * nt_near + t];
      k.cells[d * (nt_near + 1) + t].ratio = ratio[d * nt_near + t];
    }
  return k;
}

TEST(NearRepeat, SuggestsTheBandsSignificantFromTheOrigin) {
  KnoxOptions o;  // 100, 200, 400 m x 7, 14, 30 days
  // Significant: (100 m, 7 d), (200 m, 7 d), (100 m, 14 d); (400 m, 7 d) not; (200 m, 14 d) yes.
  const std::vector<double> p = {0.001, 0.001, 0.4,  0.001, 0.002, 0.5,  0.3, 0.6, 0.9};
  const std::vector<double> r = {2.5,   1.6,   1.0,  1.8,   1.3,   0.9,  1.05, 1, 1};
  const auto s = suggest_near_repeat(table(3, 3, p, r), o);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->radius_m, 200);
  EXPECT_EQ(s->days, 14);
  EXPECT_DOUBLE_EQ(s->relative_risk, 2.5);
  EXPECT_EQ(s->significant.size(), 4u);
  // Benjamini-Hochberg: a lone 0.04 among 0.9s is not significant (0.04 > 0.05 / 9).
  std::vector<double> lone(9, 0.9);
  lone[0] = 0.04;
  EXPECT_FALSE(suggest_near_repeat(table(3, 3, lone, std::vector<double>(9, 2.0)), o));
  // Below 1 is not a near repeat, however small p.
  std::vector<double> low = p;
  EXPECT_FALSE(suggest_near_repeat(table(3, 3, low, std::vector<double>(9, 0.5)), o));
}

TEST(NearRepeat, ZonesMatchABruteForceMergeAndMembership) {
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> u(0, 3000);
  for (int trial = 0; trial < 20; ++trial) {
    std::vector<double> x, y;
    std::vector<int64_t> t;
    const int64_t day0 = days_from_civil(2024, 3, 1);
    for (int i = 0; i < 60; ++i) {
      x.push_back(u(rng));
      y.push_back(u(rng));
      t.push_back((day0 + static_cast<int64_t>(rng() % 30)) * kSecondsPerDay + 3600);
    }
    NearRepeatParams params;
    params.radius_m = 150 + 50 * (trial % 4);
    params.days = 7 + trial % 10;
    const int64_t day = day0 + 15 + trial % 10;
    const auto zones = risk_zones(x, y, t, day, params);
    // Brute force: seeds, components by centre distance <= 2 r.
    std::vector<size_t> seeds;
    for (size_t i = 0; i < t.size(); ++i) {
      const int64_t d = days_of(t[i]);
      if (d <= day && d > day - params.days) seeds.push_back(i);
    }
    std::vector<int> comp(seeds.size(), -1);
    int n = 0;
    for (size_t a = 0; a < seeds.size(); ++a) {
      if (comp[a] >= 0) continue;
      std::vector<size_t> stack{a};
      comp[a] = n;
      while (!stack.empty()) {
        const size_t i = stack.back();
        stack.pop_back();
        for (size_t b = 0; b < seeds.size(); ++b)
          if (comp[b] < 0 && std::hypot(x[seeds[i]] - x[seeds[b]], y[seeds[i]] - y[seeds[b]]) <=
                                 2 * params.radius_m)
            comp[b] = n, stack.push_back(b);
      }
      ++n;
    }
    ASSERT_EQ(zones.size(), static_cast<size_t>(n)) << "trial " << trial;
    size_t seeded = 0;
    for (const RiskZone& z : zones) {
      seeded += z.seeds.size();
      int64_t last = 0;
      for (size_t s = 0; s < seeds.size(); ++s)
        for (const Vec2& p : z.seeds)
          if (p.x == x[seeds[s]] && p.y == y[seeds[s]]) last = std::max(last, days_of(t[seeds[s]]));
      EXPECT_EQ(z.expiry_day, last + params.days);
    }
    EXPECT_EQ(seeded, seeds.size());
    // Membership of random points: in a zone exactly when within the radius of a seed.
    for (int q = 0; q < 200; ++q) {
      const Vec2 p{u(rng), u(rng)};
      bool brute = false;
      for (size_t i : seeds) brute |= std::hypot(p.x - x[i], p.y - y[i]) <= params.radius_m;
      bool zoned = false;
      for (const RiskZone& z : zones) zoned |= z.contains(p, params.radius_m);
      EXPECT_EQ(zoned, brute);
    }
  }
}

TEST(NearRepeat, ReplayCountsHitsAndAreaLikeABruteForce) {
  // A 4 km square study area; seeds in week 1, incidents in week 2.
  const int64_t monday = days_from_civil(2024, 1, 1);  // a Monday
  ASSERT_EQ(weekday_of_days(monday), 0);
  std::vector<double> x = {1000, 3000, 1050, 2900, 500};
  std::vector<double> y = {1000, 3000, 1000, 3100, 3500};
  std::vector<int64_t> t = {(monday + 1) * kSecondsPerDay, (monday + 2) * kSecondsPerDay,
                            (monday + 8) * kSecondsPerDay, (monday + 9) * kSecondsPerDay,
                            (monday + 10) * kSecondsPerDay};
  const Box extent{0, 0, 4000, 4000};
  const auto inside = [](double px, double py) { return px >= 0 && py >= 0 && px < 4000 && py < 4000; };
  const NearRepeatReplay r = replay_near_repeat(x, y, t, extent, inside, monday + 7, monday + 14,
                                                200, 7, 10);
  EXPECT_EQ(r.weeks, 1);
  EXPECT_EQ(r.incidents, 3);
  EXPECT_EQ(r.hits, 2);  // 50 m and 141 m from a seed; the third is far
  EXPECT_NEAR(r.hit_rate, 2.0 / 3, 1e-12);
  // Two disjoint disks of 200 m: 2 pi 200^2 / 4000^2.
  EXPECT_NEAR(r.area_share, 2 * M_PI * 200 * 200 / (4000.0 * 4000), 0.0005);
  // Baseline: 256 cells of 250 m; top 5 % = 13 cells, but only 2 have counts.
  EXPECT_NEAR(r.baseline_area_share, 2 * 250.0 * 250 / (4000.0 * 4000), 1e-9);
  EXPECT_EQ(r.baseline_hits, 1);  // (1050, 1000) shares (1000, 1000)'s cell
}


TEST(NearRepeat, TheWeekSectionCountsHitsAgainstEachDaysZones) {
  std::mt19937 rng(9);
  std::uniform_real_distribution<double> u(0, 2000);
  const int64_t monday = days_from_civil(2024, 3, 4);
  ASSERT_EQ(weekday_of_days(monday), 0);
  std::vector<double> x, y;
  std::vector<int64_t> t;
  std::vector<SectorCode> sector;
  for (int i = 0; i < 150; ++i) {
    x.push_back(u(rng));
    y.push_back(u(rng));
    t.push_back((monday - 10 + static_cast<int64_t>(rng() % 17)) * kSecondsPerDay + 7200);
    sector.push_back(x.back() < 1000 ? 0 : 1);
  }
  NearRepeatParams p;
  p.radius_m = 150;
  p.days = 5;
  const Box extent{0, 0, 2000, 2000};
  const auto inside = [](double px, double py) { return px >= 0 && py >= 0 && px < 2000 && py < 2000; };
  const WeekNearRepeat w = week_near_repeat(x, y, t, sector, extent, inside, monday, p, 10);
  // Brute force: an incident of day d is a hit when within 150 m of one dated d-5 .. d-1.
  int64_t n = 0, hits = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    const int64_t d = days_of(t[i]);
    if (d < monday || d >= monday + 7) continue;
    ++n;
    bool hit = false;
    for (size_t j = 0; j < t.size(); ++j) {
      const int64_t e = days_of(t[j]);
      hit |= e >= d - 5 && e < d && std::hypot(x[i] - x[j], y[i] - y[j]) <= 150;
    }
    hits += hit;
  }
  EXPECT_EQ(w.incidents, n);
  EXPECT_EQ(w.hits, hits);
  EXPECT_GT(w.hits, 0);
  EXPECT_GT(w.area_share, 0);
  EXPECT_LT(w.area_share, 1);
  int by_sector = 0;
  for (const auto& [s, z] : w.zones_by_sector) by_sector += z;
  EXPECT_EQ(static_cast<size_t>(by_sector), w.zones_at_end);
}

}  // namespace
}  // namespace faro
