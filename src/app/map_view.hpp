#pragma once
// The live map inside the dashboard frame: owns the camera, the retained GL scene
// (render/interactive_map.hpp) and the background density worker, keeps them in step with the
// Session and the Workspace, turns mouse and keyboard input into camera moves, hover and
// selection, and puts the map image and sector labels into the ImGui frame under every window.
//
// Threading: everything here runs on the UI thread with the GL context current, except the
// density computation (app/density_worker.hpp), whose results are picked up at the next frame.
#include <array>
#include <chrono>
#include <memory>
#include <optional>
#include <vector>

#include "app/density_worker.hpp"
#include "app/map_interaction.hpp"
#include "app/map_styling.hpp"
#include "core/session.hpp"
#include "core/data_snapshot.hpp"
#include "render/camera.hpp"
#include "render/interactive_map.hpp"
#include "ui/dashboard_ui.hpp"

struct ImDrawList;
struct ImDrawCmd;

namespace faro::app {

class MapView {
 public:
  MapView();  // needs the GL context current
  ~MapView();

  // The app's newest data snapshot. New data (a load or a program edit: snap->data changed):
  // uploads it, and frames it (or restores the session's camera when it has one, e.g. from a
  // project file). Same data with a new filter result: recolours, re-uploads points, re-requests
  // the density (which holds `snap` on the worker thread).
  void set_snapshot(SnapshotPtr snap, const Session& session);

  // One frame: syncs derived data with `session`, applies `input` (camera, hover, click selection,
  // which edits session.selection), renders the map at region size x `pixel_scale`
  // (framebuffer pixels per ImGui unit) and queues the image and labels on the background draw
  // list. Fills the map fields of `status`.
  void frame(const ui::MapRegion& region, float pixel_scale, Session& session,
             const MapInput& input, bool presentation, ui::AppStatus& status);

  render::Camera& camera() { return camera_; }
  // Whether the camera frames a loaded workspace yet (false before the first map frame).
  bool has_view() const { return ws_ != nullptr && camera_ready_; }
  const render::InteractiveMap& scene() const { return *map_; }
  void fit_all();
  void zoom_to_selection(const Session& session);
  bool heatmap_busy() const { return worker_.busy(); }
  // Waits for the density worker and applies its result (screenshots want the finished map).
  bool settle_heatmap(std::chrono::milliseconds timeout);
  // The last map image (top-down RGBA), for tests.
  render::RgbaImage read_back() const { return map_->read_back(); }
  // Milliseconds the last density grid took on the worker (benchmarks).
  double last_density_ms() const { return last_density_ms_; }
  // The sector under the mouse in the last frame (also while presenting, when the status hides it).
  std::optional<int> hovered() const { return hovered_; }
  // Whether the heatmap on screen follows the partner-safe rules (bandwidth floor, density floor).
  bool heatmap_protected() const;

 private:
  void sync(const Session& session, const MapLayerPlan& plan);
  // ImGui draw callback (ImDrawCallback): blits the map into blit_rect_.
  static void blit_callback(const ImDrawList* list, const ImDrawCmd* cmd);
  void sync_heatmap(const Session& session, bool visible);
  void apply_density_result(const Session& session);
  void draw_labels(const ui::MapRegion& region, float pixel_scale, const Session& session,
                   bool presentation);

  std::unique_ptr<render::InteractiveMap> map_;
  SnapshotPtr snap_;                     // the snapshot on screen
  std::shared_ptr<const Workspace> ws_;  // snap_->data
  render::Camera camera_;
  bool camera_ready_ = false;
  DensityWorker worker_;

  uint64_t filter_generation_ = 1;
  // What the GL scene currently reflects (to upload only on change).
  uint64_t colors_generation_ = 0;
  std::optional<ChoroplethStyle> colors_style_;
  bool colors_choropleth_ = false;
  SectorFills fills_;  // the fills on screen (the choropleth legend reads its classes)
  uint64_t points_generation_ = 0;
  bool points_shown_ = false;
  std::optional<CivilSeconds> program_end_;
  // Heatmap inputs of the newest request and of the grid on screen.
  uint64_t heat_request_generation_ = 0;
  uint64_t heat_filter_generation_ = 0;
  std::optional<HeatmapStyle> heat_request_style_;
  double heat_period_years_ = -1;
  GridSpec heat_requested_grid_;
  std::optional<DensityResult> heat_shown_;
  std::optional<render::HeatmapStyle> heat_shown_style_;
  float heat_opacity_ = 0.85f;
  ColorDomain heat_domain_;
  double last_density_ms_ = 0;
  double heat_bandwidth_m_ = -1;  // bandwidth of the newest request (after the partner-safe floor)
  bool protect_ = false;          // presentation mode: partner-safe rules
  std::optional<int> hovered_;
  int still_frames_ = 0;            // frames since the camera last moved
  std::array<int, 4> blit_rect_{};  // x, y (GL, y up), width, height in framebuffer pixels
};

}  // namespace faro::app
