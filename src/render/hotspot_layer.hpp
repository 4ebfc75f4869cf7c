#pragma once
// The hotspots layer of a style (LayerKind::hotspots, core/map_style.hpp HotspotStyle): Getis-Ord
// Gi* classes of the selected incidents counted on sectors, square cells or hexagons
// (core/hotspot_units.hpp), or with `emerging` the emerging hot spot pattern of every unit over the
// period's months (core/emerging_hotspots.hpp), with the number of permutations chosen from the
// number of units (core/permutation_rule.hpp). One computation for the live map (on its worker
// thread, app/hotspot_worker.hpp), every export and `faro render`; `faro hotspots` draws its own
// classes with the same colours and legend (hotspot_colors, hotspot_legend).
//
// Partner-safe styles: cells of at least kMinPartnerCellM (500 m) and at least
// kMinPartnerPermutations (a smaller number, 0 = analytic included, gives way to the automatic
// rule), as `faro hotspots` requires of partner outputs. The layer publishes classes only.
//
// compute_hotspot_layer is pure CPU (no GL) and deterministic (seeded permutations): any thread.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/choropleth_change.hpp"
#include "core/emerging_hotspots.hpp"
#include "core/geometry.hpp"
#include "core/incidents.hpp"
#include "core/language.hpp"
#include "core/map_style.hpp"
#include "core/permutation_rule.hpp"
#include "core/sectors.hpp"
#include "render/image.hpp"
#include "render/map_overlay.hpp"

namespace faro::render {

struct HotspotLayer {
  HotspotUnit unit = HotspotUnit::sectors;
  double cell_m = 0;                 // grid/hex: the cell size used (after the partner floor)
  std::vector<MultiPolygon> cells;   // grid/hex units (working CRS); empty for sectors
  std::vector<int8_t> bins;          // Gi_Bin per unit (sectors: per sector), -3..3
  std::vector<EmergingPattern> patterns;  // per unit when emerging patterns were computed
  bool emerging_requested = false;
  int emerging_months = 0;           // time bins of the emerging analysis (0: not computed)
  bool emerging_weeks = false;       // the bins are ISO weeks (`faro hotspots --by week`)
  PermutationChoice p_choice;        // how the classes' p was made
  size_t lowered_by_check = 0;       // analytic classes the permutation check lowered
  size_t units = 0;                  // 0: too few units or incidents for the analysis
};

// The layer over `selection` (the selected incidents, assigned to `sectors`). `period`: the
// selected period (emerging months; nullopt = the selection's first to last incident).
HotspotLayer compute_hotspot_layer(const SectorSet& sectors, const IncidentStore& selection,
                                   std::optional<Period> period, const HotspotStyle& style,
                                   bool partner_safe);

// One fill per unit: Gi* class colours, or emerging pattern colours.
std::vector<Rgba8> hotspot_colors(const HotspotLayer& layer);
// The legend: the classes or patterns present (and "not significant" / "no pattern"), the title
// naming the unit, and a note saying how p was made. `lang` nullopt: both languages, "es / en".
LegendClasses hotspot_legend(const HotspotLayer& layer, std::optional<Language> lang);

// Colour of an emerging pattern (Gi_Bin colours: render/style_fills.hpp gi_bin_fill).
Rgba8 emerging_fill(EmergingPattern p);

}  // namespace faro::render
