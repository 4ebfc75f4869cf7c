#pragma once
// Incidents loaded without sector polygons (io/incidents_only.hpp): the heatmap, points,
// timeline, filters and grid hot spots work; what counts per sector (the weekly brief, the
// program evaluation, the choropleth, the sector counts) cannot. Those places draw this notice
// instead: what they need, and a button that opens File ▸ Open data to pick the sectors.
#include "core/session.hpp"
#include "core/workspace.hpp"
#include "ui/ui_state.hpp"

namespace faro::ui {

// True when `ws` holds incidents but no sectors (the demo city and an empty workspace do not).
bool lacks_sectors(const Workspace& ws);

// Draws the notice (title, one sentence, "Open sectors…") when lacks_sectors(ws); returns whether
// it did, so the caller skips its sector-based content. The button sets ui.browser_request.
bool draw_needs_sectors(const Workspace& ws, Language lang, UiState& ui);

}  // namespace faro::ui
