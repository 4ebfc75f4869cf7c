// Partner-safe weekly brief (core/brief_disclosure.hpp) over many random cities and weeks:
// no printed count in 1..k-1, derived values hidden with their counts, and an independent audit by
// linear algebra: with every printed number and every identity a reader can use (column totals =
// "(all)", week = last sparkline week, prev4 = sum of four sparkline weeks, year-to-date = sum of
// weeks), no hidden small count is determined.
#include "core/brief_disclosure.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <sstream>

namespace faro {
namespace {

struct City {
  SectorSet sectors;
  IncidentStore store;
};

// `n` sectors with weekly Poisson counts at rates from near zero to 9 over 2022-W01..2024-W20,
// plus a few incidents in no sector.
City random_city(std::mt19937& rng, int n) {
  City c;
  for (int s = 0; s < n; ++s)
    c.sectors.sectors.push_back(Sector{"S" + std::to_string(s), {}, {}, 0, {}});
  const uint16_t cat = c.store.categories.intern("disparos");
  std::uniform_real_distribution<double> rate(0.05, 9.0);
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

// Reduced row echelon form in place; returns the rank.
size_t rref(std::vector<std::vector<double>>& a, size_t cols) {
  size_t rank = 0;
  for (size_t c = 0; c < cols && rank < a.size(); ++c) {
    size_t p = rank;
    for (size_t r = rank; r < a.size(); ++r)
      if (std::abs(a[r][c]) > std::abs(a[p][c])) p = r;
    if (std::abs(a[p][c]) < 1e-9) continue;
    std::swap(a[p], a[rank]);
    const double d = a[rank][c];
    for (double& v : a[rank]) v /= d;
    for (size_t r = 0; r < a.size(); ++r)
      if (r != rank && std::abs(a[r][c]) > 1e-12) {
        const double f = a[r][c];
        for (size_t j = 0; j < cols; ++j) a[r][j] -= f * a[rank][j];
      }
    ++rank;
  }
  return rank;
}

// The audit: a reader knows every printed value and the identities; returns the small hidden
// counts (1..k-1) that the linear system determines (should be none), as "row r col c = v".
std::vector<std::string> determined_small_counts(const WeeklyBrief& b, const BriefProtection& p,
                                                 int k) {
  const size_t S = b.all.sparkline.size(), n = b.rows.size(), cols = 6 + S;
  const size_t early = b.timeline.size() - S;
  // Variables: rows 0..n-1 sectors, n outside, n+1 "(all)"; then early timeline bars.
  struct Var {
    int64_t value;
    bool known;
  };
  std::vector<Var> vars;
  const auto add_row = [&](const BriefRow* r, const BriefRowMask* m, std::vector<int64_t> v) {
    const bool row_known = r != nullptr;
    for (size_t c = 0; c < cols; ++c) {
      bool known = false;
      if (row_known) {
        const bool h[6] = {m->week, m->prev_week,    m->mean_prev4, m->same_week_last_year,
                           m->ytd,  m->ytd_last_year};
        known = c < 6 ? !h[c] : !(c - 6 < m->sparkline.size() && m->sparkline[c - 6]);
      }
      vars.push_back({v[c], known});
    }
  };
  const auto row_values = [&](const BriefRow& r) {
    std::vector<int64_t> v = {
        r.week, r.prev_week,    std::llround(r.mean_prev4 * 4), r.same_week_last_year,
        r.ytd,  r.ytd_last_year};
    v.insert(v.end(), r.sparkline.begin(), r.sparkline.end());
    return v;
  };
  std::vector<const BriefRow*> by_index(n);
  for (const BriefRow& r : b.rows) by_index[r.sector_index] = &r;
  std::vector<int64_t> outside = row_values(b.all);
  for (const BriefRow* r : by_index) {
    add_row(r, &p.mask(*r), row_values(*r));
    const auto v = row_values(*r);
    for (size_t c = 0; c < cols; ++c) outside[c] -= v[c];
  }
  add_row(nullptr, nullptr, outside);                 // the "in no sector" row is not printed ...
  vars[n * cols + 0].known = !p.outside_week_hidden;  // ... except its week count, in a note
  add_row(&b.all, &p.mask(b.all), row_values(b.all));
  for (size_t i = 0; i < early; ++i) vars.push_back({b.timeline[i], !p.timeline_hidden[i]});
  const auto cell = [&](size_t r, size_t c) { return r * cols + c; };

  std::vector<std::vector<double>> eq;
  const auto equation = [&](const std::vector<std::pair<size_t, double>>& terms) {
    std::vector<double> row(vars.size(), 0);
    for (auto [i, coef] : terms)
      if (!vars[i].known) row[i] += coef;
    eq.push_back(row);
  };
  for (size_t c = 0; c < cols; ++c) {
    std::vector<std::pair<size_t, double>> t{{cell(n + 1, c), -1}};
    for (size_t r = 0; r <= n; ++r) t.push_back({cell(r, c), 1});
    equation(t);
  }
  const int w = b.week.week;
  for (size_t r = 0; r <= n + 1; ++r) {
    equation({{cell(r, 0), 1}, {cell(r, 6 + S - 1), -1}});
    equation({{cell(r, 1), 1}, {cell(r, 6 + S - 2), -1}});
    std::vector<std::pair<size_t, double>> t{{cell(r, 2), 1}};
    for (size_t j = S - 5; j < S - 1; ++j) t.push_back({cell(r, 6 + j), -1});
    equation(t);
    if (static_cast<size_t>(w) <= S) {
      std::vector<std::pair<size_t, double>> y{{cell(r, 4), 1}};
      for (size_t j = S - w; j < S; ++j) y.push_back({cell(r, 6 + j), -1});
      equation(y);
    }
  }
  if (static_cast<size_t>(w) > S && static_cast<size_t>(w) <= b.timeline.size()) {
    std::vector<std::pair<size_t, double>> y{{cell(n + 1, 4), 1}};
    for (size_t i = b.timeline.size() - w; i < early; ++i) y.push_back({(n + 2) * cols + i, -1});
    for (size_t j = 0; j < S; ++j) y.push_back({cell(n + 1, 6 + j), -1});
    equation(y);
  }
  rref(eq, vars.size());
  std::vector<std::string> found;
  for (const auto& row : eq) {
    size_t nz = 0, at = 0;
    for (size_t j = 0; j < row.size(); ++j)
      if (std::abs(row[j]) > 1e-9) ++nz, at = j;
    if (nz == 1 && vars[at].value >= 1 && vars[at].value < k)
      found.push_back("row " + std::to_string(at / cols) + " col " + std::to_string(at % cols) +
                      " = " + std::to_string(vars[at].value));
  }
  return found;
}

TEST(BriefDisclosure, RandomCitiesPrintNoSmallCountAndNoneIsRecoverable) {
  std::mt19937 rng(20240212);
  DisclosurePolicy policy;
  size_t hidden_total = 0;
  for (int trial = 0; trial < 80; ++trial) {
    City c = random_city(rng, 2 + trial % 13);
    // Early-year weeks (W <= 12: ytd = sparkline weeks) and later ones.
    const IsoWeek week{2024, trial % 2 ? 1 + trial % 12 : 13 + trial % 8};
    const WeeklyBrief b = compute_weekly_brief(c.store, c.sectors, IncidentFilter{}, week);
    const BriefProtection p = protect_weekly_brief(b, policy);
    hidden_total += p.hidden_values;
    std::vector<const BriefRow*> rows{&b.all};
    for (const BriefRow& r : b.rows) rows.push_back(&r);
    for (const BriefRow* r : rows) {
      const BriefRowMask& m = p.mask(*r);
      const auto printed_ok = [&](int64_t v, bool hidden) { return hidden || v == 0 || v >= 5; };
      EXPECT_TRUE(printed_ok(r->week, m.week)) << r->sector << " week " << r->week;
      EXPECT_TRUE(printed_ok(r->prev_week, m.prev_week));
      EXPECT_TRUE(printed_ok(std::llround(r->mean_prev4 * 4), m.mean_prev4));
      EXPECT_TRUE(printed_ok(r->same_week_last_year, m.same_week_last_year));
      EXPECT_TRUE(printed_ok(r->ytd, m.ytd));
      EXPECT_TRUE(printed_ok(r->ytd_last_year, m.ytd_last_year));
      for (size_t j = 0; j < r->sparkline.size(); ++j)
        EXPECT_TRUE(printed_ok(r->sparkline[j], m.sparkline[j]));
      EXPECT_EQ(m.derived, m.week || m.mean_prev4);
    }
    for (size_t i = 0; i < b.timeline.size(); ++i)
      EXPECT_TRUE(p.timeline_hidden[i] || b.timeline[i] == 0 || b.timeline[i] >= 5);
    for (const std::string& d : determined_small_counts(b, p, policy.k))
      ADD_FAILURE() << "trial " << trial << " week " << week.week << ": " << d << " recoverable";
  }
  EXPECT_GT(hidden_total, 100u);  // the random cities do have small counts to hide
}

TEST(BriefDisclosure, CsvWritesTheMarkerAndItsFirstLineSaysWhy) {
  std::mt19937 rng(7);
  City c = random_city(rng, 5);
  const WeeklyBrief b = compute_weekly_brief(c.store, c.sectors, IncidentFilter{}, {2024, 10});
  DisclosurePolicy policy;
  const std::string safe = weekly_brief_csv(b, protect_weekly_brief(b, policy));
  EXPECT_EQ(safe.rfind("# Protección: conteos < 5 suprimidos, unidad: sector / Protection:", 0), 0u)
      << safe;
  std::istringstream in(safe);
  std::string line;
  std::getline(in, line);
  std::getline(in, line);
  EXPECT_EQ(line,
            "sector,week,prev_week,mean_prev4,same_week_last_year,ytd,ytd_last_year,z,flag,"
            "pct_change");
  int rows = 0;
  while (std::getline(in, line)) {
    ++rows;
    std::istringstream f(line);
    std::string field;
    for (int col = 0; std::getline(f, field, ','); ++col) {
      if (col == 0 || col == 3 || col >= 7 || field == "<5" || field == "s") continue;
      const long v = std::stol(field);
      EXPECT_TRUE(v == 0 || v >= 5) << line;
    }
  }
  EXPECT_EQ(rows, 6);
  policy.partner_safe = false;
  const std::string internal = weekly_brief_csv(b, protect_weekly_brief(b, policy));
  EXPECT_EQ(internal.rfind("# USO INTERNO / INTERNAL USE\nsector,week,", 0), 0u);
  EXPECT_EQ(internal.substr(internal.find('\n') + 1), weekly_brief_csv(b));  // nothing hidden
}

}  // namespace
}  // namespace faro
