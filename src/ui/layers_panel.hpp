#pragma once
// Layers panel: the layer stack (top of the list = drawn on top) with visibility, opacity and
// order, then the styles of the heatmap (bandwidth in metres, kernel, colour map, colour maximum
// locked or automatic), the choropleth (measure, scale, classes) and the points (size). Every
// change edits the Session (the app compares what it depends on); there is no apply button.
#include <optional>
#include <string>

#include "core/session.hpp"
#include "core/workspace.hpp"
#include "ui/dashboard_ui.hpp"

namespace faro::ui {

// Moves layer `index` of s.layers (bottom-to-top order) one step up (towards the top, +1) or
// down (-1). Returns whether anything moved.
bool move_layer(Session& s, size_t index, int direction);
// Sets (or with nullopt removes, back to the default palette) the point colour of `category` in
// s.points.category_colors. Returns whether something changed.
bool set_category_color(Session& s, const std::string& category, std::optional<Rgb> color);

struct LayersPanel {
  void draw(const Workspace& ws, Session& session, const AppStatus& status);

 private:
  void draw_stack(Session& session);
  void draw_heatmap(Session& session, const AppStatus& status);
  void draw_choropleth(const Workspace& ws, Session& session);
  void draw_points(const Workspace& ws, Session& session);

  bool population_warning_ = false;  // the user asked for per-10k rates without a population
};

}  // namespace faro::ui
