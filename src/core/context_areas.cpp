#include "core/context_areas.hpp"

#include <algorithm>

#include "core/polylabel.hpp"

namespace faro {

void index_areas(ContextAreas& areas) {
  areas.index = areas.areas.size() > 0 ? std::make_shared<const SectorIndex>(areas.areas) : nullptr;
  areas.anchors.clear();
  areas.anchors.reserve(areas.areas.size());
  for (const Sector& a : areas.areas.sectors) {
    // 0.5 % of the area's size (at least 1 m), as sector labels: finer moves no label visibly.
    const double precision = std::max(1.0, 0.005 * std::max(a.bbox.width(), a.bbox.height()));
    areas.anchors.push_back(a.bbox.empty() ? Vec2{} : polylabel(a.shape, precision).point);
  }
}

std::vector<AreaHit> areas_at(const std::vector<std::shared_ptr<const ContextAreas>>& sets,
                              Vec2 p) {
  std::vector<AreaHit> hits;
  for (const auto& set : sets) {
    if (!set || !set->index) continue;
    const int32_t i = set->index->locate(p.x, p.y);
    if (i != kNoSector) hits.push_back({set.get(), static_cast<size_t>(i)});
  }
  return hits;
}

}  // namespace faro
