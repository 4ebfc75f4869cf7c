// The weekly brief's near-repeat section (core/near_repeat.hpp week_near_repeat).
#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "core/civil_time.hpp"
#include "core/errors.hpp"
#include "core/near_repeat.hpp"

namespace faro {

WeekNearRepeat week_near_repeat(std::span<const double> x, std::span<const double> y,
                                std::span<const int64_t> t, std::span<const SectorCode> sector,
                                const Box& extent,
                                const std::function<bool(double, double)>& inside,
                                int64_t monday, const NearRepeatParams& params, double grid_m) {
  if (params.radius_m <= 0 || params.days <= 0 || grid_m <= 0)
    throw UsageError("near-repeat: the radius, days and grid must be positive");
  WeekNearRepeat out;
  out.params = params;
  const double r = params.radius_m, r2 = r * r;
  const int nx = std::max(1, static_cast<int>(std::ceil((extent.xmax - extent.xmin) / grid_m)));
  const int ny = std::max(1, static_cast<int>(std::ceil((extent.ymax - extent.ymin) / grid_m)));
  // Incidents in the study area by day, from `days` before the week to its end.
  std::map<int64_t, std::vector<size_t>> by_day;
  for (size_t i = 0; i < t.size(); ++i) {
    const int64_t d = days_of(t[i]);
    if (d < monday - params.days || d >= monday + 7) continue;
    if (inside(x[i], y[i])) by_day[d].push_back(i);
  }
  // The study area on the grid (cell centres tested once).
  std::vector<uint8_t> in(static_cast<size_t>(nx) * ny, 0);
  size_t area_cells = 0;
  for (int j = 0; j < ny; ++j)
    for (int i = 0; i < nx; ++i)
      if (inside(extent.xmin + (i + 0.5) * grid_m, extent.ymin + (j + 0.5) * grid_m))
        in[static_cast<size_t>(j) * nx + i] = 1, ++area_cells;
  auto cell_inside = [&](int i, int j) { return in[static_cast<size_t>(j) * nx + i] != 0; };
  if (area_cells == 0) return out;
  double share_sum = 0;
  for (int64_t d = monday; d < monday + 7; ++d) {
    std::vector<size_t> seeds;
    for (int64_t s = d - params.days; s < d; ++s)
      if (const auto it = by_day.find(s); it != by_day.end())
        seeds.insert(seeds.end(), it->second.begin(), it->second.end());
    // Coverage that day.
    std::unordered_map<size_t, bool> covered;
    for (size_t s : seeds) {
      const int i0 = std::max(0, static_cast<int>(std::floor((x[s] - r - extent.xmin) / grid_m)));
      const int i1 = std::min(nx - 1, static_cast<int>(std::floor((x[s] + r - extent.xmin) / grid_m)));
      const int j0 = std::max(0, static_cast<int>(std::floor((y[s] - r - extent.ymin) / grid_m)));
      const int j1 = std::min(ny - 1, static_cast<int>(std::floor((y[s] + r - extent.ymin) / grid_m)));
      for (int j = j0; j <= j1; ++j)
        for (int i = i0; i <= i1; ++i) {
          const double cx = extent.xmin + (i + 0.5) * grid_m - x[s];
          const double cy = extent.ymin + (j + 0.5) * grid_m - y[s];
          if (cx * cx + cy * cy <= r2 && cell_inside(i, j))
            covered[static_cast<size_t>(j) * nx + i] = true;
        }
    }
    share_sum += static_cast<double>(covered.size()) / static_cast<double>(area_cells);
    // The day's incidents against that day's zones.
    if (const auto it = by_day.find(d); it != by_day.end())
      for (size_t i : it->second) {
        ++out.incidents;
        bool hit = false;
        for (size_t s : seeds)
          if ((x[i] - x[s]) * (x[i] - x[s]) + (y[i] - y[s]) * (y[i] - y[s]) <= r2) {
            hit = true;
            break;
          }
        out.hits += hit;
      }
  }
  out.area_share = share_sum / 7;
  // Zones active at the end of the week, by the sector of their first seed.
  const int64_t sunday = monday + 6;
  std::vector<double> zx, zy;
  std::vector<int64_t> zt;
  std::vector<int32_t> zs;
  for (const auto& [d, rows] : by_day)
    for (size_t i : rows)
      zx.push_back(x[i]), zy.push_back(y[i]), zt.push_back(t[i]),
          zs.push_back(i < sector.size() ? sector[i] : -1);
  const std::vector<RiskZone> zones = risk_zones(zx, zy, zt, sunday, params);
  out.zones_at_end = zones.size();
  std::map<int32_t, int> per_sector;
  for (const RiskZone& z : zones)
    for (size_t k = 0; k < zx.size(); ++k)
      if (zx[k] == z.seeds.front().x && zy[k] == z.seeds.front().y) {
        ++per_sector[zs[k]];
        break;
      }
  for (const auto& [s, n] : per_sector)
    if (s >= 0) out.zones_by_sector.push_back({s, n});
  std::stable_sort(out.zones_by_sector.begin(), out.zones_by_sector.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

}  // namespace faro
