#pragma once
// Incidents without sector polygons: a heatmap, points, the timeline, filters and grid hot spots
// need no sectors, only a working CRS in metres. With no sectors to take it from, the CRS is the
// UTM zone of the incidents' own median longitude/latitude (EPSG:32614 for CDMX), and the extent
// check the sectors would give (rows more than 5 km outside them are rejected) comes from the
// incidents themselves: the box holding the middle 98 % of them in each axis, grown by half its
// larger side (at least 5 km), so the city's outer boroughs stay and only rows far beyond it (a
// stray point in the sea, a swapped sign) are rejected as outside_extent, counted in the load
// report like any other rejection.
#include <string>

#include "core/incidents.hpp"
#include "core/load_report.hpp"
#include "io/incident_loader.hpp"

namespace faro::io {

struct IncidentsOnlyResult {
  IncidentStore store;  // in `work_srs`; every incident's sector is kNoSector
  LoadReport report;
  std::string work_srs;  // as given, or the UTM zone chosen from the incidents
};

// Loads `source` with no sectors. `work_srs` "" = the UTM zone of the incidents' median point.
// Throws DataError as load_incidents does, and when no row has usable coordinates.
IncidentsOnlyResult load_incidents_without_sectors(const std::string& source,
                                                   const IncidentSourceOptions& options,
                                                   const std::string& work_srs);

// The UTM zone ("EPSG:326zz"/"EPSG:327zz") of the median longitude and latitude of `lon`/`lat`
// (degrees); the median, so a few stray rows cannot move the zone. Throws DataError when empty.
std::string utm_srs_for_points(const std::vector<double>& lon, const std::vector<double>& lat);

// Reprojects `s` from longitude/latitude to utm_srs_for_points(s.x, s.y), in place. Rows PROJ
// cannot transform are dropped and counted in `report` (reprojection_failed, at their source row
// when the store keeps them), never silently; rows_loaded is lowered by as many. Returns the CRS.
std::string reproject_to_median_utm(IncidentStore& s, LoadReport& report);

// The box of the middle `keep` share of the points in each axis (0.98: 1st to 99th percentile),
// grown by half its larger side, at least `margin_m`. Empty box for no points.
Box robust_extent(const std::vector<double>& x, const std::vector<double>& y, double keep,
                  double margin_m);

}  // namespace faro::io
