#pragma once
// The analysis units of a hot-spot analysis (`faro hotspots`, the hotspots map layer): the sectors
// themselves, or square / hexagonal cells over the sectors' extent (working CRS, metres), with their
// neighbour weights and the unit of every incident. One builder for the CLI, `faro render` and the
// dashboard, so the three classify the same units.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/geometry.hpp"
#include "core/incidents.hpp"
#include "core/map_style.hpp"
#include "core/messages.hpp"
#include "core/sectors.hpp"
#include "core/spatial_weights.hpp"
#include "core/time_bins.hpp"

namespace faro {

// "sectors", "grid", "hex" and back.
const char* hotspot_unit_key(HotspotUnit u);
std::optional<HotspotUnit> parse_hotspot_unit(std::string_view s);

// "contiguity" (queen, shared boundary within `tolerance_m`) or "distance:<metres>" between unit
// centroids (cell centres for grids).
struct NeighbourSpec {
  bool distance = false;
  double distance_m = 0;
  double tolerance_m = 1.0;
  // e.g. "queen contiguity (1 m tolerance)" (the default, English, is what stderr reports).
  std::string text(Language lang = Language::en) const;
};

struct HotspotUnits {
  HotspotUnit kind = HotspotUnit::sectors;
  double cell_m = 0;                 // grids only
  std::vector<std::string> names;    // sector name, or "r<row>c<col>" of the grid cell
  std::vector<MultiPolygon> shapes;  // working CRS
  std::vector<Vec2> centres;         // centroid / cell centre
  SpatialWeights weights;
  std::vector<int32_t> unit_of_incident;  // -1 = in no unit
  size_t outside = 0;                     // incidents in no unit

  size_t size() const { return names.size(); }
  // Incidents per unit.
  std::vector<double> counts() const;
  // Incidents per unit and time bin, row-major [unit][bin], bins first_bin .. first_bin + bins - 1.
  std::vector<double> counts_by_bin(const IncidentStore& incidents, BinKind kind, int64_t first_bin,
                                    int64_t bins) const;
};

// Sectors: every sector is a unit (incident units from IncidentStore::sector). Grids: cells of
// `cell_m` over the sectors' extent whose centre lies in a sector, plus any cell holding an
// incident. Throws UsageError for a grid that would be too large.
HotspotUnits build_units(const SectorSet& sectors, const IncidentStore& incidents, HotspotUnit kind,
                         double cell_m, const NeighbourSpec& neighbours = {});

}  // namespace faro
