// The number of permutations of a Gi* analysis (core/permutation_rule.hpp): enough for the
// Benjamini-Hochberg correction to reach the 99 % class over the units, capped, with the analytic
// p and a permutation check above the cap; and on a 30 x 30 lattice (900 units, a 1 km hexagon
// grid over CDMX has about as many) the fixed 999 permutations find nothing while the rule finds
// the planted cluster at 99 %.
#include <gtest/gtest.h>

#include <cmath>

#include "core/gi_star.hpp"
#include "core/hex_grid.hpp"
#include "core/messages.hpp"
#include "core/permutation_rule.hpp"
#include "core/random.hpp"

namespace faro {
namespace {

SpatialWeights lattice_weights(int side) {
  const CellGrid grid(CellShape::square, 1, {0, 0, double(side), double(side)});
  std::vector<uint32_t> all(grid.size());
  for (uint32_t i = 0; i < all.size(); ++i) all[i] = i;
  return grid.weights(all);
}

// Poisson-ish background counts (mean ~1) with a planted 3 x 3 cluster of high counts.
std::vector<double> lattice_with_cluster(int side) {
  std::vector<double> x(static_cast<size_t>(side) * side);
  Random rng(99);
  for (double& v : x) v = static_cast<double>(rng.below(3));
  for (int r = 10; r < 13; ++r)
    for (int c = 10; c < 13; ++c) x[static_cast<size_t>(r) * side + c] = 12;
  return x;
}

TEST(PermutationRule, NeededIsTheSmallestNumberWhoseSmallestPPassesBenjaminiHochberg) {
  for (size_t m : {1u, 3u, 25u, 137u, 900u, 4321u}) {
    const long long p = permutations_needed(m, true);
    // Smallest two-sided permutation p, times m (BH's adjustment of the smallest p), under 0.01...
    EXPECT_LT(2.0 * m / (p + 1.0), kFdrTopClassQ) << m;
    // ...and one permutation fewer is not enough.
    EXPECT_GE(2.0 * m / p, kFdrTopClassQ) << m;
  }
  EXPECT_EQ(permutations_needed(900, true), 180'000);
  EXPECT_EQ(permutations_needed(900, false), 200);  // no FDR: the raw p alone
}

TEST(PermutationRule, ChosenFromTheUnitsCappedWithTheCheckedAnalyticP) {
  PermutationChoice c = choose_permutations(4, true, std::nullopt);
  EXPECT_EQ(c.method, PValueMethod::permutation);
  EXPECT_EQ(c.permutations, kMinRulePermutations);  // 800 needed, never fewer than 999
  c = choose_permutations(120, true, std::nullopt);
  EXPECT_EQ(c.method, PValueMethod::permutation);
  EXPECT_EQ(c.permutations, 24'000);
  EXPECT_TRUE(c.reaches_top);
  c = choose_permutations(499, true, std::nullopt);
  EXPECT_EQ(c.permutations, 99'800);
  c = choose_permutations(900, true, std::nullopt);
  EXPECT_EQ(c.method, PValueMethod::analytic_checked);
  EXPECT_EQ(c.permutations, kCheckPermutations);
  EXPECT_EQ(c.needed, 180'000);
  EXPECT_EQ(p_method_field(c), "analytic (checked with 9999 permutations)");
  EXPECT_EQ(choose_permutations(900, false, std::nullopt).permutations, 999);  // no FDR

  // A user's number is kept, with a warning when the 99 % class is out of reach.
  c = choose_permutations(900, true, 999);
  EXPECT_TRUE(c.user_given);
  EXPECT_EQ(c.permutations, 999);
  EXPECT_FALSE(c.reaches_top);
  const std::string warning = p_method_warning(c, 900, Language::en);
  EXPECT_NE(warning.find("180000"), std::string::npos) << warning;
  EXPECT_NE(p_method_warning(c, 900, Language::es).find("permutaciones"), std::string::npos);
  c = choose_permutations(900, true, 0);
  EXPECT_EQ(c.method, PValueMethod::analytic);
  EXPECT_TRUE(p_method_warning(c, 900, Language::en).empty());
  EXPECT_EQ(p_method_field(choose_permutations(10, true, 2000)), "permutation 2000");
  EXPECT_EQ(p_method_text(choose_permutations(10, true, 2000), Language::es),
            "p de 2000 permutaciones");
}

GiStarResult run(const std::vector<double>& x, const SpatialWeights& w, const PermutationChoice& c) {
  GiStarOptions o;
  o.permutations = c.permutations;
  o.analytic_checked = c.method == PValueMethod::analytic_checked;
  return gi_star(x, w, o);
}

TEST(PermutationRule, NineHundredUnitsReachTheTopClassOnlyWithTheRule) {
  const int side = 30;
  const std::vector<double> x = lattice_with_cluster(side);
  const SpatialWeights w = lattice_weights(side);
  ASSERT_EQ(w.size(), 900u);
  // 999 permutations: the smallest p is 0.002, x 900 after BH = 1.8: nothing is significant.
  const GiStarResult fixed = run(x, w, choose_permutations(900, true, 999));
  for (int8_t b : fixed.bin) EXPECT_EQ(b, 0);
  // The rule: the analytic p (FDR) checked with 9999 permutations finds the cluster at 99 %.
  const PermutationChoice rule = choose_permutations(900, true, std::nullopt);
  const GiStarResult r = run(x, w, rule);
  EXPECT_TRUE(r.analytic_checked);
  EXPECT_EQ(r.bin[11 * side + 11], 3);  // the cluster's centre
  int hot99 = 0;
  for (int8_t b : r.bin) hot99 += b == 3;
  EXPECT_GE(hot99, 1);
  // The check: no class above what the unit's own permutation p allows.
  for (size_t i = 0; i < r.bin.size(); ++i)
    EXPECT_LE(std::abs(r.bin[i]), std::abs(gi_bin(r.z[i], r.p_sim[i]))) << i;
}

TEST(PermutationRule, TheCheckLowersAnalyticClassesThePermutationsDoNotSupport) {
  // A 3 x 3 block of tens among zeros: analytic p ~ 1e-15 at its centre; 199 permutations can
  // give no raw p below 2 / 200 = 0.01, so no 99 % class survives the check.
  const int side = 8;
  std::vector<double> x(side * side, 0);
  for (int r = 2; r < 5; ++r)
    for (int c = 2; c < 5; ++c) x[r * side + c] = 10;
  GiStarOptions o;
  o.permutations = 199;
  o.analytic_checked = true;
  o.fdr = false;
  const GiStarResult r = gi_star(x, lattice_weights(side), o);
  size_t analytic99 = 0;
  for (size_t i = 0; i < r.bin.size(); ++i) analytic99 += gi_bin(r.z[i], r.p_norm[i]) == 3;
  EXPECT_GT(analytic99, 0u);
  EXPECT_GT(r.lowered_by_check, 0u);
  for (int8_t b : r.bin) EXPECT_LT(b, 3);
}

TEST(PermutationRule, OneHundredTwentyUnitsWithTheRulesPermutationsReachNinetyNine) {
  // 12 x 10 lattice, cluster planted: 24,000 permutations; BH can reach 99 %.
  const int side = 12;
  std::vector<double> x(side * 10, 0);
  Random rng(5);
  for (double& v : x) v = static_cast<double>(rng.below(2));
  for (int r = 4; r < 7; ++r)
    for (int c = 4; c < 7; ++c) x[r * side + c] = 10;
  const CellGrid grid(CellShape::square, 1, {0, 0, double(side), 10.0});
  std::vector<uint32_t> all(grid.size());
  for (uint32_t i = 0; i < all.size(); ++i) all[i] = i;
  const SpatialWeights w = grid.weights(all);
  ASSERT_EQ(w.size(), 120u);
  const PermutationChoice rule = choose_permutations(w.size(), true, std::nullopt);
  EXPECT_EQ(rule.method, PValueMethod::permutation);
  const GiStarResult r = run(x, w, rule);
  EXPECT_EQ(r.bin[5 * side + 5], 3);
  EXPECT_FALSE(r.analytic_checked);
}

}  // namespace
}  // namespace faro
