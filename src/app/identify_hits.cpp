#include "app/identify_hits.hpp"

#include <algorithm>
#include <utility>

namespace faro::app {

std::vector<uint32_t> incidents_near(const IncidentStore& all, const std::vector<uint32_t>& rows,
                                     Vec2 at, double radius_m, size_t max_hits) {
  std::vector<std::pair<double, uint32_t>> near;
  const double r2 = radius_m * radius_m;
  for (uint32_t i : rows) {
    if (i >= all.size()) continue;
    const double dx = all.x[i] - at.x, dy = all.y[i] - at.y;
    const double d2 = dx * dx + dy * dy;
    if (d2 <= r2) near.emplace_back(d2, i);
  }
  std::stable_sort(near.begin(), near.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<uint32_t> out;
  for (size_t k = 0; k < near.size() && k < max_hits; ++k) out.push_back(near[k].second);
  return out;
}

double click_radius_m(float size_px, double metres_per_pixel, double ui_scale) {
  return (0.5 * size_px + 3.0 * ui_scale) * metres_per_pixel;
}

}  // namespace faro::app
