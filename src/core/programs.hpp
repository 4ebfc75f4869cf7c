#pragma once
// Violence-reduction programs (e.g. Alto al Fuego): which sectors each covers and when it started
// there. Rollouts are staggered, so the date is per sector.
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.hpp"
#include "core/geometry.hpp"
#include "core/goal_definition.hpp"

namespace faro {

struct ProgramSector {
  std::string sector;                // sector name as in the SectorSet
  CivilSeconds start = 0;            // rollout date (midnight, local)
  std::optional<CivilSeconds> end;   // end date if the program stopped there
  friend bool operator==(const ProgramSector&, const ProgramSector&) = default;
};

struct Program {
  std::string name;
  std::vector<ProgramSector> sectors;
  MultiPolygon area;                 // intervention polygon(s) in the working CRS (may be empty)
  std::vector<ProgramGoal> goals;    // targets and indicators (core/program_goals.hpp)
};

}  // namespace faro
