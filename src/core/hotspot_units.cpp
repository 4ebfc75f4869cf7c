#include "core/hotspot_units.hpp"

#include <algorithm>
#include <sstream>

#include "core/errors.hpp"
#include "core/hex_grid.hpp"
#include "core/messages.hpp"
#include "core/polygon_index.hpp"

namespace faro {

std::string NeighbourSpec::text(Language lang) const {
  std::ostringstream metres;
  metres << (distance ? distance_m : tolerance_m);
  return tr_format(lang, distance ? Msg::hotspot_distance_band : Msg::hotspot_queen,
                   metres.str().c_str());
}

const char* hotspot_unit_key(HotspotUnit u) {
  switch (u) {
    case HotspotUnit::sectors:
      return "sectors";
    case HotspotUnit::grid:
      return "grid";
    case HotspotUnit::hex:
      return "hex";
  }
  return "sectors";
}

std::optional<HotspotUnit> parse_hotspot_unit(std::string_view s) {
  if (s == "sectors") return HotspotUnit::sectors;
  if (s == "grid") return HotspotUnit::grid;
  if (s == "hex") return HotspotUnit::hex;
  return std::nullopt;
}

std::vector<double> HotspotUnits::counts() const {
  std::vector<double> c(size(), 0.0);
  for (int32_t u : unit_of_incident)
    if (u >= 0) c[u] += 1;
  return c;
}

std::vector<double> HotspotUnits::counts_by_bin(const IncidentStore& incidents, BinKind kind,
                                                int64_t first_bin, int64_t bins) const {
  std::vector<double> c(size() * static_cast<size_t>(bins), 0.0);
  for (size_t i = 0; i < unit_of_incident.size() && i < incidents.size(); ++i) {
    const int32_t u = unit_of_incident[i];
    if (u < 0) continue;
    const int64_t b = bin_of(kind, incidents.t[i]) - first_bin;
    if (b >= 0 && b < bins) c[static_cast<size_t>(u) * bins + b] += 1;
  }
  return c;
}

namespace {

HotspotUnits sector_units(const SectorSet& sectors, const IncidentStore& incidents) {
  HotspotUnits u;
  for (const Sector& s : sectors.sectors) {
    u.names.push_back(s.name);
    u.shapes.push_back(s.shape);
    u.centres.push_back(centroid(s.shape));
  }
  u.unit_of_incident.assign(incidents.size(), -1);
  for (size_t i = 0; i < incidents.size(); ++i) {
    const int32_t s = i < incidents.sector.size() ? incidents.sector[i] : kNoSector;
    if (s >= 0 && static_cast<size_t>(s) < sectors.size())
      u.unit_of_incident[i] = s;
    else
      ++u.outside;
  }
  return u;
}

HotspotUnits grid_units(const SectorSet& sectors, const IncidentStore& incidents, HotspotUnit kind,
                        double cell_m) {
  HotspotUnits u;
  u.cell_m = cell_m;
  Box extent = sectors.extent();
  if (extent.empty()) extent = incidents.extent();
  if (extent.empty()) throw DataError("no sectors or incidents to build a grid over");
  const CellGrid grid(kind == HotspotUnit::hex ? CellShape::hexagon : CellShape::square, cell_m,
                      extent);
  const std::vector<int32_t> cell_of = grid.assign(incidents.x, incidents.y);
  // Study area: cells whose centre is inside a sector, and any cell with an incident.
  std::vector<uint8_t> keep(grid.size(), 0);
  if (sectors.size() > 0) {
    const SectorIndex index(sectors);
    for (uint32_t c = 0; c < grid.size(); ++c) {
      const Vec2 m = grid.center(c);
      keep[c] = index.locate(m.x, m.y) != kNoSector;
    }
  }
  for (int32_t c : cell_of)
    if (c >= 0) keep[c] = 1;
  std::vector<int32_t> unit_of_cell(grid.size(), -1);
  std::vector<uint32_t> cells;
  for (uint32_t c = 0; c < grid.size(); ++c) {
    if (!keep[c]) continue;
    unit_of_cell[c] = static_cast<int32_t>(cells.size());
    cells.push_back(c);
    u.names.push_back("r" + std::to_string(c / grid.cols()) + "c" +
                      std::to_string(c % grid.cols()));
    u.shapes.push_back({grid.polygon(c)});
    u.centres.push_back(grid.center(c));
  }
  u.unit_of_incident.resize(cell_of.size());
  for (size_t i = 0; i < cell_of.size(); ++i) {
    u.unit_of_incident[i] = cell_of[i] >= 0 ? unit_of_cell[cell_of[i]] : -1;
    u.outside += u.unit_of_incident[i] < 0;
  }
  u.weights = grid.weights(cells);  // replaced below for distance bands
  return u;
}

}  // namespace

HotspotUnits build_units(const SectorSet& sectors, const IncidentStore& incidents, HotspotUnit kind,
                         double cell_m, const NeighbourSpec& neighbours) {
  HotspotUnits u = kind == HotspotUnit::sectors ? sector_units(sectors, incidents)
                                             : grid_units(sectors, incidents, kind, cell_m);
  u.kind = kind;
  if (neighbours.distance) {
    u.weights = distance_band(u.centres, neighbours.distance_m);
  } else if (kind == HotspotUnit::sectors) {
    std::vector<const MultiPolygon*> shapes;
    for (const MultiPolygon& s : u.shapes) shapes.push_back(&s);
    u.weights = queen_contiguity(shapes, neighbours.tolerance_m);
  }
  return u;
}

}  // namespace faro
