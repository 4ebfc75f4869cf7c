#pragma once
// The outlines of groups of sectors (e.g. alcaldías), for the partner-safe groups map
// (core/adaptive_protection.hpp): drawn heavier than the sector lines so the unit the counts are
// of reads at a glance. Made from the sectors' own edges: an edge is on a group's outline when no
// other sector shares it (the city's edge) or the sector that shares it is in another group.
// Sector files cut from one coverage share their vertices exactly (CDMX's sectores_2023 does:
// every inner edge is matched), so the outlines are exact without a polygon union; where two
// neighbours were digitised apart, their edges show as outline too (a heavier line, never a
// missing one).
#include <cstdint>
#include <span>
#include <vector>

#include "core/sectors.hpp"
#include "render/context_line_layer.hpp"

namespace faro::render {

// Polylines (working CRS) of the outlines of the groups `group_of_sector` (one per sector; -1 =
// in no group, which counts as one more group), edges joined end to end.
std::vector<LineStrip> group_outlines(const SectorSet& sectors,
                                      std::span<const int32_t> group_of_sector);

}  // namespace faro::render
