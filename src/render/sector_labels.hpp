#pragma once
// Sector name labels for the map overlay: each anchored at its polygon's pole of inaccessibility
// (core/polylabel.hpp), so the name sits inside even concave or holed sectors, with larger sectors
// winning label collisions (their names are the ones a reader looks for first).
#include <vector>

#include "core/sectors.hpp"
#include "render/map_overlay.hpp"

namespace faro::render {

// One label per sector with a name and a non-empty shape. The anchor's precision is 0.5 % of the
// sector's size (at least 1 m): finer does not move a label by a visible amount. Priority grows
// with the sector's area (render/context_labels.hpp label_priority, shared with area names).
std::vector<MapLabel> sector_labels(const SectorSet& sectors);

}  // namespace faro::render
