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
// Presentation mode drops the menu bar, side panel and status bar: the map and the timeline fill
// the screen.
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
};

struct DashboardLayout {
  Rect menu, side, map, timeline, status;
};

// Never returns negative sizes: a tiny window shrinks the map first, then the side panel.
DashboardLayout compute_layout(float display_w, float display_h, const LayoutMetrics& m,
                               bool presentation);

}  // namespace faro::ui
