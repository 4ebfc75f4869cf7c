#pragma once
// Where each part of the dashboard goes on screen, computed from the display size and the sizes
// of the fixed strips. Pure arithmetic (no ImGui state), so the layout rules are testable.
//
//   +--------------------------------------------+
//   | menu bar                                   |
//   +----------+---------------------------------+
//   | side     | map                             |
//   | panel    |                                 |
//   |          +---------------------------------+
//   |          | timeline strip                  |
//   +----------+---------------------------------+
//   | status bar                                 |
//   +--------------------------------------------+
//
// Presentation mode drops the menu bar, side panel and status bar, and reserves a caption column
// on the left for the title, the subtitle (offences and period), the legends, the scale bar and
// the protection footer, so none of them ever lies over the data; the map takes the rest:
//
//   +-----------+--------------------------------+
//   | title     |                                |
//   | offences  |  map (the camera fits the      |
//   | period    |  data into this rectangle)     |
//   |           |                                |
//   | legends   |                                |
//   | scale bar +--------------------------------+
//   | footer    | timeline: shown only while the |
//   +-----------+ pointer is over this strip     |
//
// A column rather than a title band: cities and regions are about as tall as wide (CDMX is
// taller), so on a 16:9 screen the height binds the fitted map and a band would shrink it.
namespace faro::ui {

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
  float right() const { return x + w; }
  float bottom() const { return y + h; }
  bool contains(float px, float py) const { return px >= x && px < x + w && py >= y && py < y + h; }
};

struct LayoutMetrics {
  float menu_height = 0;      // ImGui menu bar height (0 when hidden)
  float status_height = 0;    // status bar height
  float side_width = 0;       // side panel width (user-resizable; clamped here)
  float timeline_height = 0;  // reserved strip for the timeline
  float font = 0;             // body font size (presentation: sizes the caption column)
};

struct DashboardLayout {
  Rect menu, side, map, timeline, status;
  Rect caption;  // presentation mode only: the reserved column (zero width otherwise)
};

// Caption column width in presentation mode: 16 body-font widths (the heatmap legend's), kept
// within 20 % .. 28 % of the screen's width so the map keeps over 70 % of the screen.
float caption_width(float display_w, float font);

// Never returns negative sizes: a tiny window shrinks the map first, then the side panel.
// In presentation mode the timeline rectangle overlaps the bottom of the map (it is drawn only
// while hovered) and `m.side_width` is ignored: the caption column takes caption_width().
DashboardLayout compute_layout(float display_w, float display_h, const LayoutMetrics& m,
                               bool presentation);

}  // namespace faro::ui
