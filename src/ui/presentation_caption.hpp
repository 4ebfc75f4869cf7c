#pragma once
// Presentation mode's caption column (ui/layout.hpp): the title, the subtitle stating the offences
// and the period on the map (ui/presentation_text.hpp), the synthetic-data warning, the legends
// and the scale bar (drawn by ui/map_overlay_ui.hpp, as over the analyst's map), the data source,
// the partner-safe protection footer and the exit hint. The column is painted in the map's
// background colour, so the map and its caption read as one sheet; nothing in it lies over data.
#include "core/data_snapshot.hpp"
#include "core/session.hpp"
#include "ui/dashboard_ui.hpp"
#include "ui/layout.hpp"
#include "ui/map_overlay_ui.hpp"
#include "ui/ui_fonts.hpp"

namespace faro::ui {

struct PresentationCaption {
  // Draws into `column` (display coordinates). `legends` draws the legend boxes and scale bar.
  void draw(const DataSnapshot& snap, const Session& session, const AppStatus& status,
            const Rect& column, const UiFonts& fonts, MapOverlay& legends);
};

}  // namespace faro::ui
