#include "core/mann_kendall.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/gi_star.hpp"

namespace faro {

MannKendall mann_kendall(std::span<const double> series) {
  std::vector<double> x;
  x.reserve(series.size());
  for (double v : series)
    if (!std::isnan(v)) x.push_back(v);
  MannKendall r;
  r.n = static_cast<int>(x.size());
  if (x.size() < 3) return r;
  const double n = static_cast<double>(x.size());
  for (size_t i = 0; i + 1 < x.size(); ++i)
    for (size_t j = i + 1; j < x.size(); ++j) r.s += (x[j] > x[i]) - (x[j] < x[i]);
  // Tie groups: exact equality (z-scores of equal neighbourhoods are bit-identical).
  std::vector<double> sorted = x;
  std::sort(sorted.begin(), sorted.end());
  double ties = 0;
  for (size_t i = 0; i < sorted.size();) {
    size_t j = i;
    while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
    const double t = static_cast<double>(j - i);
    ties += t * (t - 1) * (2 * t + 5);
    i = j;
  }
  r.variance = (n * (n - 1) * (2 * n + 5) - ties) / 18.0;
  if (r.variance > 0) {
    if (r.s > 0) r.z = (static_cast<double>(r.s) - 1) / std::sqrt(r.variance);
    if (r.s < 0) r.z = (static_cast<double>(r.s) + 1) / std::sqrt(r.variance);
  }
  r.p = two_sided_normal_p(r.z);
  r.tau = static_cast<double>(r.s) / (n * (n - 1) / 2);
  return r;
}

}  // namespace faro
