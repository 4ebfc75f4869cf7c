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
//   - change choropleths (two periods) are replaced by sector outlines: suppression across two
//     periods is not implemented yet;
//   - count / rate choropleths keep their layer; the renderer greys the sectors whose count is
//     hidden (1..k-1 and their complements).
// Internal use (policy.partner_safe = false) changes nothing but the stamp.
#include <vector>

#include "core/disclosure.hpp"
#include "core/map_style.hpp"

namespace faro {

// One change made to a style, as numbers (sentences are made at the edge with the catalogue).
struct StyleChange {
  enum class Kind {
    points_removed,        // a points layer was removed
    bandwidth_raised,      // heatmap bandwidth `before` -> `after` metres
    color_max_rounded,     // fixed colour maximum `before` -> `after`
    change_map_outlined,   // a change choropleth became sector outlines
    choropleth_protected,  // sectors with hidden counts will be greyed (k = `after`)
    density_floor,         // heatmap densities below the peak of k = `after` incidents not drawn
  };
  Kind kind;
  double before = 0, after = 0;
  friend bool operator==(const StyleChange&, const StyleChange&) = default;
};

struct ProtectedStyle {
  MapStyle style;  // style.protection is set
  std::vector<StyleChange> changes;
};

// Applies `policy` to `style`. Throws faro::UsageError for an invalid policy (policy.validate()).
ProtectedStyle protect_style(const MapStyle& style, const DisclosurePolicy& policy);

}  // namespace faro
