#include "app/map_view.hpp"

#include "render/near_repeat_fills.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app/identify_controller.hpp"
#include "app/identify_hits.hpp"
#include "app/live_labels.hpp"
#include "app/partner_safe_view.hpp"
#include "app/session_map.hpp"
#include "core/messages.hpp"
#include "core/style_protection.hpp"
#include "render/scene_protection.hpp"
#include "render/grid_fills.hpp"
#include "render/map_scene.hpp"
#include "render/style_heatmap.hpp"

namespace faro::app {
namespace {

// Map resolution while the view moves (fraction of the region's pixels per axis). Full: measured
// on llvmpipe (CDMX, 1600x900), a half-resolution map costs 1.6 ms CPU less to draw but ~7 ms more
// to scale up into the frame (a bilinear blit) than a full one costs to copy (a same-size blit is
// a memcpy); panning is also sharp. Below 1 the map is scaled up bilinearly.
constexpr float kMovingResolution = 1.0f;


bool same_heat_style(const render::HeatmapStyle& a, const render::HeatmapStyle& b) {
  return a.colormap == b.colormap && a.domain.min == b.domain.min && a.domain.max == b.domain.max &&
         a.domain.locked == b.domain.locked && a.opacity == b.opacity &&
         a.transparent_below == b.transparent_below;
}

// The filter's selection as the fill layers count it (render/style_fills.hpp).
render::SceneCounts live_counts(const Workspace& ws, const FilterResult& filtered,
                                const FilterState& filter,
                                bool need_previous) {
  render::SceneCounts c;
  const size_t n = ws.sectors.size();
  c.current.assign(n, 0.0);
  const auto& per = filtered.per_sector;
  for (size_t s = 0; s < n && s < per.size(); ++s) c.current[s] = static_cast<double>(per[s]);
  if (per.size() > n) c.outside = static_cast<double>(per[n]);
  c.period_years = period_years_of(ws, filter);
  const CivilSeconds from = filter.from.value_or(ws.data_from);
  const CivilSeconds to = filter.to_exclusive.value_or(ws.data_to_exclusive);
  if (to > from) c.period = Period{from, to};
  if (need_previous)
    if (auto prev = previous_period_counts(ws, filter)) {
      c.previous = std::move(prev->per_sector);
      c.previous_outside = prev->outside;
      c.previous_period = Period{prev->from, prev->to_exclusive};
    }
  return c;
}

}  // namespace

MapView::MapView() : map_(std::make_unique<render::StyleRenderer>()) {}

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
  fill_inputs_.clear();
  protected_key_.reset();
  selection_.reset();
  cells_key_.reset();
  cells_legend_.reset();
  zones_key_.reset();
  zones_legend_.reset();
  fills_.clear();
  hot_requested_.reset();
  hot_shown_.reset();
  hot_legend_.reset();
  hot_first_valid_ = hot_generation_ + 1;  // an analysis of the old data is never shown
  group_outline_field_.clear();
  group_outline_id_.clear();
  group_outline_lines_.clear();
  presented_.reset();
  cells_fills_.reset();
  hovered_unit_.reset();
  points_shown_ = false;
  pinned_points_.reset();
  // A first map's heatmap (show_density) stays on screen until the rows' own density arrives,
  // so the map never goes blank in between; any other data's heatmap goes now.
  if (!heat_pinned_) heat_shown_.reset();
  heat_pinned_ = false;
  heat_drawn_.reset();
  heat_request_params_.reset();
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
  const auto until = std::chrono::steady_clock::now() + timeout;
  const bool density = worker_.wait_idle(timeout);
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      until - std::chrono::steady_clock::now());
  return hot_worker_.wait_idle(std::max(left, std::chrono::milliseconds(0))) && density;
}

void MapView::sync_fills(const Session& session) {
  // Hot spots are the hotspot worker's (sync_hotspots).
  for (LayerKind kind : {LayerKind::sectors, LayerKind::choropleth}) {
    const StyleLayer* layer = nullptr;
    for (const StyleLayer& l : style_.layers)
      if (l.kind == kind && l.visible) {
        layer = &l;
        break;
      }
    if (!layer) continue;  // not drawn: nothing to keep up to date
    FillInputs in{filter_generation_, *layer, style_.protection, session.language};
    auto it = fill_inputs_.find(kind);
    if (it != fill_inputs_.end() && it->second.filter_generation == in.filter_generation &&
        it->second.layer == in.layer && it->second.protection == in.protection &&
        it->second.language == in.language)
      continue;
    render::SectorFills f;
    if (kind == LayerKind::sectors) {
      f = render::pale_fills(ws_->sectors.size());
    } else {
      const render::SceneCounts counts = live_counts(
          *ws_, *snap_->filtered, snap_->filter,
          kind == LayerKind::choropleth && is_change_measure(layer->choropleth.measure));
      f = render::choropleth_fills(ws_->sectors, counts, layer->choropleth, style_.protection,
                                   session.language);
    }
    map_->set_fills(kind, f.colors);
    fills_[kind] = std::move(f);
    fill_inputs_[kind] = std::move(in);
  }
}

