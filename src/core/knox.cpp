#include "core/knox.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

#include "core/civil_time.hpp"
#include "core/errors.hpp"
#include "core/parallel_for.hpp"
#include "core/random.hpp"

namespace faro {
namespace {

void check_edges(const KnoxOptions& o) {
  if (o.distance_edges_m.empty() || o.time_edges_days.empty())
    throw UsageError("knox: give at least one distance band and one time band");
  for (size_t i = 0; i < o.distance_edges_m.size(); ++i)
    if (!(o.distance_edges_m[i] > 0) || !std::isfinite(o.distance_edges_m[i]) ||
        (i && o.distance_edges_m[i] <= o.distance_edges_m[i - 1]))
      throw UsageError("knox: distance bands must be positive and increasing");
  for (size_t i = 0; i < o.time_edges_days.size(); ++i)
    if (o.time_edges_days[i] < 0 || o.time_edges_days[i] > 100000 ||
        (i && o.time_edges_days[i] <= o.time_edges_days[i - 1]))
      throw UsageError("knox: time bands must be non-negative, increasing days (<= 100000)");
  if (o.permutations < 1 || o.permutations > 1000000)
    throw UsageError("knox: permutations must be between 1 and 1000000");
}

// Pairs closer than the largest distance edge, with their distance band. Capped so a citywide
// all-crimes layer cannot exhaust memory (9 bytes per pair: 30 M pairs = 270 MB).
constexpr size_t kMaxPairs = 30'000'000;
struct ClosePairs {
  std::vector<uint32_t> a, b;
  std::vector<uint8_t> band;
};

ClosePairs find_close_pairs(std::span<const double> x, std::span<const double> y,
                            const std::vector<double>& edges) {
  ClosePairs out;
  const size_t n = x.size();
  if (n < 2) return out;
  const double dmax = edges.back();
  double xmin = x[0], ymin = y[0], xmax = x[0], ymax = y[0];
  for (size_t i = 1; i < n; ++i) {
    xmin = std::min(xmin, x[i]);
    xmax = std::max(xmax, x[i]);
    ymin = std::min(ymin, y[i]);
    ymax = std::max(ymax, y[i]);
  }
  double cell = dmax;
  while (((xmax - xmin) / cell + 1) * ((ymax - ymin) / cell + 1) > 4.0e6) cell *= 2;
  const int nx = static_cast<int>((xmax - xmin) / cell) + 1;
  const int ny = static_cast<int>((ymax - ymin) / cell) + 1;
  auto cx = [&](double v) { return std::min(nx - 1, static_cast<int>((v - xmin) / cell)); };
  auto cy = [&](double v) { return std::min(ny - 1, static_cast<int>((v - ymin) / cell)); };
  std::vector<uint32_t> start(static_cast<size_t>(nx) * ny + 1, 0), cell_of(n), items(n);
  for (size_t i = 0; i < n; ++i) ++start[(cell_of[i] = cy(y[i]) * nx + cx(x[i])) + 1];
  for (size_t c = 1; c < start.size(); ++c) start[c] += start[c - 1];
  std::vector<uint32_t> fill(start.begin(), start.end() - 1);
  for (size_t i = 0; i < n; ++i) items[fill[cell_of[i]]++] = static_cast<uint32_t>(i);
  std::vector<double> edges2(edges.size());
  for (size_t k = 0; k < edges.size(); ++k) edges2[k] = edges[k] * edges[k];
  for (size_t i = 0; i < n; ++i) {
    const int gx = cx(x[i]), gy = cy(y[i]);
    for (int yy = std::max(0, gy - 1); yy <= std::min(ny - 1, gy + 1); ++yy)
      for (int xx = std::max(0, gx - 1); xx <= std::min(nx - 1, gx + 1); ++xx) {
        const size_t c = static_cast<size_t>(yy) * nx + xx;
        for (uint32_t k = start[c]; k < start[c + 1]; ++k) {
          const uint32_t j = items[k];
          if (j <= i) continue;
          const double dx = x[j] - x[i], dy = y[j] - y[i], d2 = dx * dx + dy * dy;
          if (d2 > edges2.back()) continue;
          if (out.a.size() >= kMaxPairs)
            throw DataError("knox: more than " + std::to_string(kMaxPairs) +
                            " pairs within the largest distance band; filter the incidents "
                            "(--where, --from/--to) or use smaller distance bands");
          const auto band = std::lower_bound(edges2.begin(), edges2.end(), d2) - edges2.begin();
          out.a.push_back(static_cast<uint32_t>(i));
          out.b.push_back(j);
          out.band.push_back(static_cast<uint8_t>(band));
        }
      }
  }
  return out;
}

}  // namespace

KnoxResult knox_test(std::span<const double> x, std::span<const double> y,
                     std::span<const int64_t> t, const KnoxOptions& options) {
  check_edges(options);
  if (options.distance_edges_m.size() > 250) throw UsageError("knox: at most 250 distance bands");
  const size_t n = std::min({x.size(), y.size(), t.size()});
  KnoxResult r;
  r.incidents = n;
  r.permutations = options.permutations;
  r.distance_bands = options.distance_edges_m.size();
  r.time_bands = options.time_edges_days.size() + 1;  // + "beyond"
  const size_t ncells = r.distance_bands * r.time_bands;
  r.cells.assign(ncells, {});

  const ClosePairs pairs = find_close_pairs(x.first(n), y.first(n), options.distance_edges_m);
  r.close_pairs = pairs.a.size();
  // Time band of a gap in days: table lookup up to the last edge, then "beyond".
  const int64_t last = options.time_edges_days.back();
  std::vector<uint8_t> band_of_gap(static_cast<size_t>(last) + 1);
  for (int64_t g = 0, k = 0; g <= last; ++g) {
    while (g > options.time_edges_days[k]) ++k;
    band_of_gap[g] = static_cast<uint8_t>(k);
  }
  const uint8_t beyond = static_cast<uint8_t>(options.time_edges_days.size());
  auto count_pairs = [&](const std::vector<int64_t>& days, std::vector<int64_t>& counts) {
    std::fill(counts.begin(), counts.end(), 0);
    for (size_t k = 0; k < pairs.a.size(); ++k) {
      const int64_t gap = std::abs(days[pairs.a[k]] - days[pairs.b[k]]);
      const uint8_t tb = gap > last ? beyond : band_of_gap[gap];
      ++counts[pairs.band[k] * r.time_bands + tb];
    }
  };
  std::vector<int64_t> days(n);
  for (size_t i = 0; i < n; ++i) days[i] = days_of(t[i]);
  std::vector<int64_t> observed(ncells);
  count_pairs(days, observed);

  const unsigned threads =
      std::max(1u, std::min<unsigned>(worker_count(options.threads),
                                      static_cast<unsigned>(options.permutations)));
  std::vector<std::vector<double>> sum(threads, std::vector<double>(ncells, 0));
  std::vector<std::vector<int64_t>> ge(threads, std::vector<int64_t>(ncells, 0));
  parallel_workers(threads, [&](unsigned th) {
    std::vector<int64_t> perm(days), counts(ncells);
    for (int p = static_cast<int>(th); p < options.permutations; p += static_cast<int>(threads)) {
      // One stream per permutation, shuffling from the observed order each time: results do not
      // depend on the thread count.
      std::copy(days.begin(), days.end(), perm.begin());
      uint64_t s = options.seed ^ (0xD1B54A32D192ED03ull * static_cast<uint64_t>(p + 1));
      Random rng(splitmix64(s));
      for (size_t i = n; i > 1; --i) std::swap(perm[i - 1], perm[rng.below(i)]);
      count_pairs(perm, counts);
      for (size_t c = 0; c < ncells; ++c) {
        sum[th][c] += static_cast<double>(counts[c]);
        ge[th][c] += counts[c] >= observed[c];
      }
    }
  });
  for (size_t c = 0; c < ncells; ++c) {
    double s = 0;
    int64_t g = 0;
    for (unsigned th = 0; th < threads; ++th) {
      s += sum[th][c];
      g += ge[th][c];
    }
    KnoxCell& cell = r.cells[c];
    cell.observed = observed[c];
    cell.expected = s / options.permutations;
    cell.ratio = cell.expected > 0 ? static_cast<double>(cell.observed) / cell.expected
                                   : std::numeric_limits<double>::quiet_NaN();
    cell.p = (1.0 + static_cast<double>(g)) / (options.permutations + 1.0);
  }
  return r;
}

}  // namespace faro
