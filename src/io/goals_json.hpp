#pragma once
// Program goals (core/goal_definition.hpp) in JSON, shared by the JSON programs, the CSV programs'
// sidecar and the project files, so all three accept exactly the same goals:
//   "goals": [{"indicator": "reduction_pct",
//              "where": "grupo IN ('homicidio_doloso','lesiones_arma_fuego')",
//              "baseline_from": "2019-01-01", "baseline_to": "2019-12-31",
//              "from": "2023-01-01", "to": "2023-12-31", "target": 30}]
// The sidecar of a CSV (or any non-JSON) programs table `NAME.csv` is `NAME.goals.json` next to
// it: {"programs": [{"name": "Alto al Fuego", "goals": [...]}]}.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/goal_definition.hpp"
#include "io/program_loader.hpp"

namespace faro::io {

// Parses a "goals" array. Throws faro::DataError "SOURCE: program 'P', goal N, field 'F': why"
// (N 1-based) for an unknown indicator, a bad filter or date, reversed windows, a missing baseline
// or target, or an unknown key (a typo would otherwise silently drop a field).
std::vector<ProgramGoal> read_goals_json(const nlohmann::json& goals, const std::string& source,
                                         const std::string& program);

// The "goals" array of `goals` (dates YYYY-MM-DD, "to" dates inclusive).
nlohmann::json goals_to_json(const std::vector<ProgramGoal>& goals);

// The sidecar's path for a programs source: "dir/programs.csv" -> "dir/programs.goals.json".
std::string goals_sidecar_path(const std::string& programs_source);

// Reads the sidecar of `source` when it exists and attaches its goals to the programs by name.
// Throws DataError when it is malformed or names a program the table does not have.
void attach_goals_sidecar(ProgramLoadResult& loaded, const std::string& source);

}  // namespace faro::io