const IncidentStore& MapView::selection() {
  if (!selection_ || selection_->first != filter_generation_)
    selection_.emplace(filter_generation_, rows_store(*ws_, snap_->filtered->rows));
  return selection_->second;
}

void MapView::update_protected_style(const Session& session) {
  if (protected_key_ && protected_key_->filter_generation == filter_generation_ &&
      protected_key_->requested == session.style)
    return;
  // The selection as the exports see it (app/session_map.cpp): its points, the data extent and
  // the per-sector counts, so the live map chooses what an export of it would choose.
  // The selection as the exports build it (app/session_map.hpp rows_store, protection_data), so
  // the live map chooses what an export of it would choose.
  const IncidentStore& sel = selection();
  const ProtectionData data = render::protection_data(sel, ws_->sectors, ws_->extent,
                                                      period_years_of(*ws_, snap_->filter));
  protected_style_ = protect_style(session.style, dashboard_policy(), &data).style;
  protected_key_ = ProtectedKey{filter_generation_, session.style};
}

// Near-repeat zones (an internal layer; a protected style has none): those active at the end of
// the selected period, rebuilt when the selection, the layer or that day changes.
void MapView::sync_zones(const Session& session) {
  const StyleLayer* layer = nullptr;
  for (const StyleLayer& l : style_.layers)
    if (l.kind == LayerKind::near_repeat && l.visible) layer = &l;
  if (!layer) {
    if (zones_key_) {
      map_->set_zones({}, {});
      zones_key_.reset();
      zones_legend_.reset();
      zones_.clear();
    }
    return;
  }
  const IncidentStore& sel = selection();
  std::optional<int64_t> day;
  if (session.filter.to_exclusive)
    day = days_of(*session.filter.to_exclusive - 1);
  else if (const auto t = sel.max_time())
    day = days_of(*t);
  if (!day) return;
  if (zones_key_ && std::get<0>(*zones_key_) == filter_generation_ &&
      std::get<1>(*zones_key_) == *layer && std::get<2>(*zones_key_) == *day)
    return;
  NearRepeatParams p;
  p.radius_m = layer->near_repeat.radius_m;
  p.days = layer->near_repeat.days;
  p.relative_risk = layer->near_repeat.relative_risk;
  const render::ZoneFills z =
      render::near_repeat_fills(sel, *day, p, render::kNearRepeatColor, session.language);
  map_->set_zones(z.disks, z.colors);
  zones_legend_ = z.legend;
  zones_ = z.zones;
  zones_radius_m_ = p.radius_m;
  zones_key_ = std::make_tuple(filter_generation_, *layer, *day);
}

void MapView::sync_points(const Session& session) {
  const StyleLayer* points = style_.find(LayerKind::points);
  const bool shown = points && points->visible;  // a protected style has no points layer
  // Points are only uploaded while shown (1.28 M points are 15 MB of instances).
  if (shown && (!points_shown_ || points_generation_ != filter_generation_ ||
                points_size_ != points->points.size_px)) {
    map_->set_points(pinned_points_ ? *pinned_points_ : selection(), points->points.size_px);
    points_shown_ = true;
    points_generation_ = filter_generation_;
    points_size_ = points->points.size_px;
  } else if (!shown && points_shown_) {
    map_->set_points(IncidentStore{}, 0);
    points_shown_ = false;
  }
  // Hexagons (a grid layer: a partner-safe heatmap that would hide too much becomes one).
  const StyleLayer* grid = nullptr;
  for (const StyleLayer& l : style_.layers)
    if (l.kind == LayerKind::grid && l.visible) grid = &l;
  if (grid && !(cells_key_ && cells_key_->first == filter_generation_ &&
                cells_key_->second == *grid && fill_protection_ == style_.protection)) {
    const IncidentStore& sel = selection();
    const render::GridFills g = render::grid_fills(sel.x, sel.y, ws_->extent,
                                                   grid->grid, style_.protection, session.language);
    map_->set_cells(g.cells, g.colors);
    cells_legend_ = g.legend;
    cells_fills_ = g;
    cells_key_ = std::make_pair(filter_generation_, *grid);
    fill_protection_ = style_.protection;
  } else if (!grid && cells_key_) {
    map_->set_cells({}, {});
    cells_key_.reset();
    cells_legend_.reset();
    cells_fills_.reset();
  }
  sync_zones(session);
  // Programs turn grey until rollout within the selected period.
  if (program_end_ != session.filter.to_exclusive) {
    program_end_ = session.filter.to_exclusive;
    map_->set_program_period_end(program_end_);
  }
}

