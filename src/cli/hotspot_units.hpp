#pragma once
// `faro hotspots`' arguments for its analysis units (core/hotspot_units.hpp builds them): --unit
// and --neighbours.
#include <optional>
#include <string_view>

#include "core/hotspot_units.hpp"

namespace faro::cli {

using UnitKind = HotspotUnit;
using faro::HotspotUnits;
using faro::NeighbourSpec;

std::optional<UnitKind> parse_unit_kind(std::string_view s);  // sectors|grid|hex
// Throws UsageError naming --neighbours.
NeighbourSpec parse_neighbours(std::string_view s);

}  // namespace faro::cli
