#pragma once
// Getis-Ord Gi* local statistic (Getis & Ord 1992; Ord & Getis 1995) with binary weights that
// include the unit itself (w_ii = 1), as ArcGIS "Hot Spot Analysis (Getis-Ord Gi*)", PySAL
// esda.G_Local(star=True, transform="B") and R spdep::localG with include.self().
//
//   Gi* = (sum_j w_ij x_j - xbar W_i) / (S sqrt((n S1_i - W_i²) / (n - 1)))
//   xbar = mean(x), S² = mean(x²) - xbar² (population variance), W_i = sum_j w_ij, S1_i = sum w_ij²
//
// p-values: the analytic two-sided normal p, and a conditional permutation p (Anselin 1995): x_i
// stays put and its neighbours' values are drawn at random without replacement from the other
// n - 1 units. Gi* is monotone in the neighbours' sum for a fixed i, so the simulation compares
// sums. The permutation p is two-sided: 2 (min(#sim >= obs, #sim <= obs) + 1) / (perms + 1),
// capped at 1 (esda's folded p_sim doubled). Draws use one seeded stream per unit, so results do
// not depend on the thread count.
//
// Classes follow ArcGIS's Gi_Bin: +-3 at 99 % (p < 0.01), +-2 at 95 % (p < 0.05), +-1 at 90 %
// (p < 0.10), sign of z; 0 otherwise. With FDR on, the class uses the Benjamini-Hochberg adjusted
// p (as ArcGIS's "Apply False Discovery Rate Correction").
#include <cstdint>
#include <span>
#include <vector>

#include "core/spatial_weights.hpp"

namespace faro {

struct GiStarOptions {
  int permutations = 999;  // 0 = analytic p only
  uint64_t seed = 12345;
  unsigned threads = 0;  // 0 = hardware concurrency
  bool fdr = true;       // classes from BH-adjusted p
  // Classes from the analytic p (FDR-adjusted when fdr), each confirmed by the unit's raw
  // permutation p: no class higher than that p allows (core/permutation_rule.hpp's fallback when
  // the permutations FDR would need are too many). Needs permutations > 0.
  bool analytic_checked = false;
};

struct GiStarResult {
  std::vector<double> z;       // Gi* z-score; NaN for islands or when all values are equal
  std::vector<double> p_norm;  // analytic two-sided p
  std::vector<double> p_sim;   // permutation two-sided p (empty when permutations == 0)
  std::vector<double> p_fdr;   // BH-adjusted p of the p used for classes (p_sim, else p_norm)
  std::vector<int8_t> bin;     // Gi_Bin, -3..3
  size_t islands = 0;          // units with no neighbours (z NaN, p 1, bin 0)
  int permutations = 0;
  bool analytic_checked = false;  // classes from p_norm, confirmed by p_sim (GiStarOptions)
  size_t lowered_by_check = 0;    // units whose analytic class the permutation p lowered

  // The p behind the classes before the FDR adjustment.
  const std::vector<double>& p() const {
    return p_sim.empty() || analytic_checked ? p_norm : p_sim;
  }
};

// Analytic Gi* z-scores only.
std::vector<double> gi_star_z(std::span<const double> x, const SpatialWeights& w);

// z, p-values, FDR and classes. x.size() must equal w.size() (throws std::invalid_argument).
GiStarResult gi_star(std::span<const double> x, const SpatialWeights& w,
                     const GiStarOptions& options = {});

// Two-sided normal p for a z-score: erfc(|z| / sqrt 2). NaN z gives 1.
double two_sided_normal_p(double z);

// Benjamini-Hochberg (1995) step-up adjusted p-values: p_(k) n / k made monotone, capped at 1.
std::vector<double> benjamini_hochberg(std::span<const double> p);

// ArcGIS Gi_Bin from z and p: +-3 (p < 0.01), +-2 (< 0.05), +-1 (< 0.10), else 0.
int8_t gi_bin(double z, double p);
// "hot 99%", "cold 95%", "not significant" ...
const char* gi_bin_label(int8_t bin);

}  // namespace faro
