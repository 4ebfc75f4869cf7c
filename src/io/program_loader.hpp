#pragma once
// Programs (core/programs.hpp) from the demo GeoPackage's `program_sectors` layer (columns
// programa, sector, inicio, fin) or any table with columns program|programa, sector,
// start|inicio[, end|fin] — typically a CSV `program,sector,start[,end]` with YYYY-MM-DD dates.
// Only the per-sector rollout table is read: program areas are drawn from the sectors themselves
// (already in the working CRS), so Program::area stays empty and nothing needs reprojecting.
// Rows with a missing sector/program or an unparseable date are skipped and counted in `report`.
#include <string>
#include <vector>

#include "core/load_report.hpp"
#include "core/programs.hpp"

namespace faro::io {

struct ProgramLoadResult {
  std::vector<Program> programs;  // in order of first appearance
  LoadReport report;
};

// Opens `source` read-only. Throws faro::DataError naming the source when it cannot be opened or
// has no table with the needed columns.
ProgramLoadResult load_programs(const std::string& source);

}  // namespace faro::io
