#pragma once
// What the UI draws over the map image: the heatmap legend in real units (colour ramp, ticks,
// units, auto/locked note), the scale bar and the hovered sector's tooltip. Drawn into a
// transparent, input-less window that covers the map region, so it never steals the map's mouse
// events. Presentation mode draws the legends and the scale bar in its caption column instead.
#include "core/data_snapshot.hpp"
#include "core/session.hpp"
#include "ui/dashboard_ui.hpp"

struct ImDrawList;

namespace faro::ui {

struct MapOverlay {
  void draw(const DataSnapshot& snap, const Session& session, const AppStatus& status,
            const MapRegion& region, bool tooltip = true);

  // The pieces, also drawn by presentation mode's caption column (ui/presentation_caption.hpp).
  // Each legend sits above the previous one; `bottom` is the y its box ends at, and the return
  // value the y where the next one should end. Boxes go to the right edge of `r`, or its left
  // edge with `left`; a legend whose box would rise above r.y is not drawn. A heading wider than
  // `max_w` puts its units on a second line.
  float draw_legend(ImDrawList* dl, const Session& session, const AppStatus& status,
                    const MapRegion& r, float bottom, bool left = false, float max_w = 1e9f);
  float draw_choropleth_legend(ImDrawList* dl, const Session& session, const AppStatus& status,
                               const MapRegion& r, float bottom, bool left = false);
  // At the bottom-left corner of `r`; returns the height it takes (0 when there is no bar).
  float draw_scale_bar(ImDrawList* dl, const AppStatus& status, const MapRegion& r);

 private:
  void draw_tooltip(const DataSnapshot& snap, const Session& session, const AppStatus& status);
};

}  // namespace faro::ui
