#pragma once
// Pure decisions behind the live map, kept out of the frame loop so they are tested without GL:
// which layers a frame draws (from the session's layer stack), the sector fill colours (pale or a
// choropleth of the filtered counts), the period that makes densities "per year", and the grid the
// background heatmap is computed on for a view.
#include <optional>
#include <string>
#include <vector>

#include "core/kde.hpp"
#include "core/session.hpp"
#include "core/workspace.hpp"
#include "render/camera.hpp"
#include "render/image.hpp"
#include "render/interactive_map.hpp"

namespace faro::app {

// The frame's layer list, bottom to top, following session.layers. Sectors and choropleth share
// one fill layer: drawn once, at the choropleth's place with its colours when the choropleth is
// visible, else at the sectors' place in pale grey. Presentation mode forces the points off.
struct MapLayerPlan {
  std::vector<render::MapDrawLayer> layers;
  bool choropleth = false;  // fills use choropleth colours
  bool heatmap = false;
  bool points = false;
  bool labels = false;
};
MapLayerPlan plan_layers(const Session& session, bool presentation);

// Period (years) the filtered incidents span: the filter's dates where set, else the data's range.
// 0 when unknown or empty (densities then count the whole selection).
double period_years_of(const Workspace& ws, const FilterState& filter);

// Sector fills: a choropleth of filtered.per_sector (the session's measure, scale, classes and
// colormap; rates per year over `period_years` when > 0) or the pale default. Change measures need
// a second period and are drawn as counts here.
struct SectorFills {
  std::vector<render::Rgba8> colors;     // one per sector
  std::optional<Choropleth> choropleth;  // classes and range for the legend (choropleth only)
  std::string units;                     // legend units in the session's language
};
SectorFills sector_fills(const Workspace& ws, const FilterResult& filtered, const Session& session,
                         bool choropleth, double period_years);

// Cells per bandwidth the interactive density needs for the CPU binned path within 2 % (kde.hpp).
double cells_per_bandwidth(KdeKernel kernel);
// Most cells an interactive grid may have (~12 MB of floats).
constexpr size_t kMaxInteractiveCells = 3'000'000;

// The grid to compute for `camera`: the visible box grown by half a view on every side (pans
// within it need no recompute), clipped to the data extent grown by the kernel's support, with
// cells of max(2 pixels, bandwidth / cells_per_bandwidth), coarsened to kMaxInteractiveCells.
// An empty grid (nx = 0) when the view and the data do not meet.
GridSpec heatmap_grid_for(const render::Camera& camera, const Box& data_extent,
                          const KdeParams& params);
// Whether `have` still serves the view `want` was computed for: it covers want's visible part
// and its cells are within a factor 1.6 of those of a fresh heatmap_grid_for().
bool grid_serves(const GridSpec& have, const render::Camera& camera, const Box& data_extent,
                 const KdeParams& params);

}  // namespace faro::app
