#pragma once
// Layers panel: the session's map style (core/map_style.hpp). A whole built-in style to start from
// (layers/styles/*.json), the layer stack (top of the list = drawn on top) with visibility,
// opacity, order and removal, layers added from the presets (layers/*.json), then the styles of the heatmap (bandwidth in metres, kernel, colour map, colour maximum
// locked or automatic), the choropleth (measure, scale, classes), the hot spots (shown or not, unit:
// sectors, square grid or hexagons, cell size, emerging patterns by month, FDR) and the points (size). Every
// change edits the Session (the app compares what it depends on); there is no apply button.
#include <optional>
#include <string>

#include "core/session.hpp"
#include "core/workspace.hpp"
#include "ui/dashboard_ui.hpp"

namespace faro::ui {

// Sets (or with nullopt removes, back to the default palette) the point colour of `category` in
// s.style.points().category_colors. Returns whether something changed.
bool set_category_color(Session& s, const std::string& category, std::optional<Rgb> color);

struct LayersPanel {
  void draw(const Workspace& ws, Session& session, const AppStatus& status);

 private:
  void draw_style_picker(Session& session);
  void draw_stack(Session& session);
  void draw_add_layer(Session& session);
  void draw_heatmap(Session& session, const AppStatus& status);
  void draw_choropleth(const Workspace& ws, Session& session);
  void draw_points(const Workspace& ws, Session& session);
  void draw_hotspots(Session& session);

  bool population_warning_ = false;  // the user asked for per-10k rates without a population
};

}  // namespace faro::ui
