#pragma once
// The retained map scene behind the dashboard's live view. Unlike render_map_scene() (which builds
// every layer for one image and throws them away), this keeps the GPU data of a Workspace alive:
// sector meshes and outlines, program areas and the hit-test index are uploaded once per
// Workspace; colours, the heatmap texture and the point subset are replaced only when their inputs
// change. Each frame draws into an offscreen texture of the map region's size at the current
// Camera (double-precision camera, float offsets from each layer's local origin), which the app
// shows as an image inside the ImGui frame.
//
// Needs an OpenGL 3.3 core context current on the calling thread (GLFW window or EGL); every
// method that issues GL calls restores the GL state it touches (ScopedGlState), so it can run in
// the middle of an ImGui frame. Labels are not drawn here: text belongs to the UI toolkit, and
// label_anchors() gives the app what it needs to place them.
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "core/kde.hpp"
#include "core/polygon_index.hpp"
#include "core/workspace.hpp"
#include "render/camera.hpp"
#include "render/heatmap_layer.hpp"
#include "render/image.hpp"
#include "render/map_overlay.hpp"

namespace faro::render {

class OffscreenTarget;
class PolygonFillLayer;
class ContextLineLayer;
class ProgramLayer;
class PointsLayer;

// What one frame draws, bottom to top. Built by the app from the session's layer stack.
struct MapDrawLayer {
  enum class Kind { sectors, heatmap, programs, context, points };
  Kind kind = Kind::sectors;
  float opacity = 1.0f;  // 0..1 (programs and points draw opaque)
  friend bool operator==(const MapDrawLayer&, const MapDrawLayer&) = default;
};

struct MapDrawOptions {
  std::vector<MapDrawLayer> layers;
  Rgba8 background{250, 250, 248, 255};
  std::vector<int> selected_sectors;  // outlined in kSelectionColor
  std::optional<int> hovered_sector;  // outlined thinner
  float ui_scale = 1.0f;              // line widths (HiDPI, presentation)
  int samples = 0;                    // MSAA samples (0: llvmpipe pays ~4x per sample)
  friend bool operator==(const MapDrawOptions&, const MapDrawOptions&) = default;
};

constexpr Rgba8 kSelectionColor{0, 114, 206, 255};
constexpr Rgba8 kHoverColor{20, 20, 20, 255};

class InteractiveMap {
 public:
  InteractiveMap();
  ~InteractiveMap();  // GL objects die here: keep the context current
  InteractiveMap(const InteractiveMap&) = delete;
  InteractiveMap& operator=(const InteractiveMap&) = delete;

  // Uploads the sectors, programs (active before `period_end`), context lines and hit-test index of
  // `ws`, and
  // drops the heatmap and points of the previous one. Keeps `ws` alive (program areas point into
  // it). Heavy (triangulation): call once per loaded Workspace.
  void set_workspace(std::shared_ptr<const Workspace> ws, std::optional<CivilSeconds> period_end);
  const Workspace* workspace() const { return ws_.get(); }
  // Rebuilds the program areas when the period end changes (programs not yet started turn grey).
  void set_program_period_end(std::optional<CivilSeconds> period_end);
  // Sector fill colours, one per sector (pale fills or a choropleth). Cheap: 4 bytes per sector.
  void set_sector_colors(std::span<const Rgba8> colors);
  // A finished density grid (incidents per km², row 0 north) and its style; replaces the previous.
  void set_heatmap(const GridSpec& grid, std::vector<float> density, const HeatmapStyle& style);
  void set_heatmap_opacity(float opacity);  // re-uploads only when it changed
  void clear_heatmap();
  bool has_heatmap() const { return heatmap_ != nullptr; }
  const GridSpec& heatmap_grid() const { return heat_grid_; }
  // Incident points to draw (usually the filtered rows); empty clears them.
  void set_points(const IncidentStore& points, float size_px);

  // Draws into the offscreen texture (created or resized to the camera's size) and returns its
  // GL name. Texture rows are bottom-up (GL convention): show it with v flipped. When neither the
  // camera, the options nor any data changed since the last call, the texture is reused as is.
  // Sector geometry is drawn at a level of detail simplified to half a pixel (built on first use
  // per level): full-detail CDMX boundaries are ~10x more triangles than a city view can show.
  unsigned render(const Camera& camera, const MapDrawOptions& options);
  // Copies the last rendered frame into the rectangle [x, x + w) x [y, y + h) (GL pixels, y up) of
  // the bound draw framebuffer: a straight copy (GL_NEAREST) at the same size, bilinear when
  // scaled. Far cheaper for a software rasterizer than a blended textured quad (no fragment
  // shader, no blending; llvmpipe turns a same-size blit into a memcpy). Disables the scissor
  // test (a blit obeys it); the caller restores its state.
  void blit_to_bound_framebuffer(int x, int y, int w, int h) const;
  // Reads back the last rendered frame (top-down, straight alpha); for tests and screenshots.
  RgbaImage read_back() const;

  // Sector under `pixel` (camera pixels, y down), or nullopt outside every sector.
  std::optional<int> sector_at(const Camera& camera, Vec2 pixel) const;
  // Sector name labels (anchors in the working CRS, largest sectors first in priority).
  const std::vector<MapLabel>& label_anchors() const { return labels_; }
  // Renders actually drawn (not reused), for tests and benchmarks.
  uint64_t draw_count() const { return draw_count_; }

  // Tolerance (metres) of the sector geometry drawn at `metres_per_pixel`: half a pixel, rounded
  // down to a level 0.25 m x 4^k (k = 0..8).
  static double lod_tolerance(double metres_per_pixel);

 private:
  void rebuild_heatmap_layer();
  PolygonFillLayer* sectors_for(double metres_per_pixel);

  std::shared_ptr<const Workspace> ws_;
  std::unique_ptr<SectorIndex> index_;
  // Sector fills and outlines per level of detail (tolerance in metres), built on demand.
  std::vector<std::pair<double, std::unique_ptr<PolygonFillLayer>>> sector_lods_;
  std::vector<Rgba8> sector_colors_;
  std::unique_ptr<ProgramLayer> programs_;
  std::unique_ptr<ContextLineLayer> context_;  // Workspace::context as thin dark-grey lines
  std::unique_ptr<PointsLayer> points_;
  std::unique_ptr<HeatmapLayer> heatmap_;
  std::unique_ptr<OffscreenTarget> target_;
  std::vector<MapLabel> labels_;
  std::optional<CivilSeconds> program_period_end_;
  // The last grid, kept so an opacity change can rebuild the texture without recomputing.
  GridSpec heat_grid_;
  std::vector<float> heat_density_;
  HeatmapStyle heat_style_;
  // What the texture shows, to skip identical renders.
  uint64_t version_ = 1, drawn_version_ = 0, draw_count_ = 0;
  Camera drawn_camera_;
  MapDrawOptions drawn_options_;
};

}  // namespace faro::render
