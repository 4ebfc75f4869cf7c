#pragma once
// Colour domain for density grids (heatmap legend and GeoTIFF metadata). "Auto" is a stated high
// percentile of the non-zero cells, not the maximum: one stacked location (the FGJ data has a
// default point with 261 reports next to the prosecutor's offices) would otherwise own the top of
// the scale and leave the rest of the city in the first colour. "Locked" keeps a user's domain so
// maps of different periods or filters are comparable.
#include <cstdint>
#include <span>
#include <vector>

namespace faro {

constexpr double kDefaultAutoPercentile = 99.0;

struct ColorDomain {
  float min = 0;  // values <= min get level 0 (transparent / no density)
  float max = 1;  // values >= max get the top level (saturated)
  bool locked = false;
  double percentile = kDefaultAutoPercentile;  // used when !locked
};

// Nearest-rank percentile (p in (0, 100]) of the finite values > 0: the smallest value v such that
// at least p % of them are <= v. 0 when there are none.
float nonzero_percentile(std::span<const float> values, double percentile);

// The domain actually used: a locked one as given; otherwise [0, nonzero_percentile(values, p)]
// (max 1 when every cell is zero, so the scale is never empty). Throws UsageError for p outside
// (0, 100] or a locked domain with max <= min.
ColorDomain resolve_color_domain(const ColorDomain& requested, std::span<const float> values);

// Fraction of the non-zero cells above the domain's max (shown next to the legend: "2.0 % of
// cells saturated").
double saturated_fraction(std::span<const float> values, const ColorDomain& domain);

// Quantisation to `levels` colours (2..256): level 0 = no density (v <= min, NaN); levels
// 1..levels-1 split (min, max] linearly; v >= max is the top level.
uint8_t quantize_level(float v, const ColorDomain& domain, int levels = 256);
std::vector<uint8_t> quantize(std::span<const float> values, const ColorDomain& domain,
                              int levels = 256);
// Lower bound of each level's value range, for legends: breaks[k] for k = 1..levels-1; breaks[0]
// is `min`.
std::vector<float> level_breaks(const ColorDomain& domain, int levels = 256);

}  // namespace faro
