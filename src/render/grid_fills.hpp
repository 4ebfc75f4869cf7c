#pragma once
// The hexagon layer of a style (LayerKind::grid): the selected incidents counted on hexagons over
// the data extent, classed like a choropleth; with a partner-safe style the cells whose count is
// hidden (1..k-1 and their complements, core/disclosure.hpp) are drawn in the suppressed grey and
// the class breaks come from published counts only. Empty cells are not drawn. One function for
// the live map and every export. style.locked_classes (an animation's): those classes, not the
// data's.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/disclosure.hpp"
#include "core/geometry.hpp"
#include "core/language.hpp"
#include "core/map_style.hpp"
#include "render/image.hpp"
#include "render/map_overlay.hpp"

namespace faro::render {

struct GridFills {
  std::vector<MultiPolygon> cells;  // the drawn (non-empty) hexagons, working CRS
  std::vector<Rgba8> colors;        // one per drawn cell
  LegendClasses legend;
  size_t hidden = 0;                // cells greyed by protection
  std::vector<double> published;    // the published non-empty cells' counts (classes made of)
  // Per drawn cell: its count and whether protection hides it (the presentation tooltip says
  // what the map shows: app/partner_safe_view.hpp), and the marker of hidden counts ("<5").
  std::vector<int64_t> counts;
  std::vector<uint8_t> cell_hidden;
  std::string marker;
};

GridFills grid_fills(std::span<const double> x, std::span<const double> y, const Box& extent,
                     const GridStyle& style, const std::optional<DisclosurePolicy>& protection,
                     Language language);

}  // namespace faro::render
