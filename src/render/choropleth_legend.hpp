#pragma once
// Legend entries for a choropleth (core/choropleth.hpp): a ramp for a continuous scale (running
// from -max|change| to +max|change|, centred at zero, on a change map), or one swatch per class,
// with a change map's "no change" and "new" classes named in the map's language.
#include <optional>
#include <string>

#include "core/choropleth.hpp"
#include "core/civil_time.hpp"
#include "render/map_overlay.hpp"

namespace faro::render {

struct ChoroplethLegend {
  std::optional<LegendRamp> ramp;
  std::optional<LegendClasses> classes;  // classed scales; beside the ramp: only the "new" class
};

// `units`: e.g. "incidentes por año" or "cambio en incidentes"; `compared_with`: the previous
// period of a change map as text (compact_period, e.g. "2023"), empty otherwise. `language`: "es" |
// "en".
ChoroplethLegend choropleth_legend(const Choropleth& c, ChoroplethScale scale,
                                   ColormapName colormap, const std::string& units,
                                   const std::string& compared_with, const std::string& language);

// A period as short legend text: "2023" for a calendar year, "2023-03" for a month, "2023-01 –
// 2023-06" for whole months, else "2023-01-10 – 2023-01-16" (last day inclusive).
std::string compact_period(CivilSeconds from, CivilSeconds to_exclusive);

// A class's value range as legend text: "3 – 8", "12.5"; on change maps signed ("−15 – −4",
// "+2 – +20", "+50 %"), "0 (sin cambio)", "nuevo (antes 0)" and "sin incidentes en ambos
// periodos" for the special classes.
std::string choropleth_class_label(const ChoroplethClass& k, ChoroplethMeasure measure,
                                   const std::string& language);

}  // namespace faro::render