void MapView::show_points(IncidentStore points) {
  pinned_points_ = std::move(points);
  points_shown_ = false;  // uploaded at the next frame (when the layer is shown)
}

void MapView::show_density(DensityResult density) {
  heat_shown_ = std::move(density);
  heat_drawn_.reset();  // uploaded at the next frame
  heat_pinned_ = true;
}

void MapView::sync_heatmap(const Session& session) {
  apply_density_result();
  if (heat_pinned_) return;  // the data has no rows to estimate from yet
  const StyleLayer* heat = style_.find(LayerKind::heatmap);
  if (!heat || !heat->visible || !ws_) return;
  const KdeParams params = render::heatmap_params(heat->heatmap, period_years_of(*ws_, session.filter));
  const bool inputs_changed = heat_filter_generation_ != filter_generation_ ||
                              !heat_request_params_ || heat_request_params_->kernel != params.kernel ||
                              heat_request_params_->bandwidth_m != params.bandwidth_m ||
                              heat_request_params_->period_years != params.period_years;
  if (!inputs_changed && render::grid_serves(heat_requested_grid_, camera_, ws_->extent, params))
    return;
  DensityJob job;
  job.snapshot = snap_;
  job.grid = render::heatmap_grid_for(camera_, ws_->extent, params);
  job.domain_view = camera_.visible_box();
  if (style_.protection && style_.protection->partner_safe)
    job.domain_floor =
        static_cast<float>(render::min_supported_density(style_.protection->k, params));
  job.params = params;
  job.generation = ++heat_request_generation_;
  heat_filter_generation_ = filter_generation_;
  heat_request_params_ = params;
  heat_requested_grid_ = job.grid;
  if (job.grid.cells() == 0) return;  // the view and the data do not meet: keep the old grid
  worker_.request(std::move(job));
}

void MapView::apply_density_result() {
  if (std::optional<DensityResult> r = worker_.take_result()) {
    last_density_ms_ = r->compute_ms;
    // A pinned heatmap stays until new data: a grid of the data before it is stale.
    if (r->error.empty() && !r->density.empty() && !heat_pinned_) {
      heat_shown_ = std::move(*r);
      heat_drawn_.reset();  // forces the upload below
    }
  }
  const StyleLayer* heat = style_.find(LayerKind::heatmap);
  if (!heat_shown_ || !heat) return;
  const render::HeatmapStyle drawn = render::heatmap_draw_style(
      heat->heatmap, heat_shown_->auto_domain, heat_shown_->params, style_.protection,
      heat->opacity);
  if (heat_drawn_ && same_heat_style(*heat_drawn_, drawn)) return;
  map_->set_heatmap(heat_shown_->grid, heat_shown_->density, drawn);
  heat_drawn_ = drawn;
}

