#pragma once
// Emerging hot spot analysis, following ArcGIS Pro's "Emerging Hot Spot Analysis"
// (Space Time Pattern Mining toolbox; definitions from "How Emerging Hot Spot Analysis works",
// https://pro.arcgis.com/en/pro-app/latest/tool-reference/space-time-pattern-mining/learnmoreemerging.htm):
//
// 1. Space-time Gi* for every (location, time bin) of a counts cube: the neighbourhood of bin
//    (i, t) is location i and its spatial neighbours, at times t - time_step .. t (ArcGIS's
//    "Neighborhood Time Step"; 1 = the current and the previous bin), binary weights; mean and
//    variance over the entire cube (ArcGIS's default "Entire cube" global window). p-values are
//    analytic and, by default, Benjamini-Hochberg corrected over the cube (ArcGIS applies FDR).
// 2. Mann-Kendall trend of each location's Gi* z-scores over the bins. By default (ArcGIS has no
//    such option) against the city trend: the trend is of the z-scores of a second space-time Gi*
//    on the counts detrended by the whole area's series, each bin's counts multiplied by
//    (mean total per bin / that bin's total), so every bin has the same total and a unit's
//    detrended count is its share of the city in that bin, in counts. Why: the global window is
//    the entire cube, so when the whole city declines every unit's z-scores decline with it, and
//    the raw trend reports the city, not the place (on CDMX firearm homicides 2019-2024 every
//    sector with a pattern had a raw trend z between -3.2 and -8.6). Detrended, a unit that only
//    follows the city has no trend, and one that holds steady while the city falls rises.
//    The per-bin hot/cold states of step 3 stay those of the raw cube (as ArcGIS): a place is a
//    hot spot of the period by its counts; only the direction of its trend is read against the
//    city. EmergingOptions::detrend = false gives ArcGIS's raw trend. Bins with no incident
//    anywhere stay zero.
// 3. Patterns (hot shown; cold is the mirror image with hot/cold and the trend sign swapped):
//    - New: significant hot in the final bin and never significant hot before.
//    - Consecutive: a single uninterrupted run of >= 2 significant hot bins at the end, never
//      significant hot before the run, and < 90 % of all bins significant hot.
//    - Intensifying: significant hot in >= 90 % of the bins, including the final one, with a
//      statistically significant increasing trend in the z-scores.
//    - Persistent: significant hot in >= 90 % of the bins (final included) with no significant
//      trend.
//    - Diminishing: as intensifying, with a significant decreasing trend.
//    - Sporadic: significant hot in the final bin, on-again off-again before, < 90 % hot, and never
//      significant cold.
//    - Oscillating: significant hot in the final bin, significant cold in some earlier bin, < 90 %
//      hot.
//    - Historical: not hot in the final bin, but significant hot in >= 90 % of the bins.
//    - No pattern: none of the above.
//    Where the published definitions overlap (hot only in the final bin after an earlier cold
//    bin fits both New and Oscillating), Oscillating wins, so New means "never significant
//    before"; and the side (hot/cold) of the final bin is tried first (ending cold after >= 90 %
//    hot bins is Oscillating Cold, not Historical Hot). Every location gets exactly one pattern.
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/mann_kendall.hpp"
#include "core/spatial_weights.hpp"

namespace faro {

enum class EmergingPattern : uint8_t {
  none,
  new_hot,
  consecutive_hot,
  intensifying_hot,
  persistent_hot,
  diminishing_hot,
  sporadic_hot,
  oscillating_hot,
  historical_hot,
  new_cold,
  consecutive_cold,
  intensifying_cold,
  persistent_cold,
  diminishing_cold,
  sporadic_cold,
  oscillating_cold,
  historical_cold,
};
// ArcGIS's names: "No Pattern Detected", "New Hot Spot", ..., "Historical Cold Spot".
const char* to_string(EmergingPattern p);

struct EmergingOptions {
  int time_step = 1;          // previous bins in each bin's neighbourhood
  double alpha_bin = 0.10;    // a bin is a significant hot/cold spot at p < alpha_bin (90 %)
  double alpha_trend = 0.05;  // Mann-Kendall trend significance
  bool fdr = true;            // BH-correct the bins' p-values over the whole cube
  bool detrend = true;        // Mann-Kendall against the city trend (see step 2 above)
};

// The cube (row-major, units x bins) with each bin rescaled to the mean total per bin: the
// detrending of step 2. Bins whose total is zero stay zero.
std::vector<double> detrend_by_area_total(std::span<const double> counts, size_t units,
                                          size_t bins);

// Row-major cube: value of location u in bin t at [u * bins + t].
struct SpaceTimeGiStar {
  size_t units = 0, bins = 0;
  std::vector<double> z, p, p_fdr;
  double at_z(size_t u, size_t t) const { return z[u * bins + t]; }
};

SpaceTimeGiStar space_time_gi_star(std::span<const double> counts, size_t units, size_t bins,
                                   const SpatialWeights& w, int time_step, bool fdr);

// Pattern of one location from its per-bin state (+1 significant hot, -1 significant cold, 0 not
// significant), oldest bin first, and the Mann-Kendall test of its z-scores.
EmergingPattern classify_emerging(std::span<const int8_t> state, const MannKendall& trend,
                                  double alpha_trend);

struct EmergingResult {
  SpaceTimeGiStar cube;                  // the raw counts' Gi* (the bins' hot/cold states)
  bool detrended = false;                // trend against the city (EmergingOptions::detrend)
  std::vector<MannKendall> trend;        // per location
  std::vector<EmergingPattern> pattern;  // per location
};

// counts.size() must be units * bins (throws std::invalid_argument), w.size() == units.
EmergingResult emerging_hotspots(std::span<const double> counts, size_t units, size_t bins,
                                 const SpatialWeights& w, const EmergingOptions& options = {});

}  // namespace faro
