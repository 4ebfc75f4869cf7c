#pragma once
// The heatmap layer of a style, shared by every path that draws one: its kernel parameters (the
// partner-safe bandwidth floor is already in a protected style), the grid a view computes the
// density on, the colours it is drawn with (domain, transparency, the partner-safe density floor
// and rounded maximum) and its legend ramp. The live map computes the density on a background
// thread, an export synchronously; both on heatmap_grid_for() and with heatmap_draw_style(), so an
// export of the current view equals the screen.
#include <optional>
#include <span>
#include <string>

#include "core/color_domain.hpp"
#include "core/disclosure.hpp"
#include "core/kde.hpp"
#include "core/map_style.hpp"
#include "core/session.hpp"
#include "render/camera.hpp"
#include "render/heatmap_layer.hpp"
#include "render/map_overlay.hpp"

namespace faro::render {

// Densities below this fraction of the colour maximum are not drawn (streets show through).
constexpr float kTransparentFraction = 0.03f;

// Kernel parameters of a heatmap style over a period of `period_years` (0 = densities count the
// whole selection, not per year).
KdeParams heatmap_params(const faro::HeatmapStyle& style, double period_years);

// Cells per bandwidth the binned density needs to stay within 2 % of the exact sum (kde.hpp).
double cells_per_bandwidth(KdeKernel kernel);
// Most cells an interactive grid may have (~12 MB of floats).
constexpr size_t kMaxInteractiveCells = 3'000'000;

// The grid to compute for `camera`: the visible box grown by `grow` views on every side (the live
// map uses 0.5 so pans within it need no recompute; an export 0), clipped to the data extent grown
// by the kernel's support, with cells of max(2 pixels, bandwidth / cells_per_bandwidth) coarsened
// to `max_cells`. Cells are aligned to multiples of the cell size in the working CRS, so two grids
// of one cell size sample the same points. Empty (nx = 0) when the view and the data do not meet.
GridSpec heatmap_grid_for(const Camera& camera, const Box& data_extent, const KdeParams& params,
                          double grow = 0.5, size_t max_cells = kMaxInteractiveCells);
// Whether `have` still serves `camera`: it covers the visible part of the data and its cells are
// within a factor 1.6 of those of a fresh heatmap_grid_for().
bool grid_serves(const GridSpec& have, const Camera& camera, const Box& data_extent,
                 const KdeParams& params);

// The automatic colour domain of a density: [0, `percentile` of the non-zero cells whose centres
// lie in `view`] (the whole grid when `view` is empty). One rule for the live map (the view it
// requested the grid for) and an export (its own view), so the same view gets the same colours.
// `floor` > 0 (a partner-safe map's k-incident floor): only cells at or above it count, so the
// colours span what is drawn instead of a maximum below the floor (a blank map).
ColorDomain auto_domain_within(const GridSpec& grid, std::span<const float> density,
                               const Box& view, double percentile = kDefaultAutoPercentile,
                               float floor = 0);

// How a computed density is drawn: the locked maximum or `auto_domain`, densities under 3 % of the
// maximum transparent, and with a partner-safe `protection` the floor of k incidents' peak
// (min_supported_density) and the maximum rounded to the policy's digits. `opacity` 0..1.
HeatmapStyle heatmap_draw_style(const faro::HeatmapStyle& style, const ColorDomain& auto_domain,
                                const KdeParams& params,
                                const std::optional<DisclosurePolicy>& protection, float opacity);

// Units of the density: "incidentes/km² por año" with a period, else "incidentes/km²".
std::string density_units(bool per_year, Language language);

// The legend ramp of a drawn heatmap.
LegendRamp heatmap_legend(const HeatmapStyle& drawn, const KdeParams& params, Language language);

}  // namespace faro::render
