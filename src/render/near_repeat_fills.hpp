#pragma once
// The near-repeat zones layer (issue 20) as polygons and colours for the one renderer: the zones
// active at the end of the selected period (core/near_repeat.hpp risk_zones), one disk per seed
// (a 32-gon of the zone radius), shaded by the time the zone has left before it expires (a fresh
// shooting's disk is strongest). The live map and every export compute it with this function.
// Internal only: zones come from exact locations (core/style_protection.hpp hides the layer in
// partner-safe styles).
#include <cstdint>
#include <string>
#include <vector>

#include "core/incidents.hpp"
#include "core/language.hpp"
#include "core/near_repeat.hpp"
#include "render/image.hpp"
#include "render/map_overlay.hpp"

namespace faro::render {

// The zones' colour at full strength (a dark red that reads over a heatmap and a basemap).
constexpr Rgba8 kNearRepeatColor{210, 30, 30, 140};

struct ZoneFills {
  std::vector<MultiPolygon> disks;  // one per seed, working CRS
  std::vector<Rgba8> colors;        // one per disk (straight alpha)
  std::vector<RiskZone> zones;      // for hover and the legend's count
  int64_t day = 0;                  // the day the zones are active at the end of
  LegendClasses legend;
};

// Zones of the incidents of `selection` (already filtered) active at the end of `day`, with
// `params` (radius, days, relative risk); `color` at full strength for a seed of `day` itself,
// fading linearly to a quarter for a seed about to expire.
ZoneFills near_repeat_fills(const IncidentStore& selection, int64_t day,
                            const NearRepeatParams& params, Rgba8 color, Language language);

}  // namespace faro::render
