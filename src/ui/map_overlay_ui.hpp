#pragma once
// What the UI draws over the map image: the heatmap legend in real units (colour ramp, ticks,
// units, auto/locked note), the scale bar, the hovered sector's tooltip, and in presentation mode
// the title, the date range and the exit hint. Drawn into a transparent, input-less window that
// covers the map region, so it never steals the map's mouse events.
#include "core/data_snapshot.hpp"
#include "core/session.hpp"
#include "ui/dashboard_ui.hpp"
#include "ui/ui_fonts.hpp"

namespace faro::ui {

// "2019-01-01 – 2024-12-31": the filter's range, falling back to the data's for open ends.
std::string visible_date_range(const Workspace& ws, const FilterState& f);

struct MapOverlay {
  void draw(const DataSnapshot& snap, const Session& session, const AppStatus& status,
            const MapRegion& region, const UiFonts& fonts, bool tooltip = true);

 private:
  // Each legend sits above the previous one in the bottom-right corner; `bottom` is the y its box
  // ends at, and the return value the y where the next one should end.
  float draw_legend(ImDrawList* dl, const Session& session, const AppStatus& status,
                    const MapRegion& r, float bottom);
  float draw_choropleth_legend(ImDrawList* dl, const Session& session, const AppStatus& status,
                               const MapRegion& r, float bottom);
  void draw_scale_bar(ImDrawList* dl, const AppStatus& status, const MapRegion& r);
  void draw_tooltip(const DataSnapshot& snap, const Session& session, const AppStatus& status);
  void draw_title(ImDrawList* dl, const Workspace& ws, const Session& session, const MapRegion& r,
                  const UiFonts& fonts);
};

}  // namespace faro::ui
