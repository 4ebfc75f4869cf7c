#pragma once
// Small deterministic PRNG for synthetic data (the demo city). xoshiro256** seeded through
// splitmix64, with our own uniform/normal/Poisson/discrete draws: std::*_distribution output
// differs between standard libraries, and the demo must be bit-identical for a seed on every build.
// (The draws call std::log/std::cos/std::lgamma; glibc gives the same bits on every x86-64/arm64
// build, which is what "same seed, same file" needs in practice.)
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace faro {

// splitmix64 step: also a good 64-bit mixer for deriving independent sub-seeds.
inline uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

class Random {
 public:
  explicit Random(uint64_t seed) {
    uint64_t sm = seed;
    for (uint64_t& word : s_) word = splitmix64(sm);
  }

  // xoshiro256** (Blackman & Vigna, 2018).
  uint64_t next() {
    const uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  // Uniform integer in [0, n) (n > 0); Lemire's multiply-shift, bias < n / 2^64 (negligible here).
  uint64_t below(uint64_t n) {
    return static_cast<uint64_t>((static_cast<unsigned __int128>(next()) * n) >> 64);
  }
  bool bernoulli(double p) { return uniform() < p; }

  // Standard normal by Box-Muller (one value per call; simplicity over speed).
  double normal() {
    const double u1 = 1.0 - uniform();  // (0, 1]: log is finite
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }
  double normal(double mean, double sd) { return mean + sd * normal(); }
  double lognormal(double mu, double sigma) { return std::exp(normal(mu, sigma)); }

  // Poisson: Knuth's product method for small means, Hoermann's PTRS (transformed rejection with
  // squeeze, 1993; the variant numpy uses) for mean >= 30.
  int64_t poisson(double lambda) {
    if (!(lambda > 0)) return 0;
    if (lambda < 30) {
      const double limit = std::exp(-lambda);
      int64_t k = 0;
      double p = uniform();
      while (p > limit) {
        ++k;
        p *= uniform();
      }
      return k;
    }
    const double slam = std::sqrt(lambda), loglam = std::log(lambda);
    const double b = 0.931 + 2.53 * slam;
    const double a = -0.059 + 0.02483 * b;
    const double invalpha = 1.1239 + 1.1328 / (b - 3.4);
    const double vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const double u = uniform() - 0.5;
      const double v = uniform();
      const double us = 0.5 - std::abs(u);
      const double k = std::floor((2 * a / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) return static_cast<int64_t>(k);
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (std::log(v) + std::log(invalpha) - std::log(a / (us * us) + b) <=
          -lambda + k * loglam - std::lgamma(k + 1))
        return static_cast<int64_t>(k);
    }
  }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

// Draws indices with probability proportional to fixed non-negative weights (binary search on the
// cumulative sums; O(log n) per draw).
class DiscreteSampler {
 public:
  DiscreteSampler() = default;
  explicit DiscreteSampler(const std::vector<double>& weights) : cumulative_(weights.size()) {
    double sum = 0;
    for (size_t i = 0; i < weights.size(); ++i) cumulative_[i] = sum += std::max(0.0, weights[i]);
  }
  double total() const { return cumulative_.empty() ? 0 : cumulative_.back(); }
  // Requires total() > 0.
  size_t draw(Random& rng) const {
    const double target = rng.uniform() * total();
    const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), target);
    return std::min(static_cast<size_t>(it - cumulative_.begin()), cumulative_.size() - 1);
  }

 private:
  std::vector<double> cumulative_;
};

}  // namespace faro
