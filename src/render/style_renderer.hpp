#pragma once
// The one map renderer: draws a MapStyle (core/map_style.hpp) over the data of a Workspace. The
// live map, the dashboard's PNG export, presentation mode, `faro render`, the brief's map and the
// hotspot maps all draw through this class, layer by layer in the style's order with each layer's
// opacity and line style, so what leaves the screen is what was on it.
//
// Retained: the GPU data of a Workspace (sector meshes per level of detail, program areas, context
// lines, the hit-test index) is uploaded once; fills, the heatmap texture, points and basemap are
// replaced only when their inputs change (the caller computes them with render/style_fills.hpp and
// render/style_heatmap.hpp, the same functions on every path). render() draws into an offscreen
// texture of the camera's size for the live map (reused while nothing changed); render_image()
// draws the same layers tile by tile for an export of any size.
//
// Needs an OpenGL 3.3 core context current on the calling thread (GLFW window or EGL); every method
// that issues GL calls restores the GL state it touches (ScopedGlState), so it can run in the
// middle of an ImGui frame. Text (labels, legend) is not drawn here: the dashboard draws it with
// ImGui, exports with cairo (render/map_overlay.hpp), both from label_anchors().
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/context_areas.hpp"
#include "core/kde.hpp"
#include "core/map_style.hpp"
#include "core/polygon_index.hpp"
#include "core/workspace.hpp"
#include "render/camera.hpp"
#include "render/context_line_layer.hpp"
#include "render/heatmap_layer.hpp"
#include "render/image.hpp"
#include "render/map_overlay.hpp"

namespace faro::render {

class OffscreenTarget;
class PolygonFillLayer;
class ProgramLayer;
class PointsLayer;
class BasemapLayer;
class BasemapTileLayer;

// What a frame adds to the style: interaction state and output scale.
struct FrameExtras {
  Rgba8 background{250, 250, 248, 255};
  std::vector<int> selected_sectors;  // outlined in kSelectionColor
  std::optional<int> hovered_sector;  // outlined thinner
  float ui_scale = 1.0f;              // line widths and point sizes (HiDPI, presentation, 4K)
  int samples = 0;                    // MSAA samples (0: llvmpipe pays ~4x per sample)
  friend bool operator==(const FrameExtras&, const FrameExtras&) = default;
};

constexpr Rgba8 kSelectionColor{0, 114, 206, 255};
constexpr Rgba8 kHoverColor{20, 20, 20, 255};

// A basemap already warped into a view (straight-alpha RGBA, rows north first).
struct BasemapRaster {
  int width = 0, height = 0;
  std::vector<uint8_t> rgba;
  Box box;                  // working CRS
  std::string attribution;  // the raster's credit line ("" = none), drawn in a corner
};

class StyleRenderer {
 public:
  StyleRenderer();
  ~StyleRenderer();  // GL objects die here: keep the context current
  StyleRenderer(const StyleRenderer&) = delete;
  StyleRenderer& operator=(const StyleRenderer&) = delete;

  // Uploads the sectors, programs (active before `period_end`), the workspace's context lines and
  // the hit-test index, and drops everything that belonged to the previous one. Keeps `ws` alive
  // (program areas point into it). Heavy (triangulation): once per loaded Workspace.
  void set_workspace(std::shared_ptr<const Workspace> ws, std::optional<CivilSeconds> period_end);
  const Workspace* workspace() const { return ws_.get(); }
  // Rebuilds the program areas when the period end changes (programs not yet started turn grey).
  void set_program_period_end(std::optional<CivilSeconds> period_end);
  // Fill colours (one per sector) of a fill kind: sectors, choropleth or hotspots.
  void set_fills(LayerKind kind, std::span<const Rgba8> colors);
  // A finished density grid (incidents per km², row 0 north) and how to draw it.
  void set_heatmap(const GridSpec& grid, std::vector<float> density, const HeatmapStyle& style);
  void clear_heatmap();
  bool has_heatmap() const { return heatmap_ != nullptr; }
  const GridSpec& heatmap_grid() const { return heat_grid_; }
  const HeatmapStyle& heatmap_style() const { return heat_style_; }
  // Incident points (usually the selection); empty clears them.
  void set_points(const IncidentStore& points, float size_px);
  // Lines of a context layer with a source of its own (by layer id), and its named polygons for
  // labels (may be null); a context layer without a source draws the workspace's context lines
  // and names the workspace's context areas.
  void set_context(const std::string& layer_id, std::span<const LineStrip> lines,
                   std::shared_ptr<const ContextAreas> areas = nullptr);
  // Sectors greyed under a pinned partner-safe heatmap where it hides incidents
  // (MapStyle::heatmap_hidden_sectors); empty = none.
  void set_hidden_mask(const std::vector<uint8_t>& sectors);
  // The hexagons of a grid layer (render/grid_fills.hpp): cells and one colour each.
  void set_cells(const std::vector<MultiPolygon>& cells, std::span<const Rgba8> colors);
  // The disks of a near-repeat layer (render/near_repeat_fills.hpp) and one colour each.
  void set_zones(const std::vector<MultiPolygon>& disks, std::span<const Rgba8> colors);
  // The cells of a hotspots layer on grid or hexagon units (render/hotspot_layer.hpp), one colour
  // each; while set, the hotspots layer draws them instead of sector fills. Empty clears them.
  void set_hotspot_cells(const std::vector<MultiPolygon>& cells, std::span<const Rgba8> colors);
  // A basemap raster for the views to come (an export warps one to its exact view).
  void set_basemap(const BasemapRaster& raster);
  // The live map's tiled basemap of a basemap layer's source (render/basemap_tile_layer.hpp):
  // drawn for layers with that source in place of set_basemap()'s raster; nullptr removes it.
  // The renderer owns it; tiles added to it later redraw the map.
  void set_basemap_tiles(const std::string& source, std::unique_ptr<BasemapTileLayer> tiles);
  BasemapTileLayer* basemap_tiles(const std::string& source);
  const BasemapTileLayer* basemap_tiles(const std::string& source) const;

