#include "ui/layout.hpp"

#include <algorithm>

namespace faro::ui {

float caption_width(float display_w, float font) {
  const float w = std::max(0.0f, display_w);
  return std::clamp(16.0f * font, 0.2f * w, 0.28f * w);
}

DashboardLayout compute_layout(float display_w, float display_h, const LayoutMetrics& m,
                               bool presentation) {
  const float w = std::max(0.0f, display_w);
  const float h = std::max(0.0f, display_h);
  DashboardLayout l;
  if (presentation) {
    // The map gets the full height: the timeline only appears over it while hovered.
    const float caption_w = caption_width(w, m.font);
    const float timeline_h = std::clamp(m.timeline_height, 0.0f, 0.4f * h);
    l.caption = {0, 0, caption_w, h};
    l.map = {caption_w, 0, w - caption_w, h};
    l.timeline = {caption_w, h - timeline_h, w - caption_w, timeline_h};
    l.menu = {0, 0, w, 0};
    l.status = {0, h, w, 0};
    l.side = {0, 0, 0, h};
    return l;
  }
  const float menu_h = std::min(m.menu_height, h);
  const float status_h = std::min(m.status_height, h - menu_h);
  const float middle_h = std::max(0.0f, h - menu_h - status_h);
  // The side panel keeps at most 60 % of the width so some map always shows.
  const float side_w = std::clamp(m.side_width, 0.0f, 0.6f * w);
  const float timeline_h = std::clamp(m.timeline_height, 0.0f, 0.4f * middle_h);

  l.menu = {0, 0, w, menu_h};
  l.status = {0, h - status_h, w, status_h};
  l.side = {0, menu_h, side_w, middle_h};
  l.timeline = {side_w, menu_h + middle_h - timeline_h, w - side_w, timeline_h};
  l.map = {side_w, menu_h, w - side_w, middle_h - timeline_h};
  l.caption = {0, menu_h, 0, middle_h};
  return l;
}

}  // namespace faro::ui
