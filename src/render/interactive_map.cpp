#include "render/interactive_map.hpp"

#include <algorithm>
#include <cmath>

#include "render/context_line_layer.hpp"
#include "render/gl_state.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"
#include "render/points_layer.hpp"
#include "render/polygon_fill_layer.hpp"
#include "render/program_layer.hpp"
#include "render/sector_labels.hpp"

namespace faro::render {
namespace {

// Pale sector fill under the heatmap (the same grey as `faro render`).
constexpr Rgba8 kPaleFill{238, 238, 236, 255};

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

// Squared distance from p to the segment ab.
double segment_distance2(Vec2 p, Vec2 a, Vec2 b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
  t = std::clamp(t, 0.0, 1.0);
  const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
  return ex * ex + ey * ey;
}

// Douglas-Peucker over ring[first..last] (indices, last inclusive); marks the kept vertices.
void douglas_peucker(const Ring& ring, size_t first, size_t last, double tol2,
                     std::vector<char>& keep) {
  std::vector<std::pair<size_t, size_t>> stack{{first, last}};
  while (!stack.empty()) {
    const auto [a, b] = stack.back();
    stack.pop_back();
    double worst = -1;
    size_t at = a;
    for (size_t i = a + 1; i < b; ++i) {
      const double d = segment_distance2(ring[i], ring[a], ring[b % ring.size()]);
      if (d > worst) worst = d, at = i;
    }
    if (worst > tol2) {
      keep[at] = 1;
      stack.push_back({a, at});
      stack.push_back({at, b});
    }
  }
}

// The ring simplified to `tol` metres (closed: split at vertex 0 and its farthest vertex), or an
// empty ring when fewer than 3 vertices survive.
Ring simplify_ring(const Ring& ring, double tol) {
  if (ring.size() < 4) return ring;
  size_t far = 0;
  double far_d = -1;
  for (size_t i = 1; i < ring.size(); ++i) {
    const double dx = ring[i].x - ring[0].x, dy = ring[i].y - ring[0].y;
    if (dx * dx + dy * dy > far_d) far_d = dx * dx + dy * dy, far = i;
  }
  std::vector<char> keep(ring.size(), 0);
  keep[0] = keep[far] = 1;
  douglas_peucker(ring, 0, far, tol * tol, keep);
  douglas_peucker(ring, far, ring.size(), tol * tol, keep);  // index size() wraps to vertex 0
  Ring out;
  for (size_t i = 0; i < ring.size(); ++i)
    if (keep[i]) out.push_back(ring[i]);
  if (out.size() < 3) out.clear();
  return out;
}

// Every part and hole simplified; parts and holes smaller than the tolerance vanish (they would be
// under a pixel), but the largest part always stays so every sector keeps a shape.
MultiPolygon simplify_shape(const MultiPolygon& shape, double tol) {
  MultiPolygon out;
  const Polygon* largest = nullptr;
  for (const Polygon& p : shape)
    if (!largest || std::abs(signed_area(p.outer)) > std::abs(signed_area(largest->outer)))
      largest = &p;
  for (const Polygon& p : shape) {
    Polygon q;
    q.outer = simplify_ring(p.outer, tol);
    if (q.outer.empty()) {
      if (&p != largest) continue;
      q.outer = p.outer;
    }
    for (const Ring& h : p.holes) {
      Ring sh = simplify_ring(h, tol);
      if (!sh.empty()) q.holes.push_back(std::move(sh));
    }
    out.push_back(std::move(q));
  }
  return out;
}

}  // namespace

double InteractiveMap::lod_tolerance(double metres_per_pixel) {
  const double half_pixel = 0.5 * metres_per_pixel;
  if (!(half_pixel > 0.25)) return 0.25;
  const int k =
      std::min(8, static_cast<int>(std::floor(std::log(half_pixel / 0.25) / std::log(4.0))));
  return 0.25 * std::pow(4.0, k);
}

PolygonFillLayer* InteractiveMap::sectors_for(double metres_per_pixel) {
  if (!ws_ || ws_->sectors.size() == 0) return nullptr;
  const double tol = lod_tolerance(metres_per_pixel);
  for (auto& [t, layer] : sector_lods_)
    if (t == tol) return layer.get();
  // Built inside the caller's ScopedGlState; colours carried over from the other levels.
  const SectorSet& sectors = ws_->sectors;
  std::vector<MultiPolygon> shapes;
  shapes.reserve(sectors.size());
  for (const Sector& sector : sectors.sectors) shapes.push_back(simplify_shape(sector.shape, tol));
  std::vector<const MultiPolygon*> pointers;
  for (const MultiPolygon& m : shapes) pointers.push_back(&m);
  const Box e = sectors.extent();
  const Vec2 origin{std::round((e.xmin + e.xmax) / 2), std::round((e.ymin + e.ymax) / 2)};
  auto layer = std::make_unique<PolygonFillLayer>(pointers, origin);
  layer->set_fill_colors(sector_colors_);
  sector_lods_.emplace_back(tol, std::move(layer));
  return sector_lods_.back().second.get();
}

InteractiveMap::InteractiveMap() = default;

InteractiveMap::~InteractiveMap() = default;

void InteractiveMap::set_workspace(std::shared_ptr<const Workspace> ws,
                                   std::optional<CivilSeconds> period_end) {
  ScopedGlState saved;
  // Layers referring to the previous workspace go first (ProgramLayer points into its sectors).
  programs_.reset();
  context_.reset();
  points_.reset();
  sector_lods_.clear();
  clear_heatmap();
  index_.reset();
  labels_.clear();
  ++version_;
  ws_ = std::move(ws);
  if (!ws_) return;
  const SectorSet& sectors = ws_->sectors;
  sector_colors_.assign(sectors.size(), kPaleFill);
  if (sectors.size() > 0) {
    index_ = std::make_unique<SectorIndex>(sectors);
    labels_ = sector_labels(sectors);
  }
  if (!ws_->context.empty()) {
    std::vector<LineStrip> strips;
    strips.reserve(ws_->context.size());
    for (const ContextPolyline& l : ws_->context) strips.push_back({l.points, l.closed});
    // The same thin dark grey as `faro render --context`.
    context_ = std::make_unique<ContextLineLayer>(strips, OutlineStyle{{70, 70, 70, 255}, 1.2f});
  }
  program_period_end_.reset();
  set_program_period_end(period_end);
}

void InteractiveMap::set_program_period_end(std::optional<CivilSeconds> period_end) {
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

void InteractiveMap::set_sector_colors(std::span<const Rgba8> colors) {
  if (colors.size() != sector_colors_.size()) return;
  sector_colors_.assign(colors.begin(), colors.end());
  for (auto& lod : sector_lods_) lod.second->set_fill_colors(sector_colors_);
  ++version_;
}

void InteractiveMap::set_heatmap(const GridSpec& grid, std::vector<float> density,
                                 const HeatmapStyle& style) {
  heat_grid_ = grid;
  heat_density_ = std::move(density);
  heat_style_ = style;
  rebuild_heatmap_layer();
}

void InteractiveMap::set_heatmap_opacity(float opacity) {
  if (!heatmap_ || std::abs(heat_style_.opacity - opacity) < 1e-3f) return;
  heat_style_.opacity = opacity;
  rebuild_heatmap_layer();
}

void InteractiveMap::rebuild_heatmap_layer() {
  ScopedGlState saved;
  heatmap_.reset();
  ++version_;
  if (heat_grid_.cells() == 0 || heat_density_.size() != heat_grid_.cells()) return;
  heatmap_ = std::make_unique<HeatmapLayer>(heat_grid_, heat_density_, heat_style_);
}

void InteractiveMap::clear_heatmap() {
  heatmap_.reset();
  ++version_;
  heat_grid_ = {};
  heat_density_.clear();
}

void InteractiveMap::set_points(const IncidentStore& points, float size_px) {
  ScopedGlState saved;
  points_.reset();
  ++version_;
  if (!points.empty()) points_ = std::make_unique<PointsLayer>(points, size_px);
}

unsigned InteractiveMap::render(const Camera& camera, const MapDrawOptions& options) {
  if (target_ && drawn_version_ == version_ && options == drawn_options_ &&
      camera.centre() == drawn_camera_.centre() &&
      camera.metres_per_pixel() == drawn_camera_.metres_per_pixel() &&
      camera.width() == target_->width() && camera.height() == target_->height())
    return target_->color_texture();  // nothing moved: the last frame is still right
  ScopedGlState saved;
  const int samples = std::max(0, options.samples);
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
  target_->clear(premultiplied(options.background));
  GLint fbo = 0;
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &fbo);
  const TileViewport tile{0, 0, camera.width(), camera.height(), camera.width(), camera.height()};
  const FrameContext frame{camera, tile, static_cast<GLuint>(fbo)};
  const float ui = std::max(0.5f, options.ui_scale);
  PolygonFillLayer* sectors = sectors_for(camera.metres_per_pixel());

  for (const MapDrawLayer& layer : options.layers) {
    layer_entry_state();
    switch (layer.kind) {
      case MapDrawLayer::Kind::sectors:
        if (!sectors) break;
        sectors->set_opacity(std::clamp(layer.opacity, 0.0f, 1.0f));
        // Outlines fade with the layer so a hidden-ish layer does not leave a dark mesh.
        sectors->set_outline(
            {{90, 90, 90, static_cast<uint8_t>(255 * std::clamp(layer.opacity, 0.0f, 1.0f))},
             0.8f * ui});
        sectors->draw(frame);
        break;
      case MapDrawLayer::Kind::heatmap:
        if (heatmap_) heatmap_->draw(frame);
        break;
      case MapDrawLayer::Kind::programs:
        if (programs_) programs_->draw(frame);
        break;
      case MapDrawLayer::Kind::context:
        if (context_) context_->draw(frame);
        break;
      case MapDrawLayer::Kind::points:
        if (points_) points_->draw(frame);
        break;
    }
  }
  // Selection and hover on top of every layer, so they stay visible under the heatmap.
  if (sectors) {
    layer_entry_state();
    for (int s : options.selected_sectors)
      if (s >= 0)
        sectors->draw_feature_outline(frame, static_cast<size_t>(s), {kSelectionColor, 3.0f * ui});
    if (options.hovered_sector && *options.hovered_sector >= 0)
      sectors->draw_feature_outline(frame, static_cast<size_t>(*options.hovered_sector),
                                    {kHoverColor, 1.8f * ui});
  }
  target_->resolve();
  drawn_version_ = version_;
  drawn_camera_ = camera;
  drawn_options_ = options;
  ++draw_count_;
  return target_->color_texture();
}

void InteractiveMap::blit_to_bound_framebuffer(int x, int y, int w, int h) const {
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

RgbaImage InteractiveMap::read_back() const {
  if (!target_) return {};
  ScopedGlState saved;
  return target_->read_rgba8();
}

std::optional<int> InteractiveMap::sector_at(const Camera& camera, Vec2 pixel) const {
  if (!index_) return std::nullopt;
  const Vec2 w = camera.pixel_to_world(pixel);
  const int32_t s = index_->locate(w.x, w.y);
  if (s == kNoSector) return std::nullopt;
  return s;
}

}  // namespace faro::render
