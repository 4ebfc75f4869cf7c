#pragma once
// Partner-safe rules for what the dashboard shows to an audience (presentation mode) and for what
// leaves it (PNG export): the same rules as `faro render` partner-safe
// (render/scene_protection.hpp, core/disclosure.hpp), applied to the live map's pieces.
//   - incident points off (app/map_styling.hpp plan_layers already drops them in presentation);
//   - the count choropleth is drawn as pale sectors (a class "1 – 3" would publish small counts)
//     and no class legend; `faro render` instead greys the suppressed sectors
//     (render/scene_protection.hpp), which the live map does not do yet;
//   - heatmap bandwidth at least policy.min_bandwidth_m (500 m);
//   - densities below the peak of k incidents are not coloured, so fewer than k incidents never
//     colour a cell;
//   - the colour maximum (locked or auto) rounded to the policy's significant digits;
//   - hover tooltips show counts 1..k-1 as "<k";
//   - the protection footer (core/disclosure.hpp protection_footer) drawn over the map.
// The pure parts are tested without GL or ImGui (tests/app/partner_safe_view_test.cpp).
#include <cstdint>
#include <string>

#include "core/disclosure.hpp"
#include "core/kde.hpp"
#include "core/session.hpp"
#include "core/workspace.hpp"
#include "render/heatmap_layer.hpp"
#include "render/map_scene.hpp"
#include "ui/dashboard_ui.hpp"

namespace faro::app {

// The policy of presentation mode and dashboard exports (defaults: k = 5, 500 m, 2 digits).
DisclosurePolicy dashboard_policy();

// The bandwidth (metres) the live heatmap uses: the session's, raised to the policy's floor when
// `protect`.
double protected_bandwidth_m(double requested_m, bool protect, const DisclosurePolicy& policy);

// `style` (already resolved for the density grid computed with `params`) with the partner-safe
// density floor (k incidents' peak, same units as the grid) and a rounded colour maximum.
render::HeatmapStyle protect_heatmap_style(render::HeatmapStyle style, const KdeParams& params,
                                           const DisclosurePolicy& policy);

// A sector count as the audience may see it: "<k" for 1..k-1 when `protect`, else the number
// with thousands separators as the ui writes it.
std::string shown_count(int64_t count, bool protect, const DisclosurePolicy& policy);

// Applies the policy (protect = true) or the internal stamp (protect = false) to export options
// for the period [from, to_exclusive). Returns the changes (for a log), as protect_scene_options.
std::vector<std::string> protect_export_options(render::MapSceneOptions& options, bool protect,
                                                std::optional<CivilSeconds> from,
                                                std::optional<CivilSeconds> to_exclusive);

// ImGui (UI thread, inside a frame): the protection footer at the bottom left of `region` (above
// the scale bar), in the session's language, on the foreground draw list (above the ui's overlay
// window).
void draw_protection_footer(const ui::MapRegion& region, Language language,
                            const DisclosurePolicy& policy);
// ImGui: the hover tooltip of presentation mode (sector name and its protected count); the app
// hides the ui's own tooltip (which shows raw counts) while presenting.
void draw_protected_tooltip(const Workspace& ws, const FilterResult& filtered, int sector,
                            Language language, const DisclosurePolicy& policy);

}  // namespace faro::app
