#pragma once
// Knox test for space-time interaction ("near repeats", Knox 1964; the table of the Near Repeat
// Calculator, Ratcliffe 2009). For every pair of incidents closer than the largest distance band,
// the pair is counted in the cell (distance band, time band) it falls in; the expected count of
// each cell comes from Monte Carlo permutations of the incident times over the locations (which
// keeps both the spatial and the temporal distributions and breaks only their interaction).
//
// Bands are given by their upper edges, inclusive: distance edges {100, 200, 400} m mean
// [0, 100], (100, 200], (200, 400]; time edges {7, 14, 30} days mean 0-7, 8-14, 15-30 days apart,
// with days counted between calendar dates (civil days, so same-day pairs are 0 apart).
// Pairs farther apart in time than the last edge fall in a final "beyond" time column (> 30
// days), so the ratios of the near columns are read against it as in the calculator.
//
// ratio = observed / mean(permuted); p = (1 + #perms with count >= observed) / (perms + 1).
// Cost: close pairs are found once with a uniform grid (cell = the largest distance), then each
// permutation only re-bins those pairs' time gaps: O(n + pairs x perms), multithreaded.
#include <cstdint>
#include <span>
#include <vector>

namespace faro {

struct KnoxOptions {
  std::vector<double> distance_edges_m{100, 200, 400};
  std::vector<int64_t> time_edges_days{7, 14, 30};
  int permutations = 999;
  uint64_t seed = 12345;
  unsigned threads = 0;  // 0 = hardware concurrency
};

struct KnoxCell {
  int64_t observed = 0;
  double expected = 0;  // mean over permutations
  double ratio = 0;     // observed / expected (NaN when expected is 0)
  double p = 1;         // one-sided: more pairs than chance
};

struct KnoxResult {
  size_t distance_bands = 0, time_bands = 0;  // time_bands includes the final "beyond" column
  std::vector<KnoxCell> cells;                // row-major [distance band][time band]
  size_t incidents = 0;
  size_t close_pairs = 0;  // pairs within the largest distance band
  int permutations = 0;
  const KnoxCell& at(size_t d, size_t t) const { return cells[d * time_bands + t]; }
};

// x, y in metres (working CRS), t in civil seconds (core/civil_time.hpp). Edges must be positive
// and strictly increasing (throws UsageError).
KnoxResult knox_test(std::span<const double> x, std::span<const double> y,
                     std::span<const int64_t> t, const KnoxOptions& options = {});

}  // namespace faro
