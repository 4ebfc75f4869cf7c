#include "core/color_domain.hpp"

#include <algorithm>
#include <cmath>

#include "core/errors.hpp"

namespace faro {

float nonzero_percentile(std::span<const float> values, double percentile) {
  if (!(percentile > 0 && percentile <= 100))
    throw UsageError("colour percentile must be in (0, 100]");
  std::vector<float> nz;
  for (float v : values)
    if (v > 0 && std::isfinite(v)) nz.push_back(v);
  if (nz.empty()) return 0;
  // Nearest rank: ceil(p/100 * n), 1-based.
  const double rank = std::ceil(percentile / 100.0 * static_cast<double>(nz.size()));
  const size_t k = static_cast<size_t>(std::clamp(rank, 1.0, static_cast<double>(nz.size()))) - 1;
  std::nth_element(nz.begin(), nz.begin() + static_cast<std::ptrdiff_t>(k), nz.end());
  return nz[k];
}

ColorDomain resolve_color_domain(const ColorDomain& requested, std::span<const float> values) {
  if (requested.locked) {
    if (!(requested.max > requested.min) || !std::isfinite(requested.max) ||
        !std::isfinite(requested.min))
      throw UsageError("a locked colour domain needs finite min < max");
    return requested;
  }
  ColorDomain d = requested;
  d.min = 0;
  d.max = nonzero_percentile(values, requested.percentile);
  if (!(d.max > 0)) d.max = 1;
  return d;
}

double saturated_fraction(std::span<const float> values, const ColorDomain& domain) {
  size_t nonzero = 0, above = 0;
  for (float v : values) {
    if (!(v > 0) || !std::isfinite(v)) continue;
    ++nonzero;
    if (v > domain.max) ++above;
  }
  return nonzero ? static_cast<double>(above) / static_cast<double>(nonzero) : 0.0;
}

uint8_t quantize_level(float v, const ColorDomain& d, int levels) {
  if (!(v > d.min)) return 0;  // also NaN
  if (v >= d.max) return static_cast<uint8_t>(levels - 1);
  const double f = (static_cast<double>(v) - d.min) / (static_cast<double>(d.max) - d.min);
  const int level = 1 + static_cast<int>(f * (levels - 1));
  return static_cast<uint8_t>(std::clamp(level, 1, levels - 1));
}

std::vector<uint8_t> quantize(std::span<const float> values, const ColorDomain& domain,
                              int levels) {
  if (levels < 2 || levels > 256) throw UsageError("colour levels must be 2..256");
  std::vector<uint8_t> out(values.size());
  for (size_t i = 0; i < values.size(); ++i) out[i] = quantize_level(values[i], domain, levels);
  return out;
}

std::vector<float> level_breaks(const ColorDomain& d, int levels) {
  if (levels < 2 || levels > 256) throw UsageError("colour levels must be 2..256");
  std::vector<float> b(levels);
  b[0] = d.min;
  for (int k = 1; k < levels; ++k)
    b[k] =
        static_cast<float>(d.min + (static_cast<double>(d.max) - d.min) * (k - 1) / (levels - 1));
  return b;
}

}  // namespace faro
