#include "core/locked_classes.hpp"

#include <algorithm>
#include <cmath>

namespace faro {

LockedClasses lock_classes(std::span<const double> pooled, ChoroplethScale scale, int classes) {
  std::vector<std::optional<double>> values;
  for (double v : pooled)
    if (std::isfinite(v)) values.emplace_back(v);
  if (values.empty()) return {};
  const Choropleth c = classify(std::move(values), scale, ColormapName::ylorrd, classes);
  if (scale == ChoroplethScale::continuous) return {{std::min(0.0, c.vmin), c.vmax}};
  LockedClasses out;
  for (const ChoroplethClass& k : c.classes) out.emplace_back(k.lower, k.upper);
  return out;
}

Choropleth classify_locked(std::vector<std::optional<double>> values, const LockedClasses& locked,
                           ChoroplethScale scale, ColormapName colormap) {
  Choropleth c;
  c.values = std::move(values);
  c.colors.assign(c.values.size(), kNoDataColor);
  if (locked.empty()) return c;
  c.vmin = locked.front().first;
  c.vmax = locked.back().second;
  if (scale == ChoroplethScale::continuous) {
    const double top = c.vmax > 0 ? c.vmax : 1.0;
    for (size_t s = 0; s < c.values.size(); ++s)
      if (c.values[s] && std::isfinite(*c.values[s]))
        c.colors[s] = colormap_sample(colormap, std::clamp(*c.values[s] / top, 0.0, 1.0));
    return c;
  }
  const size_t n = locked.size();
  for (size_t k = 0; k < n; ++k) {
    // The ramp positions classify() uses (core/choropleth.cpp), so a locked map reads like one
    // classified from its own data.
    const double t = n == 1 ? (locked[0].second > 0 ? 0.5 : 0.0) : (k + 0.5) / static_cast<double>(n);
    c.classes.push_back({locked[k].first, locked[k].second, colormap_sample(colormap, 0.1 + 0.9 * t)});
  }
  for (size_t s = 0; s < c.values.size(); ++s) {
    if (!c.values[s] || !std::isfinite(*c.values[s])) continue;
    size_t k = 0;
    while (k + 1 < n && *c.values[s] > locked[k].second) ++k;
    c.colors[s] = c.classes[k].color;
  }
  return c;
}

}  // namespace faro
