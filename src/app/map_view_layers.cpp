// MapView's layers that come from elsewhere than the style's own fills: the hotspots layer (the
// hotspot worker's analysis, app/hotspot_worker.hpp), the outlines of groups of sectors over a
// grouped choropleth (as every export draws them, render/map_scene.hpp), and presentation mode's
// protected units under the pointer (app/partner_safe_view.hpp). UI thread, GL context current.
#include "app/map_view.hpp"

#include "render/group_outlines.hpp"
#include "render/map_scene.hpp"

namespace faro::app {

void MapView::sync_hotspots(const Session& session) {
  if (std::optional<HotspotResult> r = hot_worker_.take_result();
      r && r->generation >= hot_first_valid_ && r->error.empty()) {
    hot_shown_ = std::move(r->layer);
    hot_computed_on_ = r->computed_on;
    last_hotspot_ms_ = r->compute_ms;
    hot_legend_.reset();
    const std::vector<render::Rgba8> colors = render::hotspot_colors(*hot_shown_);
    if (hot_shown_->unit == HotspotUnit::sectors) {
      map_->set_hotspot_cells({}, {});
      map_->set_fills(LayerKind::hotspots, colors);
    } else {
      map_->set_hotspot_cells(hot_shown_->cells, colors);
    }
  }
  const StyleLayer* layer = nullptr;
  for (const StyleLayer& l : style_.layers)
    if (l.kind == LayerKind::hotspots && l.visible) {
      layer = &l;
      break;
    }
  if (!layer) return;  // not drawn: nothing to compute
  const HotspotKey key{filter_generation_, layer->hotspots,
                       style_.protection && style_.protection->partner_safe};
  if (hot_requested_ == key) return;
  hot_requested_ = key;
  hot_worker_.request({snap_, key.style, key.partner_safe, ++hot_generation_});
}

void MapView::add_group_outlines(MapStyle& drawn) {
  const StyleLayer* grouped = nullptr;
  for (const StyleLayer& l : drawn.layers)
    if (l.kind == LayerKind::choropleth && l.visible && !l.choropleth.group_field.empty()) {
      grouped = &l;
      break;
    }
  if (!grouped) return;
  // The lines once per field (render/group_outlines.hpp walks every sector edge).
  if (group_outline_field_ != grouped->choropleth.group_field) {
    group_outline_field_ = grouped->choropleth.group_field;
    group_outline_id_.clear();
    const render::SectorGroups groups = render::sector_groups(ws_->sectors, group_outline_field_);
    group_outline_lines_ = groups.names.empty()
                               ? std::vector<render::LineStrip>{}
                               : render::group_outlines(ws_->sectors, groups.of_sector);
  }
  if (group_outline_lines_.empty()) return;
  // The same layer an export inserts (render/map_scene.hpp), so screen == export.
  const std::string id = render::insert_group_outline_layer(*grouped, drawn);
  if (id != group_outline_id_) {
    map_->set_context(id, group_outline_lines_);
    group_outline_id_ = id;
  }
}

void MapView::update_presented_units(const Session& session) {
  if (presented_ && presented_->first.first == filter_generation_ &&
      presented_->first.second == style_ && presented_language_ == session.language)
    return;
  presented_language_ = session.language;
  // The selection's counts per sector and outside (FilterResult::per_sector: outside last).
  render::SceneCounts counts;
  const auto& per = snap_->filtered->per_sector;
  counts.current.assign(ws_->sectors.size(), 0.0);
  for (size_t i = 0; i < counts.current.size() && i < per.size(); ++i)
    counts.current[i] = static_cast<double>(per[i]);
  if (per.size() > counts.current.size()) counts.outside = static_cast<double>(per.back());
  const render::GridFills* hexagons = cells_fills_ ? &*cells_fills_ : nullptr;
  presented_.emplace(std::make_pair(filter_generation_, style_),
                     protected_units(*ws_, counts, style_, hexagons, session.language));
}

}  // namespace faro::app
