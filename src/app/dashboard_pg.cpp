// DashboardApp's wiring of a live PostGIS source (app/pg_live_controller.hpp): the load's first
// map (app/pg_first_map.hpp) shown while the rows stream in, finished steps swapped in, failures
// shown with the previous data kept, and what the status bar says about it.
#include <imgui.h>

#include <ctime>

#include "app/dashboard_app.hpp"
#include "app/map_view.hpp"
#include "app/pg_live_controller.hpp"
#include "core/messages.hpp"
#include "render/style_heatmap.hpp"
#include "ui/format.hpp"
#include "ui/timeline_strip.hpp"

namespace faro::app {

void DashboardApp::show_pg_first_map(PgFirstMap first_map) {
  // The map shows sectors, programs and the server's heatmap; the panels see a snapshot without
  // incidents, and the status bar says the rows are still coming (fill_pg_status).
  before_first_map_ = snap_;
  apply_loaded(std::move(first_map.snapshot), session_);  // frames the sectors
  if (map_ && !first_map.heat.density.empty()) map_->show_density(std::move(first_map.heat));
  first_map_shown_ = true;
  first_map_rows_ = first_map.rows;
}

void DashboardApp::poll_pg_source() {
  if (!pg_) return;
  if (std::optional<PgFirstMap> fm = pg_->take_first_map()) show_pg_first_map(std::move(*fm));
  std::optional<PgStepResult> r = pg_->poll(session_);
  const bool had_first_map = first_map_shown_;
  if (r) first_map_shown_ = false;
  if (r && r->snapshot) {
    if (r->step == PgStep::load && !had_first_map) {
      apply_loaded(std::move(r->snapshot), session_);
    } else {
      // New rows (or reloaded months, or the rows after a first map): the snapshot is replaced,
      // the camera and the session stay; derived state (filter result, heatmap, panels) follows
      // the new generation.
      snap_ = with_generation(*r->snapshot, snap_->generation + 1);
      sync_snapshot(false);
      if (map_) map_->set_snapshot(snap_, session_);
    }
  } else if (r) {
    // The previous data stays (F5 retries): a first map shown meanwhile goes back too.
    if (had_first_map && before_first_map_) {
      snap_ = with_generation(*before_first_map_, snap_->generation + 1);
      if (map_) map_->set_snapshot(snap_, session_);
    }
    report_error(r->error);
  }
  if (r) before_first_map_.reset();
  sync_pg_server_view();
}

void DashboardApp::sync_pg_server_view() {
  PgServerView* view = pg_ ? pg_->server_view() : nullptr;
  if (!view || !map_ || !map_->has_view() || first_map_shown_) return;
  if (std::optional<PgViewResult> r = view->take_result()) {
    if (!r->error.empty()) {
      report_error(r->error);  // the map keeps the grid and points it shows
    } else {
      if (!r->heat.density.empty()) {
        view->shown_grid = r->heat.grid;
        view->shown_counts = std::move(r->counts);
        view->shown_query_ms = r->query_ms;
        view->shown_density_ms = r->heat.compute_ms;
        map_->show_density(std::move(r->heat));
      }
      // Too many points for the view: none drawn (the heatmap shows them), and the map says so.
      if (r->points_fetched || r->points_truncated) map_->show_points(std::move(r->points));
      view->points_truncated = r->points_truncated;
      // The server's incidents per sector become the filter result's (choropleth, sector panel,
      // totals), when they were counted for the filter result the snapshot holds now.
      if (r->per_sector && r->counts_for == snap_->filtered) {
        auto counted = std::make_shared<FilterResult>(*snap_->filtered);
        counted->per_sector = std::move(*r->per_sector);
        if (r->per_category) counted->per_category = std::move(*r->per_category);
        counted->total = 0;
        for (int64_t n : counted->per_sector) counted->total += n;
        auto next = std::make_shared<DataSnapshot>(*snap_);
        next->filtered = counted;
        next->generation = snap_->generation + 1;
        snap_ = std::move(next);
        view->counts_shown = counted;
        map_->set_snapshot(snap_, session_);
      }
      // The timeline strip's table: a new snapshot that carries it (data and filter shared).
      if (r->timeline) {
        auto next = std::make_shared<DataSnapshot>(*snap_);
        next->server_timeline = r->timeline;
        next->generation = snap_->generation + 1;
        snap_ = std::move(next);
        view->timeline_shown = r->timeline;
        map_->set_snapshot(snap_, session_);
      }
    }
  }
  // The view's request: the grid the live map would ask its density worker for, under the
  // source's filter and the session's dates and offences.
  const Workspace& ws = snap_->ws();
  const StyleLayer* heat = session_.style.find(LayerKind::heatmap);
  const StyleLayer* points = session_.style.find(LayerKind::points);
  PgViewRequest rq;
  // The snapshot's filter (the session's, once sync_snapshot caught up): the sector counts then
  // belong to the filter result they are put in.
  rq.filter = first_map_filter(pg_->config().filter, snap_->filter, &ws.sectors);
  rq.params = render::heatmap_params(heat ? heat->heatmap : HeatmapStyle{},
                                     period_years_of(ws, snap_->filter));
  const render::Camera& camera = map_->camera();
  rq.grid = render::heatmap_grid_for(camera, ws.extent, rq.params);
  rq.view = camera.visible_box();
  rq.points_limit = pg_->config().points_limit;
  rq.language = session_.language;
  // Sector counts only when the snapshot's filter result is not the one that carries them (a
  // filter change, a Refresh): a pan asks for the grid and points only.
  rq.want_sector_counts = ws.sectors.size() > 0 && snap_->filtered != view->counts_shown;
  rq.sector_count = ws.sectors.size();
  const auto same_params = [&](const KdeParams& p) {
    return p.kernel == rq.params.kernel && p.bandwidth_m == rq.params.bandwidth_m &&
           p.period_years == rq.params.period_years;
  };
  const auto& last_grid = view->last_grid_request();
  rq.want_grid = rq.grid.cells() > 0 &&
                 !(last_grid && same_rows(last_grid->filter, rq.filter) && same_params(last_grid->params) &&
                   render::grid_serves(last_grid->grid, camera, ws.extent, rq.params));
  // Points: the view grown by half a view per side, clipped to the data; asked again when the view
  // leaves the last box, or the last box is over 4 times the new one (zoomed in: a box that had
  // too many points may have few enough now).
  if (points && points->visible) {
    const Box v = rq.view;
    rq.points_box = Box{std::max(v.xmin - v.width() / 2, ws.extent.xmin),
                        std::max(v.ymin - v.height() / 2, ws.extent.ymin),
                        std::min(v.xmax + v.width() / 2, ws.extent.xmax),
                        std::min(v.ymax + v.height() / 2, ws.extent.ymax)};
    const Box need{std::max(v.xmin, ws.extent.xmin), std::max(v.ymin, ws.extent.ymin),
                   std::min(v.xmax, ws.extent.xmax), std::min(v.ymax, ws.extent.ymax)};
    const auto& last = view->last_points_request();
    const auto area = [](const Box& b) { return std::max(0.0, b.width()) * std::max(0.0, b.height()); };
    const bool served = last && same_rows(last->filter, rq.filter) &&
                        (need.xmax <= need.xmin || need.ymax <= need.ymin ||
                         (last->points_box.contains(need.xmin, need.ymin) &&
                          last->points_box.contains(need.xmax, need.ymax))) &&
                        area(last->points_box) <= 4 * area(rq.points_box);
    rq.want_points = !rq.points_box.empty() && !served;
  }
  // Sector counts already asked under this filter (answered, or failed: a Refresh asks again).
  const auto& last_counts = view->last_counts_request();
  if (rq.want_sector_counts && last_counts && last_counts->counts_for == snap_->filtered)
    rq.want_sector_counts = false;
  rq.counts_for = snap_->filtered;
  if (rq.want_sector_counts) {
    FilterState any_offence = snap_->filter;
    any_offence.categories.clear();
    rq.category_filter = first_map_filter(pg_->config().filter, any_offence, &ws.sectors);
    rq.category_names = ws.incidents.categories.names();
  }
  // The timeline strip's table: the filter without the session's dates over the data's whole
  // range, in the strip's bins; asked when that differs from the last one asked (dragging the
  // dates asks nothing).
  if (ws.data_to_exclusive > ws.data_from) {
    FilterState undated = snap_->filter;
    undated.from.reset();
    undated.to_exclusive.reset();
    PgTimelineRequest tl;
    tl.kind = ui::timeline_bin_kind(ws.data_from, ws.data_to_exclusive);
    tl.filter = first_map_filter(pg_->config().filter, undated, &ws.sectors);
    if (!tl.filter.from) tl.filter.from = ws.data_from;
    if (!tl.filter.to_exclusive) tl.filter.to_exclusive = ws.data_to_exclusive;
    const auto& asked = view->timeline_asked;
    if (!asked || asked->kind != tl.kind || !same_rows(asked->filter, tl.filter)) {
      view->timeline_asked = tl;
      rq.timeline = std::move(tl);
    }
  }
  if (!rq.want_grid && !rq.want_points && !rq.want_sector_counts && !rq.timeline) return;
  view->request(std::move(rq));
}

void DashboardApp::draw_pg_map_notes() {
  if (!pg_ || !pg_->server_mode() || region_.width <= 0 || first_map_shown_) return;
  const Language lang = session_.language;
  const std::string limit = ui::format_count(pg_->config().max_rows);
  std::vector<std::string> lines{tr_format(lang, Msg::pg_server_mode,
                                           ui::format_count(pg_->table_rows().rows).c_str(),
                                           limit.c_str())};
  const StyleLayer* points = session_.style.find(LayerKind::points);
  if (points && points->visible && pg_->server_view()->points_truncated)
    lines.push_back(tr_format(lang, Msg::pg_server_zoom_points,
                              ui::format_count(pg_->config().points_limit).c_str()));
  // Layers that need the individual rows (hot spots, near-repeat zones) draw nothing in server
  // mode: the map says why rather than showing an empty layer.
  for (const StyleLayer& l : session_.style.layers)
    if (l.visible && (l.kind == LayerKind::hotspots || l.kind == LayerKind::near_repeat)) {
      lines.push_back(tr_format(lang, Msg::pg_server_panel, limit.c_str()));
      break;
    }
  // Top centre of the map, on a translucent strip (as the basemap credits at the bottom).
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize() * 0.9f, pad = 0.3f * size, wrap = region_.width * 0.8f;
  float y = region_.y + 2 * pad;
  for (const std::string& text : lines) {
    const ImVec2 extent = font->CalcTextSizeA(size, wrap, wrap, text.c_str());
    const ImVec2 p0(region_.x + (region_.width - extent.x) / 2, y);
    dl->AddRectFilled(ImVec2(p0.x - 2 * pad, p0.y - pad),
                      ImVec2(p0.x + extent.x + 2 * pad, p0.y + extent.y + pad),
                      IM_COL32(255, 255, 255, 215), 3.0f);
    dl->AddText(font, size, p0, IM_COL32(40, 40, 40, 255), text.c_str(), nullptr, wrap);
    y += extent.y + 3 * pad;
  }
}

void DashboardApp::fill_pg_status() {
  if (!pg_) return;
  ui::AppStatus::PgLive& s = status_.pg;
  s.active = true;
  s.running = pg_->running();
  s.refresh_every_min = pg_->refresh_every_min();
  s.last_step = static_cast<ui::AppStatus::PgLive::Step>(pg_->last_step());  // same order
  s.last_count = static_cast<int>(pg_->last_count());
  s.server_mode = pg_->server_mode();
  s.max_rows = pg_->config().max_rows;
  s.last_time.clear();
  if (auto t = pg_->last_success()) {
    const std::time_t tt = std::chrono::system_clock::to_time_t(*t);
    std::tm local{};
    localtime_r(&tt, &local);
    char buf[16];
    std::strftime(buf, sizeof buf, "%H:%M:%S", &local);
    s.last_time = buf;
  }
  // The first load: what the map shows meanwhile (the status bar's loading line).
  if (status_.loading && !load_) {
    const Language lang = session_.language;
    status_.load_message =
        first_map_shown_
            ? tr_format(lang, Msg::pg_first_map_shown, ui::format_count(first_map_rows_).c_str())
            : tr_format(lang, Msg::pg_first_map_query, pg_->redacted_source().c_str());
  }
}

}  // namespace faro::app
