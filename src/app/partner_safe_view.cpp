#include "app/partner_safe_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/brief_level.hpp"
#include "core/messages.hpp"
#include "ui/format.hpp"
#include "ui/i18n.hpp"

namespace faro::app {
namespace {

// Even-odd ray casting over every ring of `shape` (hexagons: one convex ring).
bool shape_contains(const MultiPolygon& shape, Vec2 p) {
  bool inside = false;
  const auto ring = [&](const Ring& r) {
    for (size_t i = 0, j = r.size() - 1; i < r.size(); j = i++)
      if ((r[i].y > p.y) != (r[j].y > p.y) &&
          p.x < (r[j].x - r[i].x) * (p.y - r[i].y) / (r[j].y - r[i].y) + r[i].x)
        inside = !inside;
  };
  for (const Polygon& poly : shape) {
    if (poly.outer.empty()) continue;
    ring(poly.outer);
    for (const Ring& h : poly.holes)
      if (!h.empty()) ring(h);
  }
  return inside;
}

// Counts of `units` units plus one row "in no unit", protected as one column with its total: per
// unit the published count or the marker.
std::vector<std::string> published(const std::vector<double>& per_unit, double elsewhere,
                                   const DisclosurePolicy& policy) {
  std::vector<int64_t> cells;
  cells.reserve(per_unit.size() + 1);
  for (double v : per_unit) cells.push_back(std::llround(v));
  cells.push_back(std::llround(elsewhere));
  std::vector<std::string> out;
  if (!policy.partner_safe) {
    for (size_t u = 0; u < per_unit.size(); ++u) out.push_back(ui::format_count(cells[u]));
    return out;
  }
  const ProtectedTable table = protect_table(cells, cells.size(), 1, policy);
  for (size_t u = 0; u < per_unit.size(); ++u)
    out.push_back(table.is_hidden(u, 0) ? table.marker : ui::format_count(cells[u]));
  return out;
}

}  // namespace

DisclosurePolicy dashboard_policy() {
  return DisclosurePolicy{};
}

std::string shown_count(int64_t count, bool protect, const DisclosurePolicy& policy) {
  if (protect && count >= 1 && count < policy.k) return "<" + std::to_string(policy.k);
  return ui::format_count(count);
}

ProtectedUnits protected_units(const Workspace& ws, const render::SceneCounts& counts,
                               const MapStyle& drawn, const render::GridFills* hexagons,
                               Language language) {
  ProtectedUnits out;
  const DisclosurePolicy policy = drawn.protection.value_or(dashboard_policy());
  const size_t n = ws.sectors.size();
  const auto count_of = [&](size_t s) { return s < counts.current.size() ? counts.current[s] : 0; };
  // Hexagons: the cells the map draws, with the grid fills' own protection (one table of the
  // cells and "outside the grid").
  if (drawn.shows(LayerKind::grid) && hexagons) {
    out.kind = Representation::hexagons;
    const StyleLayer* grid = nullptr;
    for (const StyleLayer& l : drawn.layers)
      if (l.kind == LayerKind::grid && l.visible) grid = &l;
    const double cell = grid ? grid->grid.cell_m : 0;
    char size[32];
    if (cell >= 1000 && std::fmod(cell, 1000) == 0)
      std::snprintf(size, sizeof size, "%g km", cell / 1000);
    else
      std::snprintf(size, sizeof size, "%.0f m", cell);
    out.cells = hexagons->cells;
    for (size_t k = 0; k < hexagons->cells.size(); ++k) {
      out.names.push_back(tr_format(language, Msg::tooltip_hexagon, size));
      const bool hidden = k < hexagons->cell_hidden.size() && hexagons->cell_hidden[k];
      const int64_t c = k < hexagons->counts.size() ? hexagons->counts[k] : 0;
      out.shown.push_back(hidden ? hexagons->marker : ui::format_count(c));
    }
    return out;
  }
  // Groups of sectors: the grouped choropleth's groups; incidents in no sector or in a sector of
  // no group are the table's "in no group" row (render/style_fills.cpp group_values).
  const StyleLayer* grouped = nullptr;
  for (const StyleLayer& l : drawn.layers)
    if (l.kind == LayerKind::choropleth && l.visible && !l.choropleth.group_field.empty()) {
      grouped = &l;
      break;
    }
  if (grouped) {
    const render::SectorGroups groups = render::sector_groups(ws.sectors, grouped->choropleth.group_field);
    if (!groups.names.empty()) {
      out.kind = Representation::groups;
      std::vector<double> per_group(groups.names.size(), 0);
      double elsewhere = counts.outside;
      out.unit_of_sector.assign(n, -1);
      for (size_t s = 0; s < n; ++s) {
        const int32_t g = s < groups.of_sector.size() ? groups.of_sector[s] : -1;
        if (g < 0 || static_cast<size_t>(g) >= per_group.size()) {
          elsewhere += count_of(s);
          continue;
        }
        per_group[g] += count_of(s);
        out.unit_of_sector[s] = g;
      }
      const std::string word = group_unit_word(groups.field, language);
      for (const std::string& name : groups.names) out.names.push_back(name + " (" + word + ")");
      out.shown = published(per_group, elsewhere, policy);
      return out;
    }
  }
  // Sectors (a choropleth of sectors, or sectors under a heatmap): the sectors' table.
  out.kind = Representation::sectors;
  std::vector<double> per_sector(n, 0);
  for (size_t s = 0; s < n; ++s) per_sector[s] = count_of(s);
  out.unit_of_sector.resize(n);
  for (size_t s = 0; s < n; ++s) {
    out.unit_of_sector[s] = static_cast<int32_t>(s);
    out.names.push_back(ws.sectors.sectors[s].name);
  }
  out.shown = published(per_sector, counts.outside, policy);
  return out;
}

std::optional<size_t> unit_under(const ProtectedUnits& units, std::optional<int> sector,
                                 Vec2 world) {
  if (units.kind == Representation::hexagons) {
    for (size_t k = 0; k < units.cells.size(); ++k)
      if (shape_contains(units.cells[k], world)) return k;
    return std::nullopt;
  }
  if (!sector || *sector < 0 || static_cast<size_t>(*sector) >= units.unit_of_sector.size())
    return std::nullopt;
  const int32_t u = units.unit_of_sector[static_cast<size_t>(*sector)];
  if (u < 0 || static_cast<size_t>(u) >= units.names.size()) return std::nullopt;
  return static_cast<size_t>(u);
}

std::pair<std::string, std::string> tooltip_lines(const ProtectedUnits& units, size_t unit,
                                                  Language language) {
  if (unit >= units.names.size()) return {};
  char buf[200];
  std::snprintf(buf, sizeof buf, ui::tr(ui::Msg::tooltip_incidents, language),
                units.shown[unit].c_str());
  return {units.names[unit], buf};
}

void draw_protected_tooltip(const ProtectedUnits& units, size_t unit, Language language) {
  if (unit >= units.names.size()) return;
  if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AnyWindow)) return;  // over a panel, not the map
  const auto [name, count] = tooltip_lines(units, unit, language);
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(name.c_str());
  ImGui::TextUnformatted(count.c_str());
  ImGui::EndTooltip();
}

}  // namespace faro::app