void MapView::frame(const ui::MapRegion& region, float pixel_scale, Session& session,
                    const MapInput& input, bool presentation, ui::AppStatus& status) {
  const int w = std::max(1, static_cast<int>(std::lround(region.width * pixel_scale)));
  const int h = std::max(1, static_cast<int>(std::lround(region.height * pixel_scale)));
  if (!ws_) return;
  if (!camera_ready_) {
    camera_ = fit_camera(ws_->extent, w, h);
    camera_ready_ = true;
  } else if (presentation != protect_) {
    // Entering or leaving presentation mode changes the map's rectangle (the caption column,
    // the panels): what was in view stays in view, and a view of the whole data fits it again.
    const Box before = camera_.visible_box();
    const bool all = before.contains(ws_->extent.xmin, ws_->extent.ymin) &&
                     before.contains(ws_->extent.xmax, ws_->extent.ymax);
    camera_.resize(w, h);
    if (all)
      camera_ = fit_camera(ws_->extent, w, h);
    else
      zoom_to_box(camera_, before);
  } else if (camera_.width() != w || camera_.height() != h) {
    camera_.resize(w, h);
  }
  // Presenting is partner-safe: the one protection function (core/style_protection.hpp), the same
  // as `faro render` and every export.
  protect_ = presentation;
  if (protect_) {
    update_protected_style(session);
    style_ = protected_style_;
  } else {
    style_ = session.style;
  }
  sync_fills(session);
  sync_points(session);
  sync_hotspots(session);
  map_->set_hidden_mask(style_.protection && style_.protection->partner_safe
                            ? style_.heatmap_hidden_sectors
                            : std::vector<uint8_t>{});

  const bool moved = apply_map_input(camera_, input, ws_->extent);
  still_frames_ = moved ? 0 : still_frames_ + 1;
  hovered_ = input.mouse_in_map ? map_->sector_at(camera_, input.mouse) : std::nullopt;
  hovered_unit_.reset();
  if (protect_) {
    update_presented_units(session);
    if (input.mouse_in_map)
      hovered_unit_ = unit_under(presented_->second, hovered_, camera_.pixel_to_world(input.mouse));
  }
  hovered_point_ = input.mouse_in_map ? std::optional(camera_.pixel_to_world(input.mouse))
                                      : std::nullopt;
  // Identify (analyst view): a click on incident points opens their records (app/
  // identify_controller.hpp) instead of changing the sector selection.
  identify_hits_.clear();
  if (input.click && input.mouse_in_map && IdentifyController::available(presentation))
    if (const StyleLayer* pts = style_.find(LayerKind::points); pts && pts->visible)
      identify_hits_ = incidents_near(
          ws_->incidents, snap_->filtered->rows, camera_.pixel_to_world(input.mouse),
          click_radius_m(pts->points.size_px, camera_.metres_per_pixel(), pixel_scale));
  if (input.click && input.mouse_in_map && identify_hits_.empty()) {
    std::optional<std::string> name;
    if (hovered_) name = ws_->sectors.sectors[*hovered_].name;
    apply_click_selection(session.selection, name, input.ctrl);
  }
  session.camera.centre = camera_.centre();
  session.camera.metres_per_pixel = camera_.metres_per_pixel();
  sync_heatmap(session);

  MapStyle drawn = style_;
  // A grid computed before presentation mode began (narrower than the floor) stays hidden until
  // the protected one arrives: the audience never sees the unprotected heatmap, even for a frame.
  if (protect_ && !heatmap_protected())
    std::erase_if(drawn.layers, [](const StyleLayer& l) { return l.kind == LayerKind::heatmap; });
  add_group_outlines(drawn);
  render::FrameExtras extras;
  // The selection is the analyst's working state: an audience sees a selected sector's outline
  // only while the pointer is over it.
  for (const std::string& name : session.selection)
    if (auto s = ws_->sectors.find(name))
      if (!presentation || hovered_ == static_cast<int>(*s))
        extras.selected_sectors.push_back(static_cast<int>(*s));
  extras.hovered_sector = hovered_;
  // While the view moves the map may be drawn at a lower resolution (kMovingResolution) and
  // scaled up; the first still frame redraws it sharp. Labels, legend and panels are drawn by
  // ImGui at full resolution either way.
  const bool moving = still_frames_ == 0;
  extras.ui_scale = pixel_scale * (moving ? kMovingResolution : 1.0f);
  render::Camera view = camera_;
  if (moving) {
    view.resize(std::max(1, static_cast<int>(w * kMovingResolution)),
                std::max(1, static_cast<int>(h * kMovingResolution)));
    view.set_metres_per_pixel(camera_.metres_per_pixel() * w / view.width());
  }
  // Raster basemaps: tiles read on worker threads, uploaded a few per frame, never waited for.
  basemaps_.sync(drawn, ws_->sectors.work_srs, view, *map_);
  map_->render(view, drawn, extras);

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
  draw_labels(region, pixel_scale, session, presentation);
  draw_attribution(region);
  fill_status(session, status, pixel_scale);
}

void MapView::draw_attribution(const ui::MapRegion& region) {
  const std::vector<std::string> credits = basemaps_.attributions(style_);
  if (credits.empty()) return;
  std::string text;
  for (const std::string& c : credits) text += (text.empty() ? "" : " · ") + c;
  // Small, centred on the map's bottom edge: between the scale bar (bottom left) and the legends
  // (bottom right), on a translucent strip so it reads over any raster.
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize() * 0.8f;
  const ImVec2 extent = font->CalcTextSizeA(size, region.width * 0.5f, region.width * 0.5f,
                                            text.c_str());
  const float pad = 0.25f * size;
  const ImVec2 p0(region.x + (region.width - extent.x) / 2,
                  region.y + region.height - extent.y - 2 * pad);
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  dl->AddRectFilled(ImVec2(p0.x - 2 * pad, p0.y - pad),
                    ImVec2(p0.x + extent.x + 2 * pad, p0.y + extent.y + pad),
                    IM_COL32(255, 255, 255, 190), 3.0f);
  dl->AddText(font, size, p0, IM_COL32(60, 60, 60, 255), text.c_str(), nullptr, region.width * 0.5f);
}

