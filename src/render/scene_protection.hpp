#pragma once
// Partner-safe rules for rendered maps (core/disclosure.hpp): what a map may show when it leaves
// the analyst's screen. Shared by `faro render`, the brief and the dashboard's presentation mode
// (this is the render layer, so ui/app can call it). Applied to the scene options before
// rendering:
//   - no incident points (exact locations), whatever the layer list says;
//   - no count choropleth until the renderer can colour suppressed sectors (a class "1 – 3" would
//     publish small counts): the layer falls back to plain sector outlines;
//   - heatmap bandwidth raised to the policy's minimum (500 m);
//   - densities below k x the peak of one incident's kernel are not drawn: one incident adds at
//     most K(0) to any cell, so every coloured cell is supported by at least k incidents and a
//     single incident never shows as a hot spot (the binned KDE is within 1 % of the exact sum,
//     far below the 1/k margin between k-1 and k peaks);
//   - the colour maximum (fixed or auto) is rounded to the policy's significant digits;
//   - footer lines state the protection (es and en).
// Internal use instead stamps the map "USO INTERNO / INTERNAL USE" and changes nothing else.
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.hpp"
#include "core/disclosure.hpp"
#include "core/kde.hpp"
#include "render/map_scene.hpp"

namespace faro::render {

// Smallest density (in `params`' output units) that needs at least k incidents: k * K(0) * scale.
double min_supported_density(int k, const KdeParams& params);

// Applies `policy` to `opts` for a map of the period [from, to_exclusive) (either may be absent):
// layers, bandwidth, colour domain, and the stamp / footer_lines / min_drawn_density /
// domain_significant_digits hooks. Returns what was changed, one line each (for a log).
// Throws faro::UsageError for an invalid policy or option combination.
std::vector<std::string> protect_scene_options(const DisclosurePolicy& policy,
                                               MapSceneOptions& opts,
                                               std::optional<CivilSeconds> from,
                                               std::optional<CivilSeconds> to_exclusive);

}  // namespace faro::render
