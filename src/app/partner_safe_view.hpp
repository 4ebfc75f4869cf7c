#pragma once
// Partner-safe presenting: what the dashboard shows an audience (presentation mode) and what
// leaves it (PNG export) follows the one protection function, protect_style()
// (core/style_protection.hpp), drawn by the one renderer, exactly as `faro render` does: no
// points, bandwidth floor, greyed hidden choropleth classes, density floor of k incidents' peak,
// rounded colour maximum. This file holds the ImGui piece only the live map needs: the protected
// hover tooltip. It says what the map draws and nothing finer: the unit of the drawn
// representation (core/representation.hpp: a sector, a group of sectors such as an alcaldía, or
// a hexagon) and that unit's count as the map protects it ("<5" for a count the map hides, 1..k-1
// and the complements that would give one back). A sector's count beside a published alcaldía
// total would let a partner subtract their way to a hidden one, so over groups or hexagons the
// tooltip never shows a sector's count. The footer stating the protection
// (core/disclosure.hpp protection_footer) is shown by the ui's caption column.
// The pure parts are tested without GL or ImGui (tests/app/partner_safe_view_test.cpp).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/disclosure.hpp"
#include "core/geometry.hpp"
#include "core/map_style.hpp"
#include "core/representation.hpp"
#include "core/session.hpp"
#include "core/workspace.hpp"
#include "render/grid_fills.hpp"
#include "render/style_fills.hpp"
#include "ui/dashboard_ui.hpp"

namespace faro::app {

// The policy of presentation mode and dashboard exports (defaults: k = 5, 500 m, 2 digits).
DisclosurePolicy dashboard_policy();

// A sector count as the audience may see it: "<k" for 1..k-1 when `protect`, else the number
// with thousands separators as the ui writes it.
std::string shown_count(int64_t count, bool protect, const DisclosurePolicy& policy);

// The units a partner-safe map draws, each with its count as published.
struct ProtectedUnits {
  Representation kind = Representation::sectors;  // sectors (also under a heatmap), groups, hexagons
  std::vector<std::string> names;                 // per unit
  std::vector<std::string> shown;                 // per unit: the published count, or the marker
  std::vector<int32_t> unit_of_sector;            // sectors, groups: each sector's unit (-1: none)
  std::vector<MultiPolygon> cells;                // hexagons: unit k is cells[k] (working CRS)
};

// The representation `drawn` shows (a visible hexagon layer: hexagons; a visible choropleth of
// groups of sectors: groups; else sectors), its units and their counts protected as the map
// protects them: one table of the units and "in no unit" with the total (core/disclosure.hpp
// protect_table under drawn.protection). `counts`: the selection's counts per sector (and
// outside); `hexagons`: the hexagon layer's fills as drawn (required for hexagons).
ProtectedUnits protected_units(const Workspace& ws, const render::SceneCounts& counts,
                               const MapStyle& drawn, const render::GridFills* hexagons,
                               Language language);

// The unit under the pointer: the hexagon holding `world` (working CRS), else `sector`'s unit.
std::optional<size_t> unit_under(const ProtectedUnits& units, std::optional<int> sector,
                                 Vec2 world);

// The tooltip's two lines: the unit's name and its count sentence ("<5 incidentes con el filtro
// actual").
std::pair<std::string, std::string> tooltip_lines(const ProtectedUnits& units, size_t unit,
                                                  Language language);

// ImGui (UI thread, inside a frame): the hover tooltip of presentation mode; the app hides the
// ui's own tooltip (which shows raw counts) while presenting.
void draw_protected_tooltip(const ProtectedUnits& units, size_t unit, Language language);

}  // namespace faro::app