void MapView::fill_status(const Session& session, ui::AppStatus& status, float pixel_scale) {
  status.metres_per_pixel = camera_.metres_per_pixel() * pixel_scale;  // per ImGui unit
  // The ui's tooltip shows raw counts; while presenting the app draws a protected one instead.
  status.hovered_sector = protect_ ? std::nullopt : hovered_;
  status.hovered_point = protect_ ? std::nullopt : hovered_point_;
  status.hovered_zone.reset();
  if (!protect_ && hovered_point_ && zones_key_)
    for (const RiskZone& z : zones_)
      if (z.contains(*hovered_point_, zones_radius_m_)) {
        status.hovered_zone = ui::AppStatus::ZoneHover{zones_radius_m_, z.relative_risk,
                                                       z.first_day, z.expiry_day, z.seeds.size()};
        break;
      }
  // Fill legends in the style's order, from the same fills the map shows (and every export).
  status.fill_legends.clear();
  status.fill_ramp.reset();
  bool hotspot_legend_done = false;
  for (const StyleLayer& l : style_.layers) {
    if (l.visible && l.kind == LayerKind::hotspots && hot_shown_ && !hotspot_legend_done) {
      // Worded in the session's language from the analysis on screen (cached per language).
      if (!hot_legend_ || hot_legend_->first != session.language)
        hot_legend_.emplace(session.language, render::hotspot_legend(*hot_shown_, session.language));
      status.fill_legends.push_back(hot_legend_->second);
      hotspot_legend_done = true;
      continue;
    }
    if (!l.visible || l.kind != LayerKind::choropleth) continue;
    auto it = fills_.find(l.kind);
    if (it == fills_.end()) continue;
    const render::ChoroplethLegend& legend = it->second.legend;
    if (legend.ramp && !status.fill_ramp) status.fill_ramp = legend.ramp;
    if (legend.classes) status.fill_legends.push_back(*legend.classes);
  }
  if (cells_key_ && cells_legend_ && !cells_legend_->entries.empty())
    status.fill_legends.push_back(*cells_legend_);
  if (zones_key_ && zones_legend_ && !zones_legend_->entries.empty())
    status.fill_legends.push_back(*zones_legend_);
  const auto& mask = style_.heatmap_hidden_sectors;
  if (protect_ && std::find(mask.begin(), mask.end(), 1) != mask.end())
    status.fill_legends.push_back(
        {tr(Msg::map_heatmap_hidden_title, session.language),
         {{tr(Msg::map_heatmap_hidden, session.language), render::kSuppressedFill,
           render::Rgba8{90, 90, 90, 255}}}});
  const StyleLayer* heat = style_.find(LayerKind::heatmap);
  status.heatmap_busy = heat && heat->visible && worker_.busy();
  status.heatmap_shown = heat && heat->visible;
  status.heatmap_domain = heat_drawn_ ? heat_drawn_->domain : ColorDomain{};
  const bool per_year = !heat_shown_ || heat_shown_->params.period_years > 0;
  status.heatmap_units = render::density_units(per_year, session.language);
}

void MapView::blit_callback(const ImDrawList*, const ImDrawCmd* cmd) {
  const MapView* self = static_cast<const MapView*>(cmd->UserCallbackData);
  const auto& r = self->blit_rect_;
  self->map_->blit_to_bound_framebuffer(r[0], r[1], r[2], r[3]);
}

bool MapView::heatmap_protected() const {
  return heat_shown_ && heat_shown_->params.bandwidth_m >= dashboard_policy().min_bandwidth_m &&
         heat_drawn_ &&
         heat_drawn_->transparent_below >= static_cast<float>(render::min_supported_density(
                                               dashboard_policy().k, heat_shown_->params));
}

void MapView::draw_labels(const ui::MapRegion& region, float pixel_scale, const Session& session,
                          bool presentation) {
  // Sector and area names, the set every export places (app/live_labels.hpp).
  draw_live_labels(*map_, style_, camera_, region, {pixel_scale, presentation, session.selection});
}

}  // namespace faro::app
