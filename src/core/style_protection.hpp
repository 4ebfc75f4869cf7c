#pragma once
// Partner-safe protection as one function from style to protected style. Every path that makes
// pixels for an audience (presentation mode, dashboard exports, `faro render`, the brief's map,
// hotspot PNGs) calls protect_style() and draws the result through the one renderer
// (render/style_renderer.hpp); what depends on the data (which choropleth sectors are hidden, the
// heatmap's density floor, the rounded automatic colour maximum) is applied by the renderer from
// the policy the protected style carries (MapStyle::protection), with the same functions on every
// path (render/style_fills.hpp, render/style_heatmap.hpp).
//
// Rules (core/disclosure.hpp explains the threat):
//   - no incident points (exact locations): points layers are removed;
//   - heatmap bandwidth raised to the policy's floor (500 m);
//   - a fixed colour maximum is rounded to the policy's significant digits;
//   - choropleths keep their layer; the renderer greys the sectors whose count is hidden (1..k-1
//     and their complements), and on a change map the sectors whose count in either period is
//     hidden ("not publishable"), both periods protected as one table;
//   - with the data, an adaptive heatmap is widened or replaced (core/adaptive_protection.hpp).
// Internal use (policy.partner_safe = false) changes nothing but the stamp.
#include <vector>

#include "core/disclosure.hpp"
#include "core/map_style.hpp"

namespace faro {

// One change made to a style, as numbers (sentences are made at the edge with the catalogue).
struct StyleChange {
  enum class Kind {
    points_removed,        // a points layer was removed
    near_repeat_removed,   // a near-repeat zones layer was removed (zones are exact locations)
    bandwidth_raised,      // heatmap bandwidth `before` -> `after` metres
    color_max_rounded,     // fixed colour maximum `before` -> `after`
    choropleth_protected,  // sectors with hidden counts will be greyed (k = `after`)
    density_floor,         // heatmap densities below the peak of k = `after` incidents not drawn
    bandwidth_adapted,     // heatmap widened `before` -> `after` m to show `share` of incidents
    hexagons_instead,      // heatmap replaced by hexagons of `after` m showing `share`
    sectors_instead,       // heatmap replaced by the sector choropleth showing `share`
    groups_instead,        // heatmap replaced by counts per group of sectors showing `share`
  };
  Kind kind;
  double before = 0, after = 0;
  double share = 0;  // adaptive changes: share of the selected incidents the map now shows
  friend bool operator==(const StyleChange&, const StyleChange&) = default;
};

struct ProtectedStyle {
  MapStyle style;  // style.protection is set
  std::vector<StyleChange> changes;
};

// Applies `policy` to `style`. With `data` (the selected incidents), a visible adaptive heatmap is
// replaced by the finest representation that shows at least 90 % of them
// (core/adaptive_protection.hpp): a wider kernel, hexagons, the sector choropleth or groups of
// sectors; the choice is in the result's style.adapted. Groups of sectors become a choropleth
// layer grouped by the choice's field (ChoroplethStyle::group_field), and the policy's unit says
// so (DisclosureUnit::sector_group, in the footer). Throws faro::UsageError for an invalid policy
// (policy.validate()).
struct ProtectionData;
ProtectedStyle protect_style(const MapStyle& style, const DisclosurePolicy& policy,
                             const ProtectionData* data = nullptr);
// The same with the adaptive choice already made (an animation chooses once for all its frames,
// core/adaptive_protection.hpp): a visible adaptive heatmap becomes what `choice` says. A pinned
// heatmap is kept without the marks of what it hides (they depend on each frame's data).
ProtectedStyle protect_style(const MapStyle& style, const DisclosurePolicy& policy,
                             const RepresentationChoice& choice);

}  // namespace faro
