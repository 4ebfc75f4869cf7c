#pragma once
// Partner-safe rules for rendered maps (core/disclosure.hpp): what a map may show when it leaves
// the analyst's screen. Shared by `faro render`, the brief and the dashboard's presentation mode
// (this is the render layer, so ui/app can call it). Applied to the scene options before
// rendering:
//   - no incident points (exact locations), whatever the layer list says;
//   - count / rate choropleths: sectors whose count is hidden (protect_table over the sectors and
//     "in no sector" as rows, one period column, with the total: 1..k-1 and their complements)
//     are filled kSuppressedFill with a legend entry "<5 (suprimido)", and class breaks come from
//     published values only; change choropleths still fall back to plain sector outlines;
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

// Fill of a sector whose count is suppressed: a flat blue-grey, distinct from the YlOrRd ramp and
// from the no-data grey (220, 220, 220).
constexpr Rgba8 kSuppressedFill{150, 160, 180, 255};

// Per sector, 1 = its count in `incidents` is hidden by `policy` (see above). `marker` (optional)
// receives the table's marker: "<5", or "s" when a complement had to be 5 or more.
std::vector<uint8_t> hidden_sector_counts(const SectorSet& sectors, const IncidentStore& incidents,
                                          const DisclosurePolicy& policy,
                                          std::string* marker = nullptr);

// Legend text of the suppressed fill: "<5 (suprimido)" ("es") or "<5 (suppressed)"; with the
// marker "s" just "suprimido" / "suppressed", so the legend never claims "<5" for a complement.
std::string suppressed_label(const std::string& marker, const std::string& language);

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
