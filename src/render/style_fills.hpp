#pragma once
// Sector fill colours of the style's fill layers (sectors, choropleth, hotspots) and their legends,
// computed on the CPU from per-sector counts: one function per kind, used by every path that draws
// a style (the live map, exports, presentation, `faro render`, the brief), so a map on screen and
// its export colour every sector the same way. Partner-safe styles (MapStyle::protection) grey the
// sectors whose count is hidden (1..k-1 and their complements) and take class breaks from
// published values only.
#include <optional>
#include <string>
#include <vector>

#include "core/choropleth.hpp"
#include "core/choropleth_change.hpp"
#include "core/disclosure.hpp"
#include "core/map_style.hpp"
#include "core/session.hpp"
#include "core/spatial_weights.hpp"
#include "render/choropleth_legend.hpp"
#include "render/image.hpp"

namespace faro::render {

// Pale sector fill under a heatmap (also where a choropleth has no data to show).
constexpr Rgba8 kPaleFill{238, 238, 236, 255};

// What the fill layers colour, per sector of the scene (weights summed).
struct SceneCounts {
  std::vector<double> current;  // the selected incidents, one value per sector
  double outside = 0;           // selected incidents in no sector (a row of the protected table)
  double period_years = 0;      // > 0: rates per year
  // Change maps: the previous period's counts (same filter otherwise) and both periods as text.
  std::optional<std::vector<double>> previous;
  double previous_outside = 0;  // previous-period incidents in no sector
  std::optional<Period> period, previous_period;
};
// Counts of `current` (and `previous`) by their assigned sector.
SceneCounts scene_counts(const SectorSet& sectors, const IncidentStore& current,
                         const IncidentStore* previous = nullptr);

struct SectorFills {
  std::vector<Rgba8> colors;             // one per sector
  std::optional<Choropleth> choropleth;  // classes and range (choropleth kinds)
  ChoroplethLegend legend;               // for the cartographic overlay
  std::string units;                     // legend units in the map's language
  size_t hidden = 0;                     // sectors greyed by protection
  // The values the classes are made from: one per unit (sector, or group of sectors) with a
  // published value. An animation pools them over its frames to lock its classes.
  std::vector<double> published;
};

SectorFills pale_fills(size_t sectors);

// A choropleth of `counts` by `style` (count, rates, or change against counts.previous). A change
// measure without previous counts falls back to counts. With `protection` partner-safe, hidden
// sectors get kSuppressedFill and a legend entry "<5 (suprimido)".
// style.group_field (not on change maps): the values are per group of sectors by that attribute
// (a group's count, its rate per km² of its sectors' area or per 10,000 of their population),
// suppressed as a table of groups and "in no group" (incidents in no sector or in a sector of no
// group), and every sector is filled with its group's value; classes come from one value per
// group. style.locked_classes: the classes are those, not the data's.
SectorFills choropleth_fills(const SectorSet& sectors, const SceneCounts& counts,
                             const ChoroplethStyle& style,
                             const std::optional<DisclosurePolicy>& protection, Language language);

// The hotspots layer (Gi* classes on sectors or cells, emerging patterns) is computed by
// render/hotspot_layer.hpp from the selected incidents, not from these counts.

// The sectors grouped by `field` (a SectorSet attribute; group_units in core/weekly_brief.hpp):
// each sector's group (-1: none) and the group names, alphabetical. Empty when there is no such
// attribute.
struct SectorGroups {
  std::vector<int32_t> of_sector;
  std::vector<std::string> names;
  std::string field;
};
SectorGroups sector_groups(const SectorSet& sectors, const std::string& field);

// Queen contiguity of the sectors (1 m tolerance).
SpatialWeights sector_weights(const SectorSet& sectors);

// Class colour of a Gi_Bin (-3..3): hot red, cold blue at 90/95/99 %, not significant pale.
Rgba8 gi_bin_fill(int bin);

}  // namespace faro::render
