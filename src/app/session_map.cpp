#include "app/session_map.hpp"

#include "app/basemap_view.hpp"
#include "app/partner_safe_view.hpp"
#include "core/choropleth_change.hpp"
#include "core/messages.hpp"
#include "core/style_protection.hpp"
#include "render/context_line_layer.hpp"

namespace faro::app {
namespace {

// The previous period's incidents of a change choropleth: the same filter, dates moved back.
IncidentStore previous_store(const Workspace& ws, const FilterState& filter,
                             std::optional<Period>& period) {
  const CivilSeconds from = filter.from.value_or(ws.data_from);
  const CivilSeconds to = filter.to_exclusive.value_or(ws.data_to_exclusive);
  if (to <= from) return {};
  period = previous_period({from, to});
  FilterState f = filter;
  f.from = period->from;
  f.to_exclusive = period->to_exclusive;
  const IncidentFilter pick = ws.make_filter(f);
  std::vector<uint32_t> rows;
  for (size_t i = 0; i < ws.incidents.size(); ++i)
    if (pick.accepts(ws.incidents, i)) rows.push_back(static_cast<uint32_t>(i));
  return rows_store(ws, rows);
}

}  // namespace

SessionContextLayers session_context_layers(const Workspace& ws, const MapStyle& style) {
  SessionContextLayers out;
  for (const StyleLayer& l : style.layers) {
    if (l.kind != LayerKind::context || l.source.empty()) continue;
    const auto it = ws.context_layers.find(l.source);
    if (it == ws.context_layers.end() || !it->second) continue;
    for (const ContextPolyline& line : it->second->lines)
      out.lines[l.id].push_back({line.points, line.closed});
    if (it->second->areas) out.areas[l.id] = it->second->areas;
  }
  return out;
}

IncidentStore rows_store(const Workspace& ws, const std::vector<uint32_t>& rows) {
  return ws.incidents.gather(rows);
}

render::MapSceneOptions session_scene_options(const Workspace& ws, const Session& session,
                                              const SessionMapRequest& request) {
  render::MapSceneOptions o;
  o.width = request.width;
  o.height = request.height;
  o.view = request.view;
  o.ui_scale = request.ui_scale;
  o.samples = request.samples;
  o.overlay = request.overlay;
  o.language = session.language;
  const Language lang = session.language;
  o.title = !session.title.empty()
                ? session.title
                : std::string(tr(Msg::map_incidents, lang)) + " — " +
                      (ws.synthetic ? tr(Msg::map_demo_city, lang) : ws.title);
  const CivilSeconds from = session.filter.from.value_or(ws.data_from);
  const CivilSeconds to = session.filter.to_exclusive.value_or(ws.data_to_exclusive);
  if (to > from) o.subtitle = format_date(from) + " – " + format_date(to - kSecondsPerDay);
  o.synthetic = ws.synthetic;
  o.source_line = ws.synthetic ? std::string(tr(Msg::map_source_synthetic, lang))
                               : tr(Msg::map_source_prefix, lang) + ws.title;
  return o;
}

MapStyle session_export_style(const Session& session, bool internal) {
  DisclosurePolicy policy = dashboard_policy();
  policy.partner_safe = !internal;
  return protect_style(session.style, policy).style;
}

render::MapSceneResult render_session_map(const Workspace& ws, const std::vector<uint32_t>& rows,
                                          const Session& session,
                                          const SessionMapRequest& request) {
  const IncidentStore incidents = rows_store(ws, rows);
  // Protected with the data (core/adaptive_protection.hpp), as the live map in presentation.
  DisclosurePolicy policy = dashboard_policy();
  policy.partner_safe = !request.internal;
  const ProtectionData pdata = render::protection_data(incidents, ws.sectors, ws.extent,
                                                       period_years_of(ws, session.filter));
  const MapStyle style = protect_style(session.style, policy, &pdata).style;
  render::MapSceneData data;
  data.sectors = &ws.sectors;
  data.incidents = &incidents;
  data.programs = &ws.programs;
  data.data_extent = ws.extent;  // the live map's grid clip, so the colours match the screen
  data.basemap = basemap_provider(ws.sectors.work_srs);  // as the live map draws them
  std::vector<render::LineStrip> lines;
  for (const ContextPolyline& line : ws.context) lines.push_back({line.points, line.closed});
  data.context_lines = &lines;
  data.context_areas = &ws.context_areas;  // area names, as on the live map
  // Context layers with a source of their own were loaded with the workspace (by source).
  const SessionContextLayers layers = session_context_layers(ws, style);
  data.context_by_layer = &layers.lines;
  data.context_areas_by_layer = &layers.areas;
  data.from = session.filter.from.value_or(ws.data_from);
  data.to_exclusive = session.filter.to_exclusive.value_or(ws.data_to_exclusive);
  if (!(*data.to_exclusive > *data.from)) data.from.reset(), data.to_exclusive.reset();
  IncidentStore previous;
  std::optional<Period> before;
  const StyleLayer* choropleth = style.find(LayerKind::choropleth);
  if (choropleth && choropleth->visible && is_change_measure(choropleth->choropleth.measure)) {
    previous = previous_store(ws, session.filter, before);
    data.previous_incidents = &previous;
    if (before) {
      data.previous_from = before->from;
      data.previous_to_exclusive = before->to_exclusive;
    }
  }
  return render::render_map_scene(data, style, session_scene_options(ws, session, request));
}

}  // namespace faro::app
