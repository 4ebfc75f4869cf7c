// The scaled demo generator (core/demo_scaled.hpp) at 200 k rows: deterministic for a seed, the
// ordinary demo's sectors and programs, rows in time order inside the window and inside their
// sector, the category mix, about the requested count, and the program effect still recoverable.
// (The 10 M set itself is made by scripts/make-10m.sh, never by a test.)
#include <gtest/gtest.h>

#include <cmath>
#include <optional>

#include "core/demo_city.hpp"
#include "core/demo_incidents.hpp"
#include "core/demo_scaled.hpp"
#include "core/errors.hpp"

namespace faro {
namespace {

constexpr int64_t kRows = 200'000;

struct Rows {
  DemoIncidentBatch all;  // every batch appended
  size_t batches = 0;
  uint64_t hash = 1469598103934665603ull;  // FNV-1a over every field of every row
};

void mix(uint64_t& h, const void* p, size_t n) {
  for (size_t i = 0; i < n; ++i) h = (h ^ static_cast<const unsigned char*>(p)[i]) * 1099511628211ull;
}

Rows drain(ScaledDemoIncidents& gen) {
  Rows r;
  DemoIncidentBatch b;
  while (gen.next(b)) {
    EXPECT_EQ(b.first_id, static_cast<int64_t>(r.all.size()) + 1) << "ids run on consecutively";
    for (size_t i = 0; i < b.size(); ++i) {
      mix(r.hash, &b.x[i], 8), mix(r.hash, &b.y[i], 8), mix(r.hash, &b.t[i], 8);
      mix(r.hash, &b.category[i], 1), mix(r.hash, &b.sector[i], 4);
      r.all.x.push_back(b.x[i]);
      r.all.y.push_back(b.y[i]);
      r.all.t.push_back(b.t[i]);
      r.all.category.push_back(b.category[i]);
      r.all.sector.push_back(b.sector[i]);
    }
    ++r.batches;
  }
  return r;
}

// Crossing-number test, independent of the generator's convex test.
bool inside(const Ring& ring, double x, double y) {
  bool in = false;
  for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const Vec2 a = ring[i], b = ring[j];
    if ((a.y > y) != (b.y > y) && x < (b.x - a.x) * (y - a.y) / (b.y - a.y) + a.x) in = !in;
  }
  return in;
}

class ScaledDemoTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    DemoOptions o;
    o.seed = 7;
    gen_ = new ScaledDemoIncidents(o, kRows);
    rows_ = new Rows(drain(*gen_));
  }
  static void TearDownTestSuite() {
    delete rows_;
    delete gen_;
  }
  static inline ScaledDemoIncidents* gen_ = nullptr;
  static inline Rows* rows_ = nullptr;
};

TEST_F(ScaledDemoTest, SameSeedSameRowsOtherSeedDiffers) {
  DemoOptions o;
  o.seed = 7;
  ScaledDemoIncidents again(o, kRows);
  const Rows second = drain(again);
  EXPECT_EQ(second.hash, rows_->hash);
  EXPECT_EQ(second.all.size(), rows_->all.size());
  o.seed = 8;
  ScaledDemoIncidents other(o, kRows);
  EXPECT_NE(drain(other).hash, rows_->hash);
}

TEST_F(ScaledDemoTest, SameSectorsAndProgramsAsTheOrdinaryDemo) {
  DemoOptions o;
  o.seed = 7;
  const DemoCity city = generate_demo_city(o);
  const DemoCity& scaled = gen_->city();
  ASSERT_EQ(scaled.sectors.size(), city.sectors.size());
  for (size_t s = 0; s < city.sectors.size(); ++s) {
    EXPECT_EQ(scaled.sectors.sectors[s].name, city.sectors.sectors[s].name);
    EXPECT_EQ(scaled.sectors.sectors[s].population, city.sectors.sectors[s].population);
  }
  ASSERT_EQ(scaled.programs.size(), city.programs.size());
  for (size_t p = 0; p < city.programs.size(); ++p)
    EXPECT_EQ(scaled.programs[p].sectors.size(), city.programs[p].sectors.size());
  EXPECT_TRUE(scaled.incidents.empty()) << "incidents come from next(), not the pilot city";
}

TEST_F(ScaledDemoTest, AboutTheRequestedCountInMonthlyBatches) {
  const double n = static_cast<double>(rows_->all.size());
  EXPECT_NEAR(n, static_cast<double>(kRows), 0.03 * kRows);
  EXPECT_EQ(gen_->rows_emitted(), static_cast<int64_t>(rows_->all.size()));
  EXPECT_EQ(rows_->batches, 8u * 12u) << "one batch per month of 2018-2025";
}

