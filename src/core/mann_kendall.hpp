#pragma once
// Mann-Kendall monotonic trend test (Mann 1945; Kendall 1975) of a series against its order,
// with the tie-corrected variance, as used by ArcGIS's Emerging Hot Spot Analysis on each
// location's Gi* z-scores over time.
//
//   S = sum_{i<j} sign(x_j - x_i)
//   Var(S) = [n(n-1)(2n+5) - sum_g t_g(t_g-1)(2t_g+5)] / 18   (t_g = size of tie group g)
//   z = (S - 1)/sqrt(Var) if S > 0, (S + 1)/sqrt(Var) if S < 0, else 0 (continuity correction)
//   p = two-sided normal p of z;  tau = S / (n(n-1)/2)  (Kendall's tau-a)
// O(n²) pairs: fine for the tens to hundreds of time bins it is used on.
#include <cstdint>
#include <span>

namespace faro {

struct MannKendall {
  int64_t s = 0;
  double variance = 0;
  double z = 0;
  double p = 1;
  double tau = 0;
  int n = 0;
};

// NaN values are skipped (the series is the remaining values in order). Fewer than 3 values:
// S = 0, z = 0, p = 1.
MannKendall mann_kendall(std::span<const double> series);

}  // namespace faro
