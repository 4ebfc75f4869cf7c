#pragma once
// Loading sector polygons from any OGR polygon/multipolygon layer into a SectorSet in the working
// CRS. Invalid geometries are repaired in memory only (MakeValid) and counted in the report.
#include <string>

#include "core/load_report.hpp"
#include "core/sectors.hpp"

namespace faro::io {

struct SectorSourceOptions {
  std::string layer;             // empty = first layer
  std::string name_field;        // empty = detect (sector, nombre, name, cve_sector, id, ...)
  std::string population_field;  // empty = detect (poblacion, population, pop, sumpob1)
  std::string where;             // OGR SQL attribute filter
  std::string srs;               // source CRS override (for sources with no CRS)
};

struct SectorLoadResult {
  SectorSet sectors;
  LoadReport report;
};

// `work_srs` empty = the UTM zone of the sectors' centroid (EPSG:32614 for CDMX); the chosen CRS is
// stored in result.sectors.work_srs. Throws DataError naming the source on unusable input.
SectorLoadResult load_sectors(const std::string& source, const SectorSourceOptions& options,
                              const std::string& work_srs = "");

}  // namespace faro::io
