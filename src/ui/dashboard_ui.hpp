#pragma once
// The whole dashboard UI drawn each frame: menu bar, side panel (layers, filters, selection),
// load-report and error windows, file browser and CSV mapping dialog, status bar, the legend and
// scale bar over the map, and the reserved timeline strip at the bottom. The map itself is drawn
// by the app into `MapRegion` (an offscreen texture), so the UI never touches GL or GDAL.
#include <optional>
#include <string>
#include <vector>

#include "core/color_domain.hpp"
#include "core/session.hpp"
#include "core/workspace.hpp"
#include "ui/ui_actions.hpp"

namespace faro::ui {

// What the app tells the UI about things only it knows (jobs, GL, camera). Plain values, filled
// fresh every frame.
struct AppStatus {
  bool loading = false;          // a background load is running
  float load_progress = -1;      // 0..1, < 0 = indeterminate
  std::string load_message;      // e.g. "incidentes.csv: 420 000 filas"
  std::vector<std::string> errors;  // new error messages since the last frame (shown in a modal)
  bool presentation = false;     // presentation mode: editing panels hidden, larger fonts
  bool heatmap_busy = false;     // density recomputing in the background (map shows the last one)
  ColorDomain heatmap_domain;    // resolved colour domain of the heatmap on screen
  std::string heatmap_units;     // "incidentes/km² por año" ...
  double metres_per_pixel = 0;   // current map scale, for the scale bar
  std::optional<int> hovered_sector;  // under the mouse, for the tooltip
  std::string project_path;      // "" = unsaved
  double frame_ms = 0;
};

// Screen rectangle (ImGui display coordinates, pixels) left for the map.
struct MapRegion {
  float x = 0, y = 0, width = 0, height = 0;
};

class DashboardUi {
 public:
  DashboardUi();
  ~DashboardUi();
  DashboardUi(const DashboardUi&) = delete;
  DashboardUi& operator=(const DashboardUi&) = delete;

  // Loads the embedded fonts into the current ImGui context at `scale` (1 = 100 %, 2 = HiDPI);
  // call before the first frame and again when the scale or presentation mode changes.
  void load_fonts(float scale);
  // Draws every panel. Edits `session` directly (bumping its revision) and pushes requests onto
  // `actions`. Returns where the map goes. Call between ImGui::NewFrame() and ImGui::Render().
  MapRegion draw(const Workspace& ws, Session& session, const AppStatus& status,
                 UiActions& actions);
  // Draws the legend, scale bar and hover tooltip over the map region (after the map image).
  void draw_map_overlay(const Workspace& ws, const Session& session, const AppStatus& status,
                        const MapRegion& region);

 private:
  struct Impl;
  Impl* impl_;
};

}  // namespace faro::ui
