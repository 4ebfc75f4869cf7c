#include "render/style_renderer.hpp"

#include <algorithm>
#include <cmath>

#include "render/basemap_layer.hpp"
#include "render/context_labels.hpp"
#include "render/basemap_tile_layer.hpp"
#include "render/gl_state.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"
#include "render/points_layer.hpp"
#include "render/polygon_fill_layer.hpp"
#include "render/program_layer.hpp"
#include "render/scene_protection.hpp"
#include "render/sector_labels.hpp"
#include "render/sector_lod.hpp"
#include "render/style_fills.hpp"

namespace faro::render {
namespace {

// Sets the renderer's entry state for a layer (render/map_layer.hpp): premultiplied blending.
void layer_entry_state() {
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  glDisable(GL_STENCIL_TEST);
  glDisable(GL_SCISSOR_TEST);
}

Rgba8 with_alpha(Rgb c, float alpha) {
  return {c.r, c.g, c.b, static_cast<uint8_t>(std::lround(255 * std::clamp(alpha, 0.0f, 1.0f)))};
}

}  // namespace

struct StyleRenderer::Frame {
  FrameContext context;
};

StyleRenderer::StyleRenderer() = default;
StyleRenderer::~StyleRenderer() = default;

PolygonFillLayer* StyleRenderer::sectors_for(double metres_per_pixel) {
  if (!ws_ || ws_->sectors.size() == 0) return nullptr;
  const double tol = lod_tolerance(metres_per_pixel);
  for (auto& [t, layer] : sector_lods_)
    if (t == tol) return layer.get();
  // Built inside the caller's ScopedGlState.
  const SectorSet& sectors = ws_->sectors;
  std::vector<MultiPolygon> shapes;
  shapes.reserve(sectors.size());
  for (const Sector& sector : sectors.sectors) shapes.push_back(simplify_shape(sector.shape, tol));
  std::vector<const MultiPolygon*> pointers;
  for (const MultiPolygon& m : shapes) pointers.push_back(&m);
  const Box e = sectors.extent();
  const Vec2 origin{std::round((e.xmin + e.xmax) / 2), std::round((e.ymin + e.ymax) / 2)};
  sector_lods_.emplace_back(tol, std::make_unique<PolygonFillLayer>(pointers, origin));
  return sector_lods_.back().second.get();
}

void StyleRenderer::set_workspace(std::shared_ptr<const Workspace> ws,
                                  std::optional<CivilSeconds> period_end) {
  ScopedGlState saved;
  // Layers referring to the previous workspace go first (ProgramLayer points into its sectors).
  programs_.reset();
  context_.reset();
  context_layers_.clear();
  context_areas_.clear();
  ws_context_layers_.clear();
  points_.reset();
  cells_.reset();
  hotspot_cells_.reset();
  sector_lods_.clear();
  fills_.clear();
  clear_heatmap();
  index_.reset();
  labels_.clear();
  ++version_;
  ws_ = std::move(ws);
  if (!ws_) return;
  const SectorSet& sectors = ws_->sectors;
  fills_[LayerKind::sectors].assign(sectors.size(), kPaleFill);
  if (sectors.size() > 0) {
    index_ = std::make_unique<SectorIndex>(sectors);
    labels_ = sector_labels(sectors);
  }
  if (!ws_->context.empty()) {
    std::vector<LineStrip> strips;
    strips.reserve(ws_->context.size());
    for (const ContextPolyline& l : ws_->context) strips.push_back({l.points, l.closed});
    context_ = std::make_unique<ContextLineLayer>(strips, OutlineStyle{});
  }
  for (const auto& [source, data] : ws_->context_layers) {
    if (!data || data->lines.empty()) continue;
    std::vector<LineStrip> strips;
    strips.reserve(data->lines.size());
    for (const ContextPolyline& l : data->lines) strips.push_back({l.points, l.closed});
    ws_context_layers_[source] = std::make_unique<ContextLineLayer>(strips, OutlineStyle{});
  }
  program_period_end_.reset();
  set_program_period_end(period_end);
}

void StyleRenderer::set_program_period_end(std::optional<CivilSeconds> period_end) {
  if (!ws_) return;
  if (programs_ && program_period_end_ == period_end) return;
  ScopedGlState saved;
  programs_.reset();
  ++version_;
  program_period_end_ = period_end;
  if (ws_->programs.empty()) return;
  const auto areas = program_areas(ws_->programs, ws_->sectors, period_end);
  if (!areas.empty()) programs_ = std::make_unique<ProgramLayer>(areas);
}

void StyleRenderer::set_fills(LayerKind kind, std::span<const Rgba8> colors) {
  std::vector<Rgba8>& f = fills_[kind];
  if (f.size() == colors.size() && std::equal(f.begin(), f.end(), colors.begin())) return;
  f.assign(colors.begin(), colors.end());
  ++version_;
}

void StyleRenderer::set_heatmap(const GridSpec& grid, std::vector<float> density,
                                const HeatmapStyle& style) {
  ScopedGlState saved;
  heatmap_.reset();
  ++version_;
  heat_grid_ = grid;
  heat_style_ = style;
  if (grid.cells() == 0 || density.size() != grid.cells()) return;
  heatmap_ = std::make_unique<HeatmapLayer>(grid, density, style);
}

void StyleRenderer::clear_heatmap() {
  heatmap_.reset();
  ++version_;
  heat_grid_ = {};
}

void StyleRenderer::set_points(const IncidentStore& points, float size_px) {
  ScopedGlState saved;
  points_.reset();
  ++version_;
  if (!points.empty()) points_ = std::make_unique<PointsLayer>(points, size_px);
}

void StyleRenderer::set_context(const std::string& layer_id, std::span<const LineStrip> lines,
                                std::shared_ptr<const ContextAreas> areas) {
  ScopedGlState saved;
  context_layers_.erase(layer_id);
  std::erase_if(context_areas_, [&](const auto& a) { return a.first == layer_id; });
  ++version_;
  if (!lines.empty())
    context_layers_[layer_id] = std::make_unique<ContextLineLayer>(lines, OutlineStyle{});
  if (areas) context_areas_.emplace_back(layer_id, std::move(areas));
}

std::vector<MapLabel> StyleRenderer::labels_for(const MapStyle& style,
                                                double metres_per_pixel) const {
  LabelSources sources;
  sources.sectors = &labels_;
  if (ws_) sources.workspace_areas = &ws_->context_areas;
  // Layers with their own source: set_context()'s areas, else those loaded with the workspace.
  std::vector<std::pair<std::string, std::shared_ptr<const ContextAreas>>> by_layer =
      context_areas_;
  if (ws_)
    for (const StyleLayer& l : style.layers) {
      if (l.kind != LayerKind::context || l.source.empty()) continue;
      const bool own = std::any_of(context_areas_.begin(), context_areas_.end(),
                                   [&](const auto& a) { return a.first == l.id; });
      auto it = ws_->context_layers.find(l.source);
      if (!own && it != ws_->context_layers.end() && it->second && it->second->areas)
        by_layer.emplace_back(l.id, it->second->areas);
    }
  sources.layer_areas = &by_layer;
  return labels_for_style(sources, style, metres_per_pixel);
}

void StyleRenderer::set_hidden_mask(const std::vector<uint8_t>& sectors) {
  std::vector<Rgba8> mask;
  if (std::find(sectors.begin(), sectors.end(), 1) != sectors.end())
    for (uint8_t h : sectors) mask.push_back(h ? kSuppressedFill : Rgba8{0, 0, 0, 0});
  if (mask == hidden_mask_) return;
  hidden_mask_ = std::move(mask);
  ++version_;
}

namespace {
// A fill layer of cells (hexagons, squares), one colour each; nullptr when there is none.
std::unique_ptr<PolygonFillLayer> cell_layer(const std::vector<MultiPolygon>& cells,
                                             std::span<const Rgba8> colors) {
  if (cells.empty() || colors.size() != cells.size()) return nullptr;
  std::vector<const MultiPolygon*> pointers;
  pointers.reserve(cells.size());
  for (const MultiPolygon& c : cells) pointers.push_back(&c);
  Box e;
  for (const MultiPolygon& c : cells) e.expand(bounds(c));
  const Vec2 origin{std::round((e.xmin + e.xmax) / 2), std::round((e.ymin + e.ymax) / 2)};
  auto layer = std::make_unique<PolygonFillLayer>(pointers, origin);
  layer->set_fill_colors(colors);
  return layer;
}
}  // namespace

void StyleRenderer::set_cells(const std::vector<MultiPolygon>& cells,
                              std::span<const Rgba8> colors) {
  ScopedGlState saved;
  cells_.reset();
  ++version_;
  cells_ = cell_layer(cells, colors);
}

void StyleRenderer::set_hotspot_cells(const std::vector<MultiPolygon>& cells,
                                      std::span<const Rgba8> colors) {
  ScopedGlState saved;
  hotspot_cells_.reset();
  ++version_;
  hotspot_cells_ = cell_layer(cells, colors);
}

void StyleRenderer::set_zones(const std::vector<MultiPolygon>& disks,
                              std::span<const Rgba8> colors) {
  ScopedGlState saved;
  zones_.reset();
  ++version_;
  zones_ = cell_layer(disks, colors);
}

void StyleRenderer::set_basemap(const BasemapRaster& raster) {
  ScopedGlState saved;
  basemap_.reset();
  ++version_;
  if (raster.width > 0 && raster.height > 0)
    basemap_ = std::make_unique<BasemapLayer>(raster.rgba, raster.width, raster.height, raster.box);
}

void StyleRenderer::set_basemap_tiles(const std::string& source,
                                      std::unique_ptr<BasemapTileLayer> tiles) {
  ScopedGlState saved;  // a replaced layer deletes its textures
  if (tiles)
    basemap_tiles_[source] = std::move(tiles);
  else
    basemap_tiles_.erase(source);
  ++version_;
}

BasemapTileLayer* StyleRenderer::basemap_tiles(const std::string& source) {
  auto it = basemap_tiles_.find(source);
  return it == basemap_tiles_.end() ? nullptr : it->second.get();
}

const BasemapTileLayer* StyleRenderer::basemap_tiles(const std::string& source) const {
  auto it = basemap_tiles_.find(source);
  return it == basemap_tiles_.end() ? nullptr : it->second.get();
}

uint64_t StyleRenderer::tiles_version() const {
  uint64_t v = 0;
  for (const auto& [source, tiles] : basemap_tiles_) v += tiles->version();
  return v;
}

void StyleRenderer::draw_layers(const Frame& f, const MapStyle& style, const FrameExtras& x) {
  const FrameContext& frame = f.context;
  const float ui = std::max(0.25f, x.ui_scale);
  PolygonFillLayer* sectors = sectors_for(frame.camera.metres_per_pixel());
  for (const StyleLayer& layer : style.layers) {
    if (!layer.visible) continue;
    const float opacity = std::clamp(layer.opacity, 0.0f, 1.0f);
    layer_entry_state();
    switch (layer.kind) {
      case LayerKind::basemap:
        if (auto it = basemap_tiles_.find(layer.source); it != basemap_tiles_.end()) {
          it->second->draw(frame, opacity, layer.basemap);
        } else if (basemap_) {
          basemap_->set_opacity(opacity);
          basemap_->set_look(layer.basemap);
          basemap_->draw(frame);
        }
        break;
      case LayerKind::sectors:
      case LayerKind::choropleth:
      case LayerKind::hotspots: {
        if (layer.kind == LayerKind::hotspots && hotspot_cells_) {
          // Grid or hexagon units: thin white edges, as the hexagon layer's.
          hotspot_cells_->set_opacity(opacity);
          hotspot_cells_->set_outline(
              {Rgba8{255, 255, 255, static_cast<uint8_t>(200 * opacity)}, 0.6f * ui});
          hotspot_cells_->draw(frame);
          break;
        }
        if (!sectors) break;
        auto it = fills_.find(layer.kind);
        if (it == fills_.end() || it->second.size() != ws_->sectors.size()) {
          if (layer.kind != LayerKind::sectors) break;  // nothing computed for it yet
          it = fills_.find(LayerKind::sectors);
          if (it == fills_.end()) break;
        }
        sectors->set_fill_colors(it->second);
        sectors->set_opacity(opacity);
        // Outlines fade with the layer so a faint layer does not leave a dark mesh.
        sectors->set_outline({with_alpha(layer.line.color, opacity), layer.line.width_px * ui});
        sectors->draw(frame);
        break;
      }
      case LayerKind::heatmap:
        if (sectors && hidden_mask_.size() == ws_->sectors.size()) {
          // What a pinned partner-safe heatmap hides, greyed under it (never a silent blank).
          sectors->set_fill_colors(hidden_mask_);
          sectors->set_opacity(0.6f * opacity);
          sectors->set_outline({Rgba8{0, 0, 0, 0}, 0.0f});
          sectors->draw(frame);
          layer_entry_state();
        }
        if (heatmap_) heatmap_->draw(frame);  // its opacity is part of its HeatmapStyle
        break;
      case LayerKind::grid:
        if (!cells_) break;
        cells_->set_opacity(opacity);
        // Thin white edges keep neighbouring cells of one class apart.
        cells_->set_outline({Rgba8{255, 255, 255, static_cast<uint8_t>(200 * opacity)}, 0.6f * ui});
        cells_->draw(frame);
        break;
      case LayerKind::programs:
        if (programs_) programs_->draw(frame);
        break;
      case LayerKind::near_repeat:
        if (!zones_) break;
        zones_->set_opacity(opacity);
        // True scale (a 100 m zone is a few pixels at city scale): a firm outline keeps it seen.
        zones_->set_outline({Rgba8{170, 20, 20, static_cast<uint8_t>(230 * opacity)}, 1.4f * ui});
        zones_->draw(frame);
        break;
      case LayerKind::context: {
        ContextLineLayer* lines = nullptr;
        if (auto it = context_layers_.find(layer.id); it != context_layers_.end())
          lines = it->second.get();
        else if (layer.source.empty())
          lines = context_.get();
        else if (auto ws = ws_context_layers_.find(layer.source); ws != ws_context_layers_.end())
          lines = ws->second.get();  // loaded with the workspace (the live map)
        if (!lines) break;
        lines->set_style({with_alpha(layer.line.color, opacity), layer.line.width_px * ui});
        lines->draw(frame);
        break;
      }
      case LayerKind::points:
        if (points_) points_->draw(frame);
        break;
      case LayerKind::labels:
        break;  // text: ImGui on screen, cairo in exports (label_anchors())
    }
  }
  // Selection and hover on top of every layer, so they stay visible under the heatmap.
  if (sectors) {
    layer_entry_state();
    for (int s : x.selected_sectors)
      if (s >= 0)
        sectors->draw_feature_outline(frame, static_cast<size_t>(s), {kSelectionColor, 3.0f * ui});
    if (x.hovered_sector && *x.hovered_sector >= 0)
      sectors->draw_feature_outline(frame, static_cast<size_t>(*x.hovered_sector),
                                    {kHoverColor, 1.8f * ui});
  }
}

unsigned StyleRenderer::render(const Camera& camera, const MapStyle& style,
                               const FrameExtras& extras) {
  if (target_ && drawn_version_ == version_ && drawn_tiles_version_ == tiles_version() &&
      extras == drawn_extras_ && style == drawn_style_ &&
      camera.centre() == drawn_camera_.centre() &&
      camera.metres_per_pixel() == drawn_camera_.metres_per_pixel() &&
      camera.width() == target_->width() && camera.height() == target_->height())
    return target_->color_texture();  // nothing moved: the last frame is still right
  ScopedGlState saved;
  const int samples = std::max(0, extras.samples);
  if (!target_ || target_->width() != camera.width() || target_->height() != camera.height() ||
      (samples > 1) != (target_->samples() > 1)) {
    target_ = std::make_unique<OffscreenTarget>(camera.width(), camera.height(), PixelFormat::rgba8,
                                                samples);
    // Linear filtering: the app may show a reduced-resolution frame scaled up while panning.
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, target_->color_texture());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  }
  target_->bind_for_drawing();
  target_->clear(premultiplied(extras.background));
  GLint fbo = 0;
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &fbo);
  const TileViewport tile{0, 0, camera.width(), camera.height(), camera.width(), camera.height()};
  draw_layers(Frame{FrameContext{camera, tile, static_cast<GLuint>(fbo)}}, style, extras);
  target_->resolve();
  drawn_version_ = version_;
  drawn_tiles_version_ = tiles_version();
  drawn_camera_ = camera;
  drawn_style_ = style;
  drawn_extras_ = extras;
  ++draw_count_;
  return target_->color_texture();
}

