#include "ui/layout.hpp"

#include <algorithm>

namespace faro::ui {

DashboardLayout compute_layout(float display_w, float display_h, const LayoutMetrics& m,
                               bool presentation) {
  const float w = std::max(0.0f, display_w);
  const float h = std::max(0.0f, display_h);
  DashboardLayout l;
  const float menu_h = presentation ? 0.0f : std::min(m.menu_height, h);
  const float status_h = presentation ? 0.0f : std::min(m.status_height, h - menu_h);
  const float middle_h = std::max(0.0f, h - menu_h - status_h);
  // The side panel keeps at most 60 % of the width so some map always shows.
  const float side_w = presentation ? 0.0f : std::clamp(m.side_width, 0.0f, 0.6f * w);
  const float timeline_h = std::clamp(m.timeline_height, 0.0f, 0.4f * middle_h);

  l.menu = {0, 0, w, menu_h};
  l.status = {0, h - status_h, w, status_h};
  l.side = {0, menu_h, side_w, middle_h};
  l.timeline = {side_w, menu_h + middle_h - timeline_h, w - side_w, timeline_h};
  l.map = {side_w, menu_h, w - side_w, middle_h - timeline_h};
  return l;
}

}  // namespace faro::ui
