#include "cli/hotspot_units.hpp"

#include <string>

#include "cli/distance_args.hpp"
#include "core/errors.hpp"

namespace faro::cli {

std::optional<UnitKind> parse_unit_kind(std::string_view s) { return parse_hotspot_unit(s); }

NeighbourSpec parse_neighbours(std::string_view s) {
  NeighbourSpec spec;
  if (s == "contiguity" || s == "queen") return spec;
  constexpr std::string_view prefix = "distance:";
  if (s.substr(0, prefix.size()) == prefix) {
    spec.distance = true;
    spec.distance_m = parse_distance_m(s.substr(prefix.size()), "--neighbours distance");
    return spec;
  }
  throw UsageError(
      "--neighbours must be contiguity or distance:METRES (e.g. distance:1500), got '" +
      std::string(s) + "'");
}

}  // namespace faro::cli
