#include "ui/scale_bar.hpp"

#include <cmath>

#include "ui/format.hpp"

namespace faro::ui {
namespace {

// Largest 1-2-5 × 10^k value <= x (x > 0).
double round_down_125(double x) {
  const double p = std::pow(10.0, std::floor(std::log10(x)));
  const double m = x / p;
  // A relative tolerance keeps exact inputs (e.g. 5000) from falling to the step below.
  const double step = m >= 5 - 1e-9 ? 5 : m >= 2 - 1e-9 ? 2 : 1;
  return step * p;
}

// Smallest 1-2-5 × 10^k value >= x (x > 0).
double round_up_125(double x) {
  const double p = std::pow(10.0, std::floor(std::log10(x)));
  const double m = x / p;
  const double step = m <= 1 + 1e-9 ? 1 : m <= 2 + 1e-9 ? 2 : m <= 5 + 1e-9 ? 5 : 10;
  return step * p;
}

}  // namespace

std::optional<ScaleBarChoice> choose_scale_bar(double metres_per_pixel, float max_pixels) {
  if (!(metres_per_pixel > 0) || !std::isfinite(metres_per_pixel) || !(max_pixels > 0))
    return std::nullopt;
  const double max_metres = metres_per_pixel * max_pixels;
  if (max_metres < 1) return std::nullopt;
  ScaleBarChoice c;
  c.metres = round_down_125(max_metres);
  c.pixels = static_cast<float>(c.metres / metres_per_pixel);
  c.label = format_distance(c.metres);
  return c;
}

std::vector<LegendTick> legend_ticks(const ColorDomain& domain, int target) {
  std::vector<LegendTick> ticks;
  const double lo = domain.min, hi = domain.max;
  if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi)) return ticks;
  const double step = round_up_125((hi - lo) / std::max(1, target));
  // Round ticks strictly below the max, and not so close to it that the labels collide.
  for (double v = std::ceil(lo / step) * step; v < hi - 0.35 * step; v += step) {
    LegendTick t;
    t.value = static_cast<float>(v);
    t.position = static_cast<float>((v - lo) / (hi - lo));
    t.label = format_value(std::fabs(v) < 1e-12 ? 0.0 : v);
    ticks.push_back(std::move(t));
  }
  LegendTick top;
  top.value = static_cast<float>(hi);
  top.position = 1.0f;
  top.label = "≥ " + format_value(hi);
  ticks.push_back(std::move(top));
  return ticks;
}

}  // namespace faro::ui