  // Draws `style` into the offscreen texture (created or resized to the camera's size) and returns
  // its GL name (rows bottom-up). When nothing changed since the last call the texture is reused.
  unsigned render(const Camera& camera, const MapStyle& style, const FrameExtras& extras);
  // Draws `style` into an image of the camera's size, in tiles when it exceeds the GL limits.
  // Top-down rows, straight alpha.
  RgbaImage render_image(const Camera& camera, const MapStyle& style, const FrameExtras& extras);
  // Copies the last rendered frame into [x, x + w) x [y, y + h) (GL pixels, y up) of the bound
  // draw framebuffer: a straight copy at the same size (llvmpipe turns it into a memcpy), bilinear
  // when scaled. Disables the scissor test (a blit obeys it); the caller restores its state.
  void blit_to_bound_framebuffer(int x, int y, int w, int h) const;
  // Reads back the last rendered frame (top-down, straight alpha); for tests and screenshots.
  RgbaImage read_back() const;

  // Sector under `pixel` (camera pixels, y down), or nullopt outside every sector.
  std::optional<int> sector_at(const Camera& camera, Vec2 pixel) const;
  // Sector name labels (anchors in the working CRS, larger sectors first in priority).
  const std::vector<MapLabel>& label_anchors() const { return labels_; }
  // Every name `style` shows at `metres_per_pixel` (1080 p units: the view's metres per pixel
  // times its scale): sector names and context area names in their zoom ranges
  // (render/context_labels.hpp). The live map and the exports place these same labels.
  std::vector<MapLabel> labels_for(const MapStyle& style, double metres_per_pixel) const;
  // Renders actually drawn (not reused), for tests and benchmarks.
  uint64_t draw_count() const { return draw_count_; }

 private:
  struct Frame;
  void draw_layers(const Frame& frame, const MapStyle& style, const FrameExtras& extras);
  PolygonFillLayer* sectors_for(double metres_per_pixel);

  std::shared_ptr<const Workspace> ws_;
  std::unique_ptr<SectorIndex> index_;
  // Sector meshes per level of detail (tolerance in metres), built on demand.
  std::vector<std::pair<double, std::unique_ptr<PolygonFillLayer>>> sector_lods_;
  std::map<LayerKind, std::vector<Rgba8>> fills_;
  std::unique_ptr<ProgramLayer> programs_;
  std::unique_ptr<ContextLineLayer> context_;  // Workspace::context
  std::map<std::string, std::vector<LineStrip>> context_sources_;  // per layer id
  std::map<std::string, std::unique_ptr<ContextLineLayer>> context_layers_;
  std::map<std::string, float> context_widths_;  // width each context layer was built with
  std::vector<std::pair<std::string, std::shared_ptr<const ContextAreas>>> context_areas_;
  // Workspace::context_layers uploaded, by source (context layers with a source on the live map).
  std::map<std::string, std::unique_ptr<ContextLineLayer>> ws_context_layers_;
  std::unique_ptr<PointsLayer> points_;
  std::unique_ptr<PolygonFillLayer> cells_;  // LayerKind::grid
  std::unique_ptr<PolygonFillLayer> zones_;  // LayerKind::near_repeat
  std::unique_ptr<PolygonFillLayer> hotspot_cells_;  // LayerKind::hotspots on grid/hex units
  std::vector<Rgba8> hidden_mask_;           // per sector; drawn under the heatmap
  std::unique_ptr<HeatmapLayer> heatmap_;
  std::unique_ptr<BasemapLayer> basemap_;
  std::map<std::string, std::unique_ptr<BasemapTileLayer>> basemap_tiles_;  // by source
  uint64_t tiles_version() const;  // sum of the tile layers' versions
  uint64_t drawn_tiles_version_ = 0;
  std::unique_ptr<OffscreenTarget> target_;
  std::vector<MapLabel> labels_;
  std::optional<CivilSeconds> program_period_end_;
  GridSpec heat_grid_;
  HeatmapStyle heat_style_;
  // What the texture shows, to skip identical renders.
  uint64_t version_ = 1, drawn_version_ = 0, draw_count_ = 0;
  Camera drawn_camera_;
  MapStyle drawn_style_;
  FrameExtras drawn_extras_;
};

}  // namespace faro::render
