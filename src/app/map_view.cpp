#include "app/map_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app/partner_safe_view.hpp"
#include "render/label_placement.hpp"
#include "render/map_scene.hpp"
#include "render/scene_protection.hpp"

namespace faro::app {
namespace {

// Map resolution while the view moves (fraction of the region's pixels per axis). Full: measured
// on llvmpipe (CDMX, 1600x900, app2 09:20), a half-resolution map costs 1.6 ms CPU less to draw but
// ~7 ms more to scale up into the frame (a bilinear blit) than a full one costs to copy (a
// same-size blit is a memcpy); panning is also sharp. Below 1 the map is scaled up bilinearly.
constexpr float kMovingResolution = 1.0f;

// Densities below this fraction of the colour maximum are not drawn (as in `faro render`).
constexpr float kTransparentFraction = 0.03f;

render::HeatmapStyle heatmap_style(const Session& s, const ColorDomain& auto_domain,
                                   float opacity) {
  render::HeatmapStyle style;
  style.colormap = s.heatmap.colormap;
  if (s.heatmap.color_max_locked && s.heatmap.color_max > 0) {
    style.domain.locked = true;
    style.domain.min = 0;
    style.domain.max = s.heatmap.color_max;
  } else {
    style.domain = auto_domain;
  }
  style.transparent_below = kTransparentFraction * style.domain.max;
  style.opacity = std::clamp(opacity, 0.0f, 1.0f);
  return style;
}

float heatmap_opacity(const Session& s) {
  for (const LayerStyle& l : s.layers)
    if (l.id == LayerId::heatmap) return l.opacity;
  return 0.8f;  // default_layers()
}

bool same_heat_style(const render::HeatmapStyle& a, const render::HeatmapStyle& b) {
  return a.colormap == b.colormap && a.domain.min == b.domain.min && a.domain.max == b.domain.max &&
         a.opacity == b.opacity && a.transparent_below == b.transparent_below;
}

// The selected rows of `ws` as a store of their own (the points layer uploads whole stores).
IncidentStore filtered_points(const DataSnapshot& snap) {
  IncidentStore out;
  const IncidentStore& in = snap.data->incidents;
  out.reserve(snap.filtered->rows.size());
  for (uint32_t r : snap.filtered->rows)
    out.push_back(in.x[r], in.y[r], in.t[r], in.category[r], in.flags[r]);
  out.categories = in.categories;
  return out;
}

}  // namespace

MapView::MapView() : map_(std::make_unique<render::InteractiveMap>()) {}

MapView::~MapView() = default;

void MapView::set_snapshot(SnapshotPtr snap, const Session& session) {
  const bool same_data = snap_ && snap && snap->data == snap_->data;
  const bool same_filter = same_data && snap->filtered == snap_->filtered;
  snap_ = std::move(snap);
  if (same_data) {
    if (!same_filter) ++filter_generation_;
    return;
  }
  ws_ = snap_ ? snap_->data : nullptr;
  program_end_ = session.filter.to_exclusive;
  map_->set_workspace(ws_, program_end_);
  ++filter_generation_;
  colors_style_.reset();
  points_shown_ = false;
  heat_shown_.reset();
  heat_shown_style_.reset();
  heat_request_style_.reset();
  heat_requested_grid_ = {};
  hovered_.reset();
  camera_ready_ = false;
  if (ws_ && session.camera.metres_per_pixel > 0) {
    camera_ = render::Camera(session.camera.centre, session.camera.metres_per_pixel,
                             std::max(1, camera_.width()), std::max(1, camera_.height()));
    camera_ready_ = true;
  }
}

void MapView::fit_all() {
  if (ws_) camera_ = fit_camera(ws_->extent, camera_.width(), camera_.height());
}

void MapView::zoom_to_selection(const Session& session) {
  if (!ws_) return;
  Box box;
  for (const std::string& name : session.selection)
    if (auto s = ws_->sectors.find(name)) box.expand(ws_->sectors.sectors[*s].bbox);
  if (!box.empty()) zoom_to_box(camera_, box);
}

bool MapView::settle_heatmap(std::chrono::milliseconds timeout) {
  return worker_.wait_idle(timeout);
}

void MapView::sync(const Session& session, const MapLayerPlan& plan) {
  if (!ws_) return;
  // Sector fills: recoloured when the filter, the choropleth style or its visibility changes.
  if (colors_generation_ != filter_generation_ || colors_choropleth_ != plan.choropleth ||
      !colors_style_ || !(*colors_style_ == session.choropleth)) {
    fills_ = sector_fills(*ws_, *snap_->filtered, session, plan.choropleth,
                          period_years_of(*ws_, session.filter));
    map_->set_sector_colors(fills_.colors);
    colors_generation_ = filter_generation_;
    colors_choropleth_ = plan.choropleth;
    colors_style_ = session.choropleth;
  }
  // Programs turn grey until rollout within the selected period.
  if (program_end_ != session.filter.to_exclusive) {
    program_end_ = session.filter.to_exclusive;
    map_->set_program_period_end(program_end_);
  }
  // Points: only uploaded while shown (1.28 M points are 15 MB of instances).
  if (plan.points && (!points_shown_ || points_generation_ != filter_generation_)) {
    map_->set_points(filtered_points(*snap_), session.points.size_px);
    points_shown_ = true;
    points_generation_ = filter_generation_;
  } else if (!plan.points && points_shown_) {
    map_->set_points(IncidentStore{}, session.points.size_px);
    points_shown_ = false;
  }
}

void MapView::sync_heatmap(const Session& session, bool visible) {
  apply_density_result(session);
  if (!visible || !ws_) return;
  KdeParams params;
  params.kernel = session.heatmap.kernel;
  params.bandwidth_m =
      protected_bandwidth_m(session.heatmap.bandwidth_m > 0 ? session.heatmap.bandwidth_m : 400,
                            protect_, dashboard_policy());
  params.period_years = period_years_of(*ws_, session.filter);
  const bool inputs_changed =
      heat_filter_generation_ != filter_generation_ || !heat_request_style_ ||
      heat_request_style_->kernel != params.kernel || heat_bandwidth_m_ != params.bandwidth_m ||
      heat_period_years_ != params.period_years;
  if (!inputs_changed && grid_serves(heat_requested_grid_, camera_, ws_->extent, params)) return;
  DensityJob job;
  job.snapshot = snap_;
  job.grid = heatmap_grid_for(camera_, ws_->extent, params);
  job.params = params;
  job.generation = ++heat_request_generation_;
  heat_filter_generation_ = filter_generation_;
  heat_request_style_ = session.heatmap;
  heat_bandwidth_m_ = params.bandwidth_m;
  heat_period_years_ = params.period_years;
  heat_requested_grid_ = job.grid;
  if (job.grid.cells() == 0) return;  // the view and the data do not meet: keep the old grid
  worker_.request(std::move(job));
}

void MapView::apply_density_result(const Session& session) {
  if (std::optional<DensityResult> r = worker_.take_result()) {
    last_density_ms_ = r->compute_ms;
    if (r->error.empty() && !r->density.empty()) {
      heat_shown_ = std::move(*r);
      heat_shown_style_.reset();  // forces the upload below
    }
  }
  if (!heat_shown_) return;
  render::HeatmapStyle style =
      heatmap_style(session, heat_shown_->auto_domain, heatmap_opacity(session));
  if (protect_) style = protect_heatmap_style(style, heat_shown_->params, dashboard_policy());
  if (heat_shown_style_ && same_heat_style(*heat_shown_style_, style)) return;
  map_->set_heatmap(heat_shown_->grid, heat_shown_->density, style);
  heat_shown_style_ = style;
  heat_domain_ = style.domain;
}

void MapView::frame(const ui::MapRegion& region, float pixel_scale, Session& session,
                    const MapInput& input, bool presentation, ui::AppStatus& status) {
  const int w = std::max(1, static_cast<int>(std::lround(region.width * pixel_scale)));
  const int h = std::max(1, static_cast<int>(std::lround(region.height * pixel_scale)));
  if (!ws_) return;
  if (!camera_ready_) {
    camera_ = fit_camera(ws_->extent, w, h);
    camera_ready_ = true;
  } else if (camera_.width() != w || camera_.height() != h) {
    camera_.resize(w, h);
  }
  protect_ = presentation;  // partner-safe rules while presenting (app/partner_safe_view.hpp)
  const MapLayerPlan plan = plan_layers(session, presentation);
  sync(session, plan);

  const bool moved = apply_map_input(camera_, input, ws_->extent);
  still_frames_ = moved ? 0 : still_frames_ + 1;
  hovered_ = input.mouse_in_map ? map_->sector_at(camera_, input.mouse) : std::nullopt;
  if (input.click && input.mouse_in_map) {
    std::optional<std::string> name;
    if (hovered_) name = ws_->sectors.sectors[*hovered_].name;
    apply_click_selection(session.selection, name, input.ctrl);
  }
  session.camera.centre = camera_.centre();
  session.camera.metres_per_pixel = camera_.metres_per_pixel();
  sync_heatmap(session, plan.heatmap);

  render::MapDrawOptions options;
  options.layers = plan.layers;
  // A grid computed before presentation mode began (narrower than the floor) stays hidden until
  // the protected one arrives: the audience never sees the unprotected heatmap, even for a frame.
  if (protect_ && !heatmap_protected())
    std::erase_if(options.layers, [](const render::MapDrawLayer& l) {
      return l.kind == render::MapDrawLayer::Kind::heatmap;
    });
  for (const std::string& name : session.selection)
    if (auto s = ws_->sectors.find(name)) options.selected_sectors.push_back(static_cast<int>(*s));
  options.hovered_sector = hovered_;
  // While the view moves the map may be drawn at a lower resolution (kMovingResolution) and
  // scaled up; the first still frame redraws it sharp. Labels, legend and panels are drawn by
  // ImGui at full resolution either way.
  const bool moving = still_frames_ == 0;
  options.ui_scale = pixel_scale * (moving ? kMovingResolution : 1.0f);
  render::Camera view = camera_;
  if (moving) {
    view.resize(std::max(1, static_cast<int>(w * kMovingResolution)),
                std::max(1, static_cast<int>(h * kMovingResolution)));
    view.set_metres_per_pixel(camera_.metres_per_pixel() * w / view.width());
  }
  const unsigned texture = map_->render(view, options);

  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  // The map is opaque: ImGui's backend would draw it as a blended, textured quad, which costs a
  // software rasterizer ~10x a framebuffer blit. A draw callback at the bottom of the background
  // list copies it in place (framebuffer pixels, GL y up), then ImGui restores its state.
  const float fb_height = ImGui::GetIO().DisplaySize.y * pixel_scale;
  blit_rect_ = {static_cast<int>(std::lround(region.x * pixel_scale)),
                static_cast<int>(std::lround(fb_height - (region.y + region.height) * pixel_scale)),
                w, h};
  dl->AddCallback(&MapView::blit_callback, this);
  dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
  (void)texture;  // the blit reads the map's framebuffer
  if (plan.labels) draw_labels(region, pixel_scale, session, presentation);

  status.metres_per_pixel = camera_.metres_per_pixel() * pixel_scale;  // per ImGui unit
  // The ui's tooltip shows raw counts; while presenting the app draws a protected one instead.
  status.hovered_sector = protect_ ? std::nullopt : hovered_;
  status.choropleth_shown = plan.choropleth && fills_.choropleth.has_value();
  status.choropleth_classes =
      fills_.choropleth ? fills_.choropleth->classes : std::vector<ChoroplethClass>{};
  status.choropleth_vmax = fills_.choropleth ? fills_.choropleth->vmax : 0;
  status.choropleth_units = fills_.units;
  status.heatmap_busy = plan.heatmap && worker_.busy();
  status.heatmap_domain = heat_domain_;
  status.heatmap_units =
      session.language == Language::en ? "incidents/km² per year" : render::density_units(true);
  if (heat_shown_ && heat_shown_->params.period_years <= 0)
    status.heatmap_units =
        session.language == Language::en ? "incidents/km²" : render::density_units(false);
}

void MapView::blit_callback(const ImDrawList*, const ImDrawCmd* cmd) {
  const MapView* self = static_cast<const MapView*>(cmd->UserCallbackData);
  const auto& r = self->blit_rect_;
  self->map_->blit_to_bound_framebuffer(r[0], r[1], r[2], r[3]);
}

bool MapView::heatmap_protected() const {
  return heat_shown_ && heat_shown_->params.bandwidth_m >= dashboard_policy().min_bandwidth_m &&
         heat_shown_style_ &&
         heat_shown_style_->transparent_below >= static_cast<float>(render::min_supported_density(
                                                     dashboard_policy().k, heat_shown_->params));
}

void MapView::draw_labels(const ui::MapRegion& region, float pixel_scale, const Session& session,
                          bool presentation) {
  const auto& labels = map_->label_anchors();
  if (labels.empty()) return;
  ImFont* font = ImGui::GetFont();
  // Labels a little smaller than body text; a quarter larger in presentation mode (as large as
  // the panels' text would hide most names of a city's sectors).
  const float size = ImGui::GetFontSize() * 0.85f * (presentation ? 1.25f : 1.0f);
  std::vector<render::LabelRequest> requests;
  std::vector<const std::string*> texts;  // parallel to requests
  requests.reserve(labels.size());
  const float inv = 1.0f / pixel_scale;
  for (const render::MapLabel& l : labels) {
    const Vec2 a = camera_.world_to_pixel(l.anchor);
    const Vec2 p0 = camera_.world_to_pixel({l.feature_bbox.xmin, l.feature_bbox.ymax});
    const Vec2 p1 = camera_.world_to_pixel({l.feature_bbox.xmax, l.feature_bbox.ymin});
    const Box feature{p0.x * inv, p0.y * inv, p1.x * inv, p1.y * inv};
    // Skip labels whose sector is far off screen or smaller than a word (most of them when
    // zoomed out): the placement stays cheap every frame.
    if (feature.xmax < 0 || feature.ymax < 0 || feature.xmin > region.width ||
        feature.ymin > region.height || feature.width() < size * 2)
      continue;
    const ImVec2 text = font->CalcTextSizeA(size, 1e9f, 0, l.text.c_str());
    const bool selected = std::find(session.selection.begin(), session.selection.end(), l.text) !=
                          session.selection.end();
    requests.push_back({{a.x * inv, a.y * inv},
                        feature,
                        l.priority + (selected ? 1'000'000 : 0),
                        {Vec2{text.x + 4.0, text.y + 2.0}}});
    texts.push_back(&l.text);
  }
  const Box screen{0, 0, region.width, region.height};
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  for (const render::LabelPlacement& p : render::place_labels(requests, screen, {}, 4.0)) {
    const ImVec2 pos(region.x + static_cast<float>(p.box.xmin) + 2,
                     region.y + static_cast<float>(p.box.ymin) + 1);
    const std::string* text = texts[p.request];
    // A white halo keeps names readable over the heatmap.
    for (const ImVec2 d : {ImVec2(-1, 0), ImVec2(1, 0), ImVec2(0, -1), ImVec2(0, 1)})
      dl->AddText(font, size, ImVec2(pos.x + d.x, pos.y + d.y), IM_COL32(255, 255, 255, 220),
                  text->c_str());
    dl->AddText(font, size, pos, IM_COL32(40, 40, 40, 255), text->c_str());
  }
}

}  // namespace faro::app
