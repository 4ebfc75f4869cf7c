// Partner-safe disclosure control: property tests over many random tables (seeded), checked with an
// independent linear-algebra audit, plus the small rules stated in core/disclosure.hpp.
#include "core/disclosure.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

#include "core/errors.hpp"

namespace faro {
namespace {

// Independent audit: the published cells and margins give one equation per row and column
// (cells - total = 0). Solve for the hidden cells by Gaussian elimination modulo a prime (the
// matrix is a network matrix, totally unimodular, so its rank mod p equals its rank over Q) and
// return which hidden cells the system determines: a pivot variable whose row has no free column.
std::vector<size_t> determined_by_linear_algebra(const ProtectedTable& t) {
  constexpr int64_t p = 1000000007;
  std::vector<size_t> unknown;
  for (size_t i = 0; i < t.value.size(); ++i)
    if (t.hidden[i]) unknown.push_back(i);
  const size_t n = unknown.size();
  std::vector<std::vector<int64_t>> a;
  auto add_line = [&](auto in_line, auto sign) {
    std::vector<int64_t> row(n, 0);
    for (size_t j = 0; j < n; ++j)
      if (in_line(unknown[j])) row[j] = (sign(unknown[j]) + p) % p;
    a.push_back(row);
  };
  for (size_t r = 0; r <= t.rows; ++r)
    add_line([&](size_t i) { return i / t.width() == r; },
             [&](size_t i) { return i % t.width() == t.cols ? -1 : 1; });
  for (size_t c = 0; c <= t.cols; ++c)
    add_line([&](size_t i) { return i % t.width() == c; },
             [&](size_t i) { return i / t.width() == t.rows ? -1 : 1; });
  auto power = [&](int64_t b, int64_t e) {
    int64_t r = 1;
    for (b %= p; e; e >>= 1, b = b * b % p)
      if (e & 1) r = r * b % p;
    return r;
  };
  std::vector<int> pivot_row_of(n, -1);
  size_t rank = 0;
  for (size_t col = 0; col < n && rank < a.size(); ++col) {
    size_t sel = rank;
    while (sel < a.size() && a[sel][col] == 0) ++sel;
    if (sel == a.size()) continue;
    std::swap(a[sel], a[rank]);
    const int64_t inv = power(a[rank][col], p - 2);
    for (auto& v : a[rank]) v = v * inv % p;
    for (size_t r = 0; r < a.size(); ++r) {
      if (r == rank || a[r][col] == 0) continue;
      const int64_t f = a[r][col];
      for (size_t j = 0; j < n; ++j) a[r][j] = ((a[r][j] - f * a[rank][j]) % p + p) % p;
    }
    pivot_row_of[col] = static_cast<int>(rank++);
  }
  std::vector<size_t> determined;
  for (size_t j = 0; j < n; ++j) {
    if (pivot_row_of[j] < 0) continue;  // free variable: undetermined
    bool depends_on_free = false;
    for (size_t f = 0; f < n; ++f)
      if (pivot_row_of[f] < 0 && a[pivot_row_of[j]][f] != 0) depends_on_free = true;
    if (!depends_on_free) determined.push_back(unknown[j]);
  }
  return determined;
}

// Counts like incident data: mostly zeros and small counts, a few busy cells.
std::vector<int64_t> random_cells(std::mt19937_64& rng, size_t rows, size_t cols) {
  std::vector<int64_t> cells(rows * cols);
  std::uniform_real_distribution<double> u(0, 1);
  const double sparsity = u(rng);
  for (auto& v : cells) {
    const double x = u(rng);
    v = x < sparsity ? 0 : x < sparsity + (1 - sparsity) * 0.5 ? 1 + rng() % 4 : rng() % 40;
  }
  return cells;
}

TEST(Disclosure, RandomTablesNeverPublishSmallCountsOrRecoverableCells) {
  std::mt19937_64 rng(20261129);
  for (int trial = 0; trial < 600; ++trial) {
    const size_t rows = 1 + rng() % 12, cols = 1 + rng() % 9;
    DisclosurePolicy policy;
    policy.k = 5 + static_cast<int>(rng() % 3);
    policy.show_zeros = trial % 5 != 0;
    const ProtectedTable t = protect_table(random_cells(rng, rows, cols), rows, cols, policy);
    SCOPED_TRACE("trial " + std::to_string(trial) + ": " + std::to_string(rows) + "x" +
                 std::to_string(cols) + " k=" + std::to_string(policy.k));
    for (size_t i = 0; i < t.value.size(); ++i) {
      if (t.hidden[i]) continue;
      EXPECT_FALSE(t.value[i] >= 1 && t.value[i] < policy.k) << "published " << t.value[i];
      if (!policy.show_zeros) {
        EXPECT_NE(t.value[i], 0);
      }
    }
    // Every row and column (margins included) hides none or at least two entries.
    for (size_t r = 0; r <= rows; ++r) {
      size_t n = 0;
      for (size_t c = 0; c <= cols; ++c) n += t.is_hidden(r, c);
      EXPECT_NE(n, 1u) << "row " << r;
    }
    for (size_t c = 0; c <= cols; ++c) {
      size_t n = 0;
      for (size_t r = 0; r <= rows; ++r) n += t.is_hidden(r, c);
      EXPECT_NE(n, 1u) << "column " << c;
    }
    // Totals are the true totals: published + hidden cells add up to every margin.
    for (size_t r = 0; r <= rows; ++r) {
      int64_t sum = 0;
      for (size_t c = 0; c < cols; ++c) sum += t.at(r, c);
      EXPECT_EQ(sum, t.at(r, cols));
    }
    for (size_t c = 0; c <= cols; ++c) {
      int64_t sum = 0;
      for (size_t r = 0; r < rows; ++r) sum += t.at(r, c);
      EXPECT_EQ(sum, t.at(rows, c));
    }
    // No hidden cell is determined by the published ones, by either audit.
    EXPECT_TRUE(recoverable_cells(t).empty());
    EXPECT_TRUE(determined_by_linear_algebra(t).empty());
    // The marker never understates a hidden value.
    bool all_small = true;
    for (size_t i = 0; i < t.value.size(); ++i)
      if (t.hidden[i] && t.value[i] >= policy.k) all_small = false;
    EXPECT_EQ(t.marker, all_small ? "<" + std::to_string(policy.k) : "s");
  }
}

TEST(Disclosure, BridgeAuditAgreesWithLinearAlgebra) {
  // Hand-made hidden patterns (not produced by protect_table), including two cycles joined by one
  // cell: both audits must name exactly the same recoverable cells.
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 300; ++trial) {
    ProtectedTable t;
    t.rows = 1 + rng() % 6;
    t.cols = 1 + rng() % 6;
    t.value.assign((t.rows + 1) * (t.cols + 1), 1);
    t.hidden.assign(t.value.size(), 0);
    t.reason.assign(t.value.size(), kPublished);
    for (auto& h : t.hidden) h = rng() % 3 == 0;
    EXPECT_EQ(recoverable_cells(t), determined_by_linear_algebra(t)) << "trial " << trial;
  }
}

TEST(Disclosure, SparseRowTakesAZeroAsComplementAndKeepsTheMarkerTrue) {
  // One sector, four months: a single incident in February. The row total (13) and the month
  // column totals would give it away; the complement is a zero, so "<5" stays true.
  const std::vector<int64_t> cells = {0, 1, 0, 12,  //
                                      7, 9, 8, 10};
  const ProtectedTable t = protect_table(cells, 2, 4, DisclosurePolicy{});
  EXPECT_TRUE(t.is_hidden(0, 1));
  EXPECT_EQ(t.reason[t.index(0, 1)], kPrimary);
  EXPECT_GE(t.hidden_count(kComplementary), 1u);
  EXPECT_TRUE(recoverable_cells(t).empty());
  EXPECT_TRUE(determined_by_linear_algebra(t).empty());
  EXPECT_FALSE(t.is_hidden(1, 2) && t.is_hidden(1, 3));
  EXPECT_EQ(t.at(0, 4), 13);  // true totals kept
  EXPECT_EQ(t.at(2, 4), 47);
}

TEST(Disclosure, InternalUseHidesNothing) {
  DisclosurePolicy internal;
  internal.partner_safe = false;
  const ProtectedTable t = protect_table({1, 2, 3, 4}, 2, 2, internal);
  EXPECT_EQ(t.hidden_count(), 0u);
  EXPECT_EQ(t.at(2, 2), 10);
}

TEST(Disclosure, ZerosHiddenOnRequest) {
  DisclosurePolicy p;
  p.show_zeros = false;
  const ProtectedTable t = protect_table({0, 20, 30, 40}, 2, 2, p);
  EXPECT_TRUE(t.is_hidden(0, 0));
  EXPECT_EQ(t.reason[t.index(0, 0)], kPrimary);
  EXPECT_TRUE(recoverable_cells(t).empty());
  EXPECT_EQ(t.marker, "s");  // complements of 20+ are not "<5"
}

TEST(Disclosure, DifferencingAgainstAnEarlierExportIsSuppressed) {
  // Export 1: all crimes. Export 2: all crimes but homicides, differing by 2 in one cell; that
  // cell (and its complements) is hidden in export 2 so the 2 homicides cannot be read off.
  const size_t rows = 2, cols = 2;
  auto labels = std::vector<std::string>{"A|1",   "A|2",   "A|all", "B|1",    "B|2",
                                         "B|all", "all|1", "all|2", "all|all"};
  PublishedLedger ledger;
  DisclosurePolicy p;
  const ProtectedTable first = protect_table({20, 30, 40, 50}, rows, cols, p, &labels, &ledger);
  EXPECT_EQ(first.hidden_count(), 0u);
  record_published(first, labels, ledger);
  EXPECT_EQ(ledger["A|1"].count(20), 1u);
  const ProtectedTable second = protect_table({18, 30, 40, 50}, rows, cols, p, &labels, &ledger);
  EXPECT_TRUE(second.is_hidden(0, 0));
  EXPECT_EQ(second.reason[second.index(0, 0)], kDifference);
  EXPECT_TRUE(recoverable_cells(second).empty());
  // The row/column/grand totals moved by 2 as well: hidden for the same reason.
  EXPECT_TRUE(second.is_hidden(0, 2));
  EXPECT_TRUE(second.is_hidden(2, 0));
  EXPECT_TRUE(second.is_hidden(2, 2));
  // A change of k or more is no disclosure.
  const ProtectedTable third = protect_table({25, 30, 40, 50}, rows, cols, p, &labels, &ledger);
  EXPECT_FALSE(third.is_hidden(0, 0));
}

TEST(Disclosure, PolicyValidationAndFooter) {
  DisclosurePolicy p;
  EXPECT_NO_THROW(p.validate());
  p.k = 4;
  EXPECT_THROW(p.validate(), UsageError);
  p.k = 10;
  p.min_bandwidth_m = 300;
  EXPECT_THROW(p.validate(), UsageError);
  p = DisclosurePolicy{};
  EXPECT_EQ(protection_footer(p, "es"),
            "Protección: conteos < 5 suprimidos, ancho de banda ≥ 500 m, unidad: sector");
  EXPECT_EQ(protection_footer(p, "en"),
            "Protection: counts < 5 suppressed, bandwidth ≥ 500 m, unit: sector");
  EXPECT_EQ(protection_footer(p, "es", false),
            "Protección: conteos < 5 suprimidos, unidad: sector");
  EXPECT_STREQ(internal_use_stamp(), "USO INTERNO / INTERNAL USE");
}

TEST(Disclosure, RoundSignificant) {
  EXPECT_DOUBLE_EQ(round_significant(0, 2), 0);
  EXPECT_DOUBLE_EQ(round_significant(12.345, 2), 12);
  EXPECT_DOUBLE_EQ(round_significant(0.012345, 2), 0.012);
  EXPECT_DOUBLE_EQ(round_significant(987.6, 2), 990);
  EXPECT_DOUBLE_EQ(round_significant(-3.456, 2), -3.5);
  EXPECT_DOUBLE_EQ(round_significant(99.6, 2), 100);
}

}  // namespace
}  // namespace faro
