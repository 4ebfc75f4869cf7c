#pragma once
// The live map inside the dashboard frame: owns the camera, the one renderer
// (render/style_renderer.hpp) and the background density worker, keeps them in step with the
// Session's style and the Workspace (fills and heatmap colours from the same functions as every
// export: render/style_fills.hpp, render/style_heatmap.hpp), turns mouse and keyboard input into camera moves, hover and
// selection, and puts the map image and sector labels into the ImGui frame under every window.
//
// Threading: everything here runs on the UI thread with the GL context current, except the
// density computation (app/density_worker.hpp) and the hotspots layer's analysis
// (app/hotspot_worker.hpp), whose results are picked up at the next frame.
#include <array>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <tuple>
#include <vector>

#include "app/basemap_view.hpp"
#include "core/near_repeat.hpp"
#include "app/density_worker.hpp"
#include "app/hotspot_worker.hpp"
#include "app/map_interaction.hpp"
#include "app/partner_safe_view.hpp"
#include "core/session.hpp"
#include "core/data_snapshot.hpp"
#include "render/camera.hpp"
#include "render/style_fills.hpp"
#include "render/style_renderer.hpp"
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
  // list. Fills the map fields of `status`. `presentation`: partner-safe style, a selected
  // sector outlined only under the pointer, and the view refitted when the mode (and so the
  // region, ui/layout.hpp) changes.
  void frame(const ui::MapRegion& region, float pixel_scale, Session& session,
             const MapInput& input, bool presentation, ui::AppStatus& status);

  // A heatmap computed elsewhere (the first map of a PostGIS source, app/pg_first_map.hpp): drawn
  // as is, and no density is requested until new data arrives (set_snapshot with other data).
  void show_density(DensityResult density);
  bool density_pinned() const { return heat_pinned_; }
  // Points fetched elsewhere (a PostGIS source in server mode, app/pg_server_view.hpp): drawn
  // instead of the selection's while the points layer is shown, until new data arrives.
  void show_points(IncidentStore points);
  // The heatmap grid on screen (nullopt before the first), for tests.
  const DensityResult* density_shown() const { return heat_shown_ ? &*heat_shown_ : nullptr; }

  render::Camera& camera() { return camera_; }
  // Whether the camera frames a loaded workspace yet (false before the first map frame).
  bool has_view() const { return ws_ != nullptr && camera_ready_; }
  const render::StyleRenderer& scene() const { return *map_; }
  // The style drawn in the last frame (the session's, protected while presenting).
  const MapStyle& drawn_style() const { return style_; }
  void fit_all();
  void zoom_to_selection(const Session& session);
  bool heatmap_busy() const { return worker_.busy(); }
  bool hotspots_busy() const { return hot_worker_.busy(); }
  // Waits for the density and hot-spot workers (their results are applied at the next frame;
  // screenshots want the finished map).
  bool settle_heatmap(std::chrono::milliseconds timeout);
  // Raster basemaps (app/basemap_view.hpp): whether tiles are still opening, being read or
  // waiting to be uploaded; waiting for the readers (the next frame uploads what they read);
  // errors not reported yet.
  bool basemap_busy() const { return basemaps_.busy(); }
  bool settle_basemap(std::chrono::milliseconds timeout) { return basemaps_.wait_idle(timeout); }
  std::vector<std::string> take_basemap_errors() { return basemaps_.take_errors(); }
  const BasemapView& basemaps() const { return basemaps_; }
  // The hotspots layer on screen (nullopt before the first analysis arrives) and its worker
  // thread's id (tests: the analysis runs off the UI thread).
  const std::optional<render::HotspotLayer>& hotspots_shown() const { return hot_shown_; }
  std::optional<std::thread::id> hotspots_computed_on() const { return hot_computed_on_; }
  // Presentation mode: the drawn representation's units with their published counts, and the
  // one under the mouse in the last frame (the protected tooltip, app/partner_safe_view.hpp).
  const ProtectedUnits* presented_units() const {
    return presented_ ? &presented_->second : nullptr;
  }
  std::optional<size_t> hovered_unit() const { return hovered_unit_; }
  // The last map image (top-down RGBA), for tests.
  render::RgbaImage read_back() const { return map_->read_back(); }
  // Milliseconds the last density grid / hot-spot analysis took on its worker (benchmarks).
  double last_density_ms() const { return last_density_ms_; }
  double last_hotspot_ms() const { return last_hotspot_ms_; }
  // The sector under the mouse in the last frame (also while presenting, when the status hides it).
  std::optional<int> hovered() const { return hovered_; }
  // The incidents under this frame's click when it hit shown points (analyst view only), nearest
  // first; the click then selected no sector. Empty otherwise.
  std::vector<uint32_t> take_identify_hits() { return std::move(identify_hits_); }
  // Whether the heatmap on screen follows the partner-safe rules (bandwidth floor, density floor).
  bool heatmap_protected() const;

 private:
  // Recomputes what the visible fill layers colour when the filter or their style changed.
  void sync_fills(const Session& session);
  void sync_points(const Session& session);
  // ImGui draw callback (ImDrawCallback): blits the map into blit_rect_.
  static void blit_callback(const ImDrawList* list, const ImDrawCmd* cmd);
  void sync_heatmap(const Session& session);
  void apply_density_result();
  void draw_labels(const ui::MapRegion& region, float pixel_scale, const Session& session,
                   bool presentation);
  void fill_status(const Session& session, ui::AppStatus& status, float pixel_scale);
  // The basemaps' credit lines at the bottom of the map (the exports put them in the source line).
  void draw_attribution(const ui::MapRegion& region);

  std::unique_ptr<render::StyleRenderer> map_;
  SnapshotPtr snap_;                     // the snapshot on screen
  std::shared_ptr<const Workspace> ws_;  // snap_->data
  render::Camera camera_;
  bool camera_ready_ = false;
  DensityWorker worker_;
  BasemapView basemaps_;
  MapStyle style_;                 // this frame's style (protected while presenting)
  // The protected style is adaptive (core/adaptive_protection.hpp: a few KDEs over the city), so
  // it is recomputed only when the filter result or the session's style changes.
  struct ProtectedKey {
    uint64_t filter_generation = 0;
    MapStyle requested;
  };
  std::optional<ProtectedKey> protected_key_;
  MapStyle protected_style_;
  void update_protected_style(const Session& session);
  // The filter's rows as a store (points, protection, hexagons), built once per filter result.
  const IncidentStore& selection();
  std::optional<std::pair<uint64_t, IncidentStore>> selection_;
  // Hexagons of a grid layer: recomputed with the filter or the layer's properties.
  std::optional<std::pair<uint64_t, StyleLayer>> cells_key_;
  std::optional<render::LegendClasses> cells_legend_;
  // Near-repeat zones: (filter generation, layer, day) they were built for, and their legend.
  std::optional<std::tuple<uint64_t, StyleLayer, int64_t>> zones_key_;
  std::optional<render::LegendClasses> zones_legend_;
  std::vector<RiskZone> zones_;  // on screen, for the hover
  double zones_radius_m_ = 0;
  void sync_zones(const Session& session);
  std::optional<DisclosurePolicy> fill_protection_;
  bool protect_ = false;           // presentation mode: partner-safe rules

  uint64_t filter_generation_ = 1;
  // What the fills on the GPU were computed for, per fill kind (to recompute only on change).
  struct FillInputs {
    uint64_t filter_generation = 0;
    StyleLayer layer;
    std::optional<DisclosurePolicy> protection;
    Language language = Language::es;
  };
  std::map<LayerKind, FillInputs> fill_inputs_;
  std::map<LayerKind, render::SectorFills> fills_;  // legends read them
  // The hotspots layer: requested from the worker when its inputs change, shown when it arrives.
  void sync_hotspots(const Session& session);
  struct HotspotKey {
    uint64_t filter_generation = 0;
    HotspotStyle style;
    bool partner_safe = false;
    friend bool operator==(const HotspotKey&, const HotspotKey&) = default;
  };
  HotspotWorker hot_worker_;
  std::optional<HotspotKey> hot_requested_;
  uint64_t hot_generation_ = 0, hot_first_valid_ = 1;  // results older than the data are dropped
  std::optional<render::HotspotLayer> hot_shown_;
  std::optional<std::thread::id> hot_computed_on_;
  double last_hotspot_ms_ = 0;
  std::optional<std::pair<Language, render::LegendClasses>> hot_legend_;
  // The outlines of groups of sectors over a grouped choropleth (render/map_scene.hpp
  // insert_group_outline_layer), lines computed once per field and data.
  void add_group_outlines(MapStyle& drawn);
  std::string group_outline_field_, group_outline_id_;
  std::vector<render::LineStrip> group_outline_lines_;
  // Presentation mode's tooltip units, per filter generation and drawn style.
  void update_presented_units(const Session& session);
  std::optional<std::pair<std::pair<uint64_t, MapStyle>, ProtectedUnits>> presented_;
  Language presented_language_ = Language::es;
  std::optional<render::GridFills> cells_fills_;  // the hexagon layer's fills as drawn
  std::optional<size_t> hovered_unit_;
  uint64_t points_generation_ = 0;
  bool points_shown_ = false;
  std::optional<IncidentStore> pinned_points_;  // show_points
  float points_size_ = 0;
  std::optional<CivilSeconds> program_end_;
  // Heatmap inputs of the newest request and of the grid on screen.
  uint64_t heat_request_generation_ = 0;
  uint64_t heat_filter_generation_ = 0;
  std::optional<KdeParams> heat_request_params_;
  GridSpec heat_requested_grid_;
  std::optional<DensityResult> heat_shown_;
  bool heat_pinned_ = false;  // heat_shown_ came from show_density
  std::optional<render::HeatmapStyle> heat_drawn_;
  double last_density_ms_ = 0;
  std::optional<int> hovered_;
  std::optional<Vec2> hovered_point_;  // working CRS
  std::vector<uint32_t> identify_hits_;
  int still_frames_ = 0;            // frames since the camera last moved
  std::array<int, 4> blit_rect_{};  // x, y (GL, y up), width, height in framebuffer pixels
};

}  // namespace faro::app
