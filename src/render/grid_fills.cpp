#include "render/grid_fills.hpp"

#include <algorithm>
#include <cmath>

#include "core/choropleth.hpp"
#include "core/hex_grid.hpp"
#include "core/locked_classes.hpp"
#include "core/messages.hpp"
#include "render/choropleth_legend.hpp"
#include "render/scene_protection.hpp"

namespace faro::render {

GridFills grid_fills(std::span<const double> x, std::span<const double> y, const Box& extent,
                     const GridStyle& style, const std::optional<DisclosurePolicy>& protection,
                     Language language) {
  GridFills out;
  if (extent.empty() || x.empty()) return out;
  const CellGrid grid(CellShape::hexagon, style.cell_m, extent.grown(style.cell_m));
  const std::vector<int32_t> cell = grid.assign(x, y);
  std::vector<int64_t> counts(grid.size() + 1, 0);  // the last: outside the grid
  for (int32_t c : cell) ++counts[c >= 0 ? static_cast<size_t>(c) : grid.size()];
  std::vector<uint8_t> hidden(counts.size(), 0);
  std::string marker;
  if (protection && protection->partner_safe) {
    const ProtectedTable t = protect_table(counts, counts.size(), 1, *protection);
    for (size_t i = 0; i < counts.size(); ++i) hidden[i] = t.is_hidden(i, 0);
    marker = t.marker;
  }
  // Classes over the published non-empty cells only (a break at a hidden value would bound it).
  std::vector<size_t> drawn;
  std::vector<std::optional<double>> values;
  for (size_t i = 0; i < grid.size(); ++i) {
    if (counts[i] == 0) continue;
    drawn.push_back(i);
    values.push_back(hidden[i] ? std::nullopt : std::optional<double>(double(counts[i])));
  }
  const int classes = std::clamp(style.classes, 2, 9);
  Choropleth c;
  const bool any_value =
      std::any_of(values.begin(), values.end(), [](const auto& v) { return v.has_value(); });
  for (const auto& v : values)
    if (v) out.published.push_back(*v);
  if (!style.locked_classes.empty())
    c = classify_locked(values, style.locked_classes, ChoroplethScale::quantile, style.colormap);
  else if (any_value)
    c = classify(values, ChoroplethScale::quantile, style.colormap, classes);
  for (size_t k = 0; k < drawn.size(); ++k) {
    const size_t i = drawn[k];
    out.cells.push_back({grid.polygon(static_cast<uint32_t>(i))});
    out.counts.push_back(counts[i]);
    out.cell_hidden.push_back(hidden[i]);
    if (hidden[i]) {
      out.colors.push_back(kSuppressedFill);
      ++out.hidden;
    } else {
      const Rgb rgb = k < c.colors.size() ? c.colors[k] : kNoDataColor;
      out.colors.push_back({rgb.r, rgb.g, rgb.b, 255});
    }
  }
  out.marker = marker;
  const std::string lang = language_code(language);
  const std::string km = style.cell_m >= 1000 && std::fmod(style.cell_m, 1000) == 0
                             ? std::to_string(static_cast<int>(style.cell_m / 1000)) + " km"
                             : std::to_string(static_cast<int>(std::lround(style.cell_m))) + " m";
  out.legend.title = tr_format(language, Msg::grid_legend_title, km.c_str());
  for (const ChoroplethClass& k : c.classes)
    out.legend.entries.push_back({choropleth_class_label(k, ChoroplethMeasure::count, lang),
                                  Rgba8{k.color.r, k.color.g, k.color.b, 255},
                                  Rgba8{90, 90, 90, 255}});
  if (out.hidden > 0)
    out.legend.entries.push_back(
        {suppressed_label(marker, lang), kSuppressedFill, Rgba8{90, 90, 90, 255}});
  return out;
}

}  // namespace faro::render