RgbaImage StyleRenderer::render_image(const Camera& camera, const MapStyle& style,
                                      const FrameExtras& extras) {
  ScopedGlState saved;
  TiledRenderOptions tiled;
  tiled.samples = extras.samples;
  tiled.clear_color = premultiplied(extras.background);
  return render_tiled(
      camera.width(), camera.height(),
      [&](const TileViewport& tile) {
        const Camera view = camera.sub_view(tile.x, tile.y, tile.width, tile.height);
        GLint fbo = 0;
        glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &fbo);
        draw_layers(Frame{FrameContext{view, tile, static_cast<GLuint>(fbo)}}, style, extras);
      },
      tiled);
}

void StyleRenderer::blit_to_bound_framebuffer(int x, int y, int w, int h) const {
  if (!target_ || w <= 0 || h <= 0) return;
  GLint read_fbo = 0;
  glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &read_fbo);
  glDisable(GL_SCISSOR_TEST);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, target_->draw_framebuffer());
  const bool same = w == target_->width() && h == target_->height();
  glBlitFramebuffer(0, 0, target_->width(), target_->height(), x, y, x + w, y + h,
                    GL_COLOR_BUFFER_BIT, same ? GL_NEAREST : GL_LINEAR);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(read_fbo));
}

RgbaImage StyleRenderer::read_back() const {
  if (!target_) return {};
  ScopedGlState saved;
  return target_->read_rgba8();
}

std::optional<int> StyleRenderer::sector_at(const Camera& camera, Vec2 pixel) const {
  if (!index_) return std::nullopt;
  const Vec2 w = camera.pixel_to_world(pixel);
  const int32_t s = index_->locate(w.x, w.y);
  if (s == kNoSector) return std::nullopt;
  return s;
}

}  // namespace faro::render
