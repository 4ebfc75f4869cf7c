#include "render/sector_labels.hpp"

#include <algorithm>
#include <numeric>

#include "core/polylabel.hpp"

namespace faro::render {

std::vector<MapLabel> sector_labels(const SectorSet& sectors) {
  const size_t n = sectors.size();
  // Rank by area rather than using the area itself: m² overflow an int priority for large
  // districts, and only the order matters.
  std::vector<size_t> by_area(n);
  std::iota(by_area.begin(), by_area.end(), size_t{0});
  std::stable_sort(by_area.begin(), by_area.end(), [&](size_t a, size_t b) {
    return area(sectors.sectors[a].shape) < area(sectors.sectors[b].shape);
  });
  std::vector<int> rank(n);
  for (size_t r = 0; r < n; ++r) rank[by_area[r]] = static_cast<int>(r);

  std::vector<MapLabel> labels;
  labels.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    const Sector& s = sectors.sectors[i];
    const Box box = bounds(s.shape);
    if (s.name.empty() || box.empty()) continue;
    const double precision = std::max(1.0, 0.005 * std::max(box.width(), box.height()));
    const PoleOfInaccessibility pole = polylabel(s.shape, precision);
    labels.push_back({s.name, pole.point, box, rank[i]});
  }
  return labels;
}

}  // namespace faro::render
