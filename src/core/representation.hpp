#pragma once
// What a partner-safe map shows in place of the requested heatmap (core/adaptive_protection.hpp),
// as numbers: the renderer states it in the map's footer in the map's language.
#include <string>

namespace faro {

// Finest first: the order in which the candidates are tried.
enum class Representation { heatmap, hexagons, sectors, groups };

struct RepresentationChoice {
  Representation kind = Representation::heatmap;
  double bandwidth_m = 0;          // heatmap
  double cell_m = 0;               // hexagons
  std::string group_field;         // groups: the sector attribute grouped by (e.g. "alcaldia")
  double published = 1;            // share of the selected incidents the choice shows (0..1)
  double requested_published = 1;  // the share the requested heatmap would have shown
  friend bool operator==(const RepresentationChoice&, const RepresentationChoice&) = default;
};

}  // namespace faro
