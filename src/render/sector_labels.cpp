#include "render/sector_labels.hpp"

#include <algorithm>

#include "core/polylabel.hpp"
#include "render/context_labels.hpp"

namespace faro::render {

std::vector<MapLabel> sector_labels(const SectorSet& sectors) {
  std::vector<MapLabel> labels;
  labels.reserve(sectors.size());
  for (const Sector& s : sectors.sectors) {
    const Box box = bounds(s.shape);
    if (s.name.empty() || box.empty()) continue;
    const double precision = std::max(1.0, 0.005 * std::max(box.width(), box.height()));
    const PoleOfInaccessibility pole = polylabel(s.shape, precision);
    // The same scale as area names (render/context_labels.hpp), so one placement pass ranks a
    // sector against the colonias and alcaldías around it by size.
    labels.push_back({s.name, pole.point, box, label_priority(area(s.shape))});
  }
  return labels;
}

}  // namespace faro::render
