#include "core/emerging_hotspots.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "core/gi_star.hpp"

namespace faro {

const char* to_string(EmergingPattern p) {
  switch (p) {
    case EmergingPattern::none:
      return "No Pattern Detected";
    case EmergingPattern::new_hot:
      return "New Hot Spot";
    case EmergingPattern::consecutive_hot:
      return "Consecutive Hot Spot";
    case EmergingPattern::intensifying_hot:
      return "Intensifying Hot Spot";
    case EmergingPattern::persistent_hot:
      return "Persistent Hot Spot";
    case EmergingPattern::diminishing_hot:
      return "Diminishing Hot Spot";
    case EmergingPattern::sporadic_hot:
      return "Sporadic Hot Spot";
    case EmergingPattern::oscillating_hot:
      return "Oscillating Hot Spot";
    case EmergingPattern::historical_hot:
      return "Historical Hot Spot";
    case EmergingPattern::new_cold:
      return "New Cold Spot";
    case EmergingPattern::consecutive_cold:
      return "Consecutive Cold Spot";
    case EmergingPattern::intensifying_cold:
      return "Intensifying Cold Spot";
    case EmergingPattern::persistent_cold:
      return "Persistent Cold Spot";
    case EmergingPattern::diminishing_cold:
      return "Diminishing Cold Spot";
    case EmergingPattern::sporadic_cold:
      return "Sporadic Cold Spot";
    case EmergingPattern::oscillating_cold:
      return "Oscillating Cold Spot";
    case EmergingPattern::historical_cold:
      return "Historical Cold Spot";
  }
  return "No Pattern Detected";
}

SpaceTimeGiStar space_time_gi_star(std::span<const double> counts, size_t units, size_t bins,
                                   const SpatialWeights& w, int time_step, bool fdr) {
  if (counts.size() != units * bins || w.size() != units)
    throw std::invalid_argument("space_time_gi_star: cube and weights differ in size");
  SpaceTimeGiStar cube;
  cube.units = units;
  cube.bins = bins;
  const size_t cells = units * bins;
  cube.z.assign(cells, std::numeric_limits<double>::quiet_NaN());
  cube.p.assign(cells, 1.0);
  if (cells < 2) {
    cube.p_fdr = cube.p;
    return cube;
  }
  // Global window = the entire cube (population variance, as in the purely spatial Gi*).
  const double n = static_cast<double>(cells);
  double mean = 0;
  for (double v : counts) mean += v;
  mean /= n;
  double ss = 0;
  for (double v : counts) ss += (v - mean) * (v - mean);
  const double sd = std::sqrt(ss / n);
  // Per-location prefix sums over time make each window sum O(1).
  std::vector<double> prefix(units * (bins + 1), 0.0);
  for (size_t u = 0; u < units; ++u)
    for (size_t t = 0; t < bins; ++t)
      prefix[u * (bins + 1) + t + 1] = prefix[u * (bins + 1) + t] + counts[u * bins + t];
  const size_t step = static_cast<size_t>(std::max(0, time_step));
  for (size_t u = 0; u < units; ++u) {
    const auto nbrs = w.of(u);
    if (nbrs.empty() && step == 0) continue;  // no neighbour at all: undefined
    for (size_t t = 0; t < bins; ++t) {
      const size_t t0 = t >= step ? t - step : 0;
      auto window = [&](size_t j) {
        return prefix[j * (bins + 1) + t + 1] - prefix[j * (bins + 1) + t0];
      };
      double lag = window(u);
      for (uint32_t j : nbrs) lag += window(j);
      const double wsum = static_cast<double>((nbrs.size() + 1) * (t - t0 + 1));
      if (wsum < 2) continue;  // only itself: undefined
      const double den = sd * std::sqrt((n * wsum - wsum * wsum) / (n - 1));
      if (!(den > 0)) continue;
      const size_t c = u * bins + t;
      cube.z[c] = (lag - mean * wsum) / den;
      cube.p[c] = two_sided_normal_p(cube.z[c]);
    }
  }
  cube.p_fdr = fdr ? benjamini_hochberg(cube.p) : cube.p;
  return cube;
}

namespace {

// Hot-side classification on `state` where +1 means "significant in the direction examined" and
// -1 the opposite; `trend_up` / `trend_down` are significant trends toward / away from it.
// Returns 0 none, else 1 new, 2 consecutive, 3 intensifying, 4 persistent, 5 diminishing,
// 6 sporadic, 7 oscillating, 8 historical.
int classify_side(std::span<const int8_t> state, int8_t side, bool trend_up, bool trend_down) {
  const size_t n = state.size();
  if (n == 0) return 0;
  size_t same = 0, opposite = 0;
  for (int8_t s : state) {
    same += s == side;
    opposite += s == -side;
  }
  const bool ninety = static_cast<double>(same) >= 0.9 * static_cast<double>(n);
  if (state[n - 1] != side) return ninety ? 8 : 0;  // historical, or nothing on this side
  if (ninety) return trend_up ? 3 : trend_down ? 5 : 4;
  if (opposite > 0) return 7;  // oscillating (see the header for New vs Oscillating)
  if (same == 1) return 1;     // new: only the final bin
  size_t run = 0;
  while (run < n && state[n - 1 - run] == side) ++run;
  if (run >= 2 && run == same) return 2;  // consecutive: the final run is the only one
  return 6;                               // sporadic
}

}  // namespace

EmergingPattern classify_emerging(std::span<const int8_t> state, const MannKendall& trend,
                                  double alpha_trend) {
  const bool significant = trend.p < alpha_trend;
  const bool up = significant && trend.z > 0, down = significant && trend.z < 0;
  auto hot = [&]() -> EmergingPattern {
    const int h = classify_side(state, +1, up, down);
    return h ? static_cast<EmergingPattern>(static_cast<int>(EmergingPattern::new_hot) + h - 1)
             : EmergingPattern::none;
  };
  auto cold = [&]() -> EmergingPattern {  // intensifying = z-scores growing more negative
    const int c = classify_side(state, -1, down, up);
    return c ? static_cast<EmergingPattern>(static_cast<int>(EmergingPattern::new_cold) + c - 1)
             : EmergingPattern::none;
  };
  // The side of the final bin decides first: a location that ends significantly cold after a hot
  // history is an Oscillating Cold Spot, not a Historical Hot Spot (both definitions fit).
  const bool ends_cold = !state.empty() && state.back() < 0;
  const EmergingPattern first = ends_cold ? cold() : hot();
  if (first != EmergingPattern::none) return first;
  return ends_cold ? hot() : cold();
}

std::vector<double> detrend_by_area_total(std::span<const double> counts, size_t units,
                                          size_t bins) {
  if (counts.size() != units * bins)
    throw std::invalid_argument("detrend_by_area_total: cube size differs from units x bins");
  std::vector<double> total(bins, 0.0);
  for (size_t u = 0; u < units; ++u)
    for (size_t t = 0; t < bins; ++t) total[t] += counts[u * bins + t];
  double mean = 0;
  for (double v : total) mean += v;
  if (bins > 0) mean /= static_cast<double>(bins);
  std::vector<double> out(counts.begin(), counts.end());
  for (size_t u = 0; u < units; ++u)
    for (size_t t = 0; t < bins; ++t)
      out[u * bins + t] = total[t] > 0 ? counts[u * bins + t] * (mean / total[t]) : 0.0;
  return out;
}

EmergingResult emerging_hotspots(std::span<const double> counts, size_t units, size_t bins,
                                 const SpatialWeights& w, const EmergingOptions& options) {
  EmergingResult r;
  r.cube = space_time_gi_star(counts, units, bins, w, options.time_step, options.fdr);
  r.detrended = options.detrend;
  // The trend's z-scores: the raw cube's, or those of the detrended cube (p-values unused).
  SpaceTimeGiStar detrended;
  if (options.detrend)
    detrended = space_time_gi_star(detrend_by_area_total(counts, units, bins), units, bins, w,
                                   options.time_step, false);
  const std::vector<double>& trend_z = options.detrend ? detrended.z : r.cube.z;
  r.trend.resize(units);
  r.pattern.resize(units);
  std::vector<int8_t> state(bins);
  for (size_t u = 0; u < units; ++u) {
    for (size_t t = 0; t < bins; ++t) {
      const size_t c = u * bins + t;
      const double z = r.cube.z[c];
      const bool sig = !std::isnan(z) && r.cube.p_fdr[c] < options.alpha_bin;
      state[t] = sig ? (z > 0 ? 1 : -1) : 0;
    }
    r.trend[u] = mann_kendall(std::span<const double>(trend_z).subspan(u * bins, bins));
    r.pattern[u] = classify_emerging(state, r.trend[u], options.alpha_trend);
  }
  return r;
}

}  // namespace faro