TEST_F(ScaledDemoTest, TimeOrderedInsideTheWindowAndInsideTheirSector) {
  const DemoIncidentBatch& r = rows_->all;
  const CivilSeconds from = days_from_civil(2018, 1, 1) * kSecondsPerDay;
  const CivilSeconds to = days_from_civil(2026, 1, 1) * kSecondsPerDay;
  const SectorSet& sectors = gen_->city().sectors;
  size_t unordered = 0, outside_window = 0, wrong_sector = 0, not_minutes = 0;
  for (size_t i = 0; i < r.size(); ++i) {
    unordered += i > 0 && r.t[i] < r.t[i - 1];
    outside_window += r.t[i] < from || r.t[i] >= to;
    not_minutes += r.t[i] % 60 != 0;
    const int32_t s = r.sector[i];
    wrong_sector += s < 0 || static_cast<size_t>(s) >= sectors.size() ||
                    !inside(sectors.sectors[s].shape.front().outer, r.x[i], r.y[i]);
  }
  EXPECT_EQ(unordered, 0u);
  EXPECT_EQ(outside_window, 0u);
  EXPECT_EQ(not_minutes, 0u);
  // Points within a centimetre of a shared edge may test either side: allow a handful.
  EXPECT_LE(wrong_sector, 5u);
}

TEST_F(ScaledDemoTest, CategoryMixAndMonthsAllPopulated) {
  const DemoIncidentBatch& r = rows_->all;
  std::vector<double> share(demo::kCategoryNames.size(), 0);
  std::vector<int64_t> per_month(96, 0);
  for (size_t i = 0; i < r.size(); ++i) {
    ASSERT_LT(r.category[i], demo::kCategoryNames.size());
    share[r.category[i]] += 1.0 / static_cast<double>(r.size());
    const CivilDate d = civil_from_days(days_of(r.t[i]));
    ++per_month[static_cast<size_t>((d.y - 2018) * 12 + d.m - 1)];
  }
  // First-generation mix 45/30/15/10; each first-generation shooting (90 %) adds q + q^2 = 0.3125
  // follow-ups on average (mix 50/30/20/0), fewer where they fall past the window or the outline.
  const double per_base = 1 + 0.90 * (0.25 + 0.25 * 0.25);
  EXPECT_NEAR(share[0], (0.45 + 0.50 * (per_base - 1)) / per_base, 0.01);
  EXPECT_NEAR(share[1], (0.30 + 0.30 * (per_base - 1)) / per_base, 0.01);
  EXPECT_NEAR(share[2], (0.15 + 0.20 * (per_base - 1)) / per_base, 0.01);
  EXPECT_NEAR(share[3], 0.10 / per_base, 0.005);
  const int64_t low = *std::min_element(per_month.begin(), per_month.end());
  const int64_t high = *std::max_element(per_month.begin(), per_month.end());
  EXPECT_GT(low, kRows / 96 / 2);
  EXPECT_LT(high, kRows / 96 * 2);
}

// Difference in differences, as in demo_city_test: each program sector's after/before ratio over
// the same ratio in the non-program sectors.
TEST_F(ScaledDemoTest, ProgramEffectIsRecoverable) {
  const DemoCity& city = gen_->city();
  const DemoIncidentBatch& r = rows_->all;
  std::vector<std::optional<CivilSeconds>> rollout(city.sectors.size());
  for (const Program& p : city.programs)
    for (const ProgramSector& ps : p.sectors) rollout[*city.sectors.find(ps.sector)] = ps.start;
  double observed = 0, expected = 0;
  for (size_t s = 0; s < rollout.size(); ++s) {
    if (!rollout[s]) continue;
    double tb = 0, ta = 0, cb = 0, ca = 0;
    for (size_t i = 0; i < r.size(); ++i) {
      const bool after = r.t[i] >= *rollout[s];
      if (static_cast<size_t>(r.sector[i]) == s)
        (after ? ta : tb) += 1;
      else if (!rollout[r.sector[i]])
        (after ? ca : cb) += 1;
    }
    observed += ta;
    expected += tb * ca / cb;
  }
  EXPECT_NEAR(observed / expected, city.program_effect, 0.05);
}

TEST(ScaledDemo, RejectsCountsOutOfRange) {
  EXPECT_THROW(ScaledDemoIncidents({}, 0), UsageError);
  EXPECT_THROW(ScaledDemoIncidents({}, ScaledDemoIncidents::kMaxIncidents + 1), UsageError);
}

}  // namespace
}  // namespace faro
