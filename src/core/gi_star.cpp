#include "core/gi_star.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

#include "core/parallel_for.hpp"
#include "core/random.hpp"

namespace faro {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Moments {
  double n = 0, mean = 0, sd = 0;  // population standard deviation
};

Moments moments(std::span<const double> x) {
  Moments m;
  m.n = static_cast<double>(x.size());
  if (x.empty()) return m;
  // Two-pass for accuracy (counts can be large and nearly constant).
  m.mean = std::accumulate(x.begin(), x.end(), 0.0) / m.n;
  double ss = 0;
  for (double v : x) ss += (v - m.mean) * (v - m.mean);
  m.sd = std::sqrt(ss / m.n);
  return m;
}

// Denominator of Gi* for a unit with k neighbours besides itself (binary: W_i = S1_i = k + 1).
double gi_denominator(const Moments& m, size_t k) {
  const double wi = static_cast<double>(k + 1);
  return m.sd * std::sqrt((m.n * wi - wi * wi) / (m.n - 1));
}

// Two-sided permutation p for unit i (see the header). `order` is per-thread scratch holding
// the identity permutation 0..n-1 on entry and on exit, so the draws depend only on the unit's
// seeded stream, never on which thread ran the units before it.
double permutation_p(size_t i, std::span<const double> x, std::span<const uint32_t> nbrs, int perms,
                     uint64_t seed, std::vector<uint32_t>& order, std::vector<uint32_t>& picks) {
  const size_t n = x.size(), k = nbrs.size();
  double observed = 0;
  for (uint32_t j : nbrs) observed += x[j];
  // Sums of integer counts are exact; the tolerance only matters for real-valued inputs.
  const double eps = 1e-9 * std::max(1.0, std::abs(observed));
  std::swap(order[i], order[n - 1]);  // park unit i in the last slot: draw from the other n - 1
  uint64_t stream = seed ^ (0x9E3779B97F4A7C15ull * (i + 1));
  Random rng(splitmix64(stream));
  picks.resize(k);
  int ge = 0, le = 0;
  for (int p = 0; p < perms; ++p) {
    double sum = 0;
    // Partial Fisher-Yates over slots [0, n-1): the first k slots become a uniform k-subset.
    for (size_t m = 0; m < k; ++m) {
      const size_t pick = m + rng.below(n - 1 - m);
      picks[m] = static_cast<uint32_t>(pick);
      std::swap(order[m], order[pick]);
      sum += x[order[m]];
    }
    for (size_t m = k; m-- > 0;) std::swap(order[m], order[picks[m]]);  // undo: identity again
    ge += sum >= observed - eps;
    le += sum <= observed + eps;
  }
  std::swap(order[i], order[n - 1]);
  const double folded = (std::min(ge, le) + 1.0) / (perms + 1.0);
  return std::min(1.0, 2.0 * folded);
}

}  // namespace

double two_sided_normal_p(double z) {
  if (std::isnan(z)) return 1.0;
  return std::erfc(std::abs(z) / std::sqrt(2.0));
}

std::vector<double> gi_star_z(std::span<const double> x, const SpatialWeights& w) {
  if (x.size() != w.size())
    throw std::invalid_argument("gi_star: values and weights differ in size");
  const Moments m = moments(x);
  std::vector<double> z(x.size(), kNaN);
  if (x.size() < 2 || !(m.sd > 0)) return z;
  for (size_t i = 0; i < x.size(); ++i) {
    const size_t k = w.count(i);
    if (k == 0) continue;  // island: undefined
    double lag = x[i];
    for (uint32_t j : w.of(i)) lag += x[j];
    const double wi = static_cast<double>(k + 1);
    const double den = gi_denominator(m, k);
    z[i] = den > 0 ? (lag - m.mean * wi) / den : kNaN;
  }
  return z;
}

std::vector<double> benjamini_hochberg(std::span<const double> p) {
  const size_t n = p.size();
  std::vector<size_t> idx(n);
  std::iota(idx.begin(), idx.end(), 0);
  std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return p[a] < p[b]; });
  std::vector<double> out(n);
  double running = 1.0;
  for (size_t r = n; r-- > 0;) {  // from the largest p down: cumulative minimum
    const double v = std::isnan(p[idx[r]]) ? 1.0 : p[idx[r]] * n / static_cast<double>(r + 1);
    running = std::min(running, v);
    out[idx[r]] = running;
  }
  return out;
}

int8_t gi_bin(double z, double p) {
  if (std::isnan(z) || std::isnan(p) || z == 0) return 0;
  const int8_t level = p < 0.01 ? 3 : p < 0.05 ? 2 : p < 0.10 ? 1 : 0;
  return static_cast<int8_t>(z > 0 ? level : -level);
}

const char* gi_bin_label(int8_t bin) {
  switch (bin) {
    case 3:
      return "hot 99%";
    case 2:
      return "hot 95%";
    case 1:
      return "hot 90%";
    case -1:
      return "cold 90%";
    case -2:
      return "cold 95%";
    case -3:
      return "cold 99%";
    default:
      return "not significant";
  }
}

GiStarResult gi_star(std::span<const double> x, const SpatialWeights& w,
                     const GiStarOptions& options) {
  GiStarResult r;
  r.z = gi_star_z(x, w);
  const size_t n = x.size();
  r.islands = w.islands();
  r.p_norm.resize(n);
  for (size_t i = 0; i < n; ++i) r.p_norm[i] = two_sided_normal_p(r.z[i]);

  if (options.permutations > 0 && n >= 2) {
    r.permutations = options.permutations;
    r.analytic_checked = options.analytic_checked;
    r.p_sim.assign(n, 1.0);
    const unsigned threads =
        std::min<unsigned>(worker_count(options.threads), static_cast<unsigned>(n / 64 + 1));
    parallel_workers(threads, [&](unsigned t) {
      std::vector<uint32_t> order(n), picks;
      std::iota(order.begin(), order.end(), 0u);
      for (size_t i = t; i < n; i += threads) {  // interleaved: neighbour counts vary by region
        if (std::isnan(r.z[i])) continue;        // islands / constant data: p stays 1
        r.p_sim[i] = permutation_p(i, x, w.of(i), options.permutations, options.seed, order, picks);
      }
    });
  }
  const std::vector<double>& p = r.p();
  r.p_fdr = benjamini_hochberg(p);
  const std::vector<double>& p_class = options.fdr ? r.p_fdr : p;
  r.bin.resize(n);
  for (size_t i = 0; i < n; ++i) r.bin[i] = gi_bin(r.z[i], p_class[i]);
  if (r.analytic_checked) {
    // The check: a class no higher than the unit's own (unadjusted) permutation p allows.
    for (size_t i = 0; i < n; ++i) {
      const int8_t allowed = gi_bin(r.z[i], r.p_sim[i]);
      if (std::abs(allowed) < std::abs(r.bin[i])) {
        r.bin[i] = allowed;
        ++r.lowered_by_check;
      }
    }
  }
  return r;
}

}  // namespace faro
