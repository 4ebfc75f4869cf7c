// The live map's pure decisions on the demo workspace: which layers a frame draws, the choropleth
// colours (checked against core's own per-sector classification of the same incidents), and the
// grid the background heatmap is computed on.
#include <gtest/gtest.h>

#include "app/map_interaction.hpp"
#include "app/map_styling.hpp"
#include "app_test_util.hpp"
#include "core/choropleth.hpp"

namespace faro::app {
namespace {

using Kind = render::MapDrawLayer::Kind;

TEST(MapStyling, DefaultStackDrawsSectorsHeatmapProgramsContextAndLabels) {
  Session s;
  const MapLayerPlan plan = plan_layers(s, false);
  ASSERT_EQ(plan.layers.size(), 4u);
  EXPECT_EQ(plan.layers[0].kind, Kind::sectors);
  EXPECT_EQ(plan.layers[1].kind, Kind::heatmap);
  EXPECT_FLOAT_EQ(plan.layers[1].opacity, 0.8f);  // default_layers()
  EXPECT_EQ(plan.layers[2].kind, Kind::programs);
  EXPECT_EQ(plan.layers[3].kind, Kind::context);
  EXPECT_TRUE(plan.heatmap);
  EXPECT_TRUE(plan.labels);
  EXPECT_FALSE(plan.choropleth);
  EXPECT_FALSE(plan.points);
}

TEST(MapStyling, ChoroplethReplacesThePaleFillAndPresentationHidesPoints) {
  Session s;
  layer_style(s, LayerId::choropleth).visible = true;
  layer_style(s, LayerId::choropleth).opacity = 0.6f;
  layer_style(s, LayerId::points).visible = true;
  MapLayerPlan plan = plan_layers(s, false);
  EXPECT_TRUE(plan.choropleth);
  EXPECT_TRUE(plan.points);
  int fills = 0;
  for (const auto& l : plan.layers) {
    if (l.kind != Kind::sectors) continue;
    ++fills;
    EXPECT_FLOAT_EQ(l.opacity, 0.6f);
  }
  EXPECT_EQ(fills, 1);  // one fill layer, with the choropleth's opacity
  plan = plan_layers(s, true);
  EXPECT_FALSE(plan.points);
  for (const auto& l : plan.layers) EXPECT_NE(l.kind, Kind::points);
}

TEST(MapStyling, ChoroplethColoursMatchCoreClassificationOfTheSameCounts) {
  const auto ws = faro_test::demo_workspace();
  Session s;  // no filter: every incident, so core's per-sector count is the same input
  s.choropleth.classes = 5;
  const SectorFills fills =
      sector_fills(*ws, compute_filter_result(*ws, s.filter), s, true, 0);
  const auto& colors = fills.colors;
  const Choropleth expected =
      classify(sector_values(ws->sectors, ws->incidents, ChoroplethMeasure::count),
               ChoroplethScale::quantile, s.choropleth.colormap, 5);
  ASSERT_EQ(colors.size(), ws->sectors.size());
  for (size_t i = 0; i < colors.size(); ++i) {
    EXPECT_EQ(colors[i].r, expected.colors[i].r) << ws->sectors.sectors[i].name;
    EXPECT_EQ(colors[i].g, expected.colors[i].g);
    EXPECT_EQ(colors[i].b, expected.colors[i].b);
  }
  ASSERT_TRUE(fills.choropleth.has_value());
  EXPECT_EQ(fills.choropleth->classes.size(), expected.classes.size());
  EXPECT_EQ(fills.units, "incidentes");
  // Without the choropleth every sector is the pale fill.
  for (const auto& c : sector_fills(*ws, compute_filter_result(*ws, s.filter), s, false, 0).colors)
    EXPECT_EQ(c, (render::Rgba8{238, 238, 236, 255}));
}

TEST(MapStyling, PeriodYearsFollowTheFilterElseTheData) {
  const auto ws = faro_test::demo_workspace();
  FilterState f;
  EXPECT_NEAR(period_years_of(*ws, f), period_years_between(ws->data_from, ws->data_to_exclusive),
              1e-12);
  f.from = days_from_civil(2020, 1, 1) * kSecondsPerDay;
  f.to_exclusive = days_from_civil(2022, 1, 1) * kSecondsPerDay;
  EXPECT_NEAR(period_years_of(*ws, f), 731 / 365.2425, 1e-9);  // 2020 is a leap year
}

TEST(MapStyling, HeatmapGridCoversTheViewWithinTheCellBudget) {
  const Box extent{480000, 2130000, 500000, 2140000};
  KdeParams p;
  p.kernel = KdeKernel::quartic;
  p.bandwidth_m = 400;
  // Whole city in 1000 x 600 px: ~21 m/px, so cells of 2 px = 42 m (bandwidth / 7 = 57 m wins).
  render::Camera c = fit_camera(extent, 1000, 600);
  GridSpec g = heatmap_grid_for(c, extent, p);
  EXPECT_NEAR(g.cell, 400.0 / 7, 1e-9);
  EXPECT_LE(g.cells(), kMaxInteractiveCells);
  // The grid reaches the kernel's support around the data, and no further.
  EXPECT_NEAR(g.xmin, extent.xmin - 400, 1e-6);
  EXPECT_GE(g.xmax(), extent.xmax + 400 - 1e-6);
  EXPECT_LT(g.xmax(), extent.xmax + 400 + g.cell);
  EXPECT_TRUE(grid_serves(g, c, extent, p));
  // A small pan stays within the grid.
  render::Camera panned = c;
  panned.pan_pixels(40, 0);
  EXPECT_TRUE(grid_serves(g, panned, extent, p));
  // With a 100 m bandwidth the cells follow the zoom (2 px = 42 m here) until bandwidth / 7.
  p.bandwidth_m = 100;
  g = heatmap_grid_for(c, extent, p);
  EXPECT_NEAR(g.cell, 2 * c.metres_per_pixel(), 1e-9);
  render::Camera zoomed = c;
  zoomed.zoom_at({500, 300}, 8);
  GridSpec fine = heatmap_grid_for(zoomed, extent, p);
  EXPECT_NEAR(fine.cell, 100.0 / 7, 1e-9);
  EXPECT_FALSE(grid_serves(g, zoomed, extent, p));
  EXPECT_TRUE(grid_serves(fine, zoomed, extent, p));
  // Panning a zoomed view by more than half a view leaves the precomputed margin.
  render::Camera far = zoomed;
  far.pan_pixels(-1200, 0);
  EXPECT_FALSE(grid_serves(fine, far, extent, p));
  // Very far in, the budget coarsens the cells instead of growing past it.
  p.kernel = KdeKernel::gaussian;
  p.bandwidth_m = 5;
  render::Camera street = fit_camera(extent, 4000, 3000);
  GridSpec capped = heatmap_grid_for(street, extent, p);
  EXPECT_LE(capped.cells(), kMaxInteractiveCells);
  EXPECT_TRUE(grid_serves(capped, street, extent, p));
}

}  // namespace
}  // namespace faro::app
