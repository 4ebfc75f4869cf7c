#pragma once
// Programs from a small JSON file, for people who write rollouts by hand:
//   {"programs": [{"name": "Alto al Fuego",
//                  "sectors": [{"sector": "PLATEROS", "start": "2020-01-01", "end": null}]}]}
// `end` is optional. A program may carry "goals" (io/goals_json.hpp); a bad goal is a DataError
// naming the program, the goal and the field. Dates are YYYY-MM-DD (or any form parse_datetime accepts, day-first).
// Entries with a missing name/sector or an unparseable date are skipped and counted in the report
// (row = 1-based position of the sector entry across the file).
#include <string>

#include "io/program_loader.hpp"

namespace faro::io {

// Opens `path` read-only. Throws faro::DataError naming the file when it cannot be read, is not
// JSON, or has no "programs" array.
ProgramLoadResult load_programs_json(const std::string& path);

// Any program source: a .json file with a top-level "programs" array goes to
// load_programs_json(); everything else (CSV, GeoPackage layer, GeoJSON table) to load_programs(),
// with the goals of its sidecar NAME.goals.json when there is one (io/goals_json.hpp).
ProgramLoadResult load_programs_any(const std::string& source);

}  // namespace faro::io
