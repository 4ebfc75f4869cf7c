// The assembled map (render/map_scene.hpp): choropleth fills land on their sectors, points land
// on their projected pixel (longitude/latitude axis order through PROJ into UTM), and the legend
// states the colour domain of the very density grid that was drawn.
#include <gtest/gtest.h>

#include <cmath>

#include "core/choropleth.hpp"
#include "core/color_domain.hpp"
#include "core/errors.hpp"
#include "gl_test_support.hpp"
#include "io/reproject.hpp"
#include "render/map_renderer.hpp"
#include "render/map_scene.hpp"
#include "render/style_heatmap.hpp"
#include "render/points_layer.hpp"
#include "render_test_scenes.hpp"

namespace faro::render {
namespace {

// Two 2 km x 2 km sectors side by side (west "Oeste", east "Este") in UTM 14N metres.
SectorSet two_sectors() {
  SectorSet s;
  s.work_srs = "EPSG:32614";
  for (int i = 0; i < 2; ++i) {
    Sector sec;
    sec.name = i == 0 ? "Oeste" : "Este";
    sec.shape = faro_test::rectangle(480000 + 2000 * i, 2140000, 482000 + 2000 * i, 2142000);
    sec.bbox = bounds(sec.shape);
    sec.area_m2 = area(sec.shape);
    s.sectors.push_back(sec);
  }
  return s;
}

// `n_west` incidents in the west sector's centre, `n_east` in the east's, assigned.
IncidentStore incidents(int n_west, int n_east) {
  IncidentStore st;
  st.work_srs = "EPSG:32614";
  for (int i = 0; i < n_west + n_east; ++i) {
    const bool west = i < n_west;
    st.push_back(west ? 481000 + i : 483000 + i, 2141000, days_from_civil(2020, 6, 1) * 86400, 0,
                 0);
    st.sector.push_back(west ? 0 : 1);
  }
  return st;
}

TEST(RenderMap, ChoroplethFillAtTheSectorsPixel) {
  FARO_REQUIRE_GL(gl);
  const SectorSet sectors = two_sectors();
  const IncidentStore inc = incidents(1, 9);
  MapSceneData data;
  data.sectors = &sectors;
  data.incidents = &inc;
  MapSceneOptions opt;
  opt.width = 800;
  opt.height = 400;
  const MapSceneResult r = render_map_scene(data, faro_test::style_of({LayerKind::choropleth}), opt);
  const Choropleth want = classify(sector_values(sectors, inc, ChoroplethMeasure::count),
                                   ChoroplethScale::quantile, ColormapName::ylorrd, 5);
  ASSERT_NE(want.colors[0], want.colors[1]);
  for (size_t s = 0; s < 2; ++s) {
    // A point a quarter of the way into the sector (clear of labels, legend and outlines).
    const Box b = sectors.sectors[s].bbox;
    const Vec2 px = r.camera.world_to_pixel({b.xmin + 0.5 * b.width(), b.ymin + 0.7 * b.height()});
    const Rgba8 got = r.image.at(static_cast<int>(px.x), static_cast<int>(px.y));
    EXPECT_EQ(got, (Rgba8{want.colors[s].r, want.colors[s].g, want.colors[s].b, 255})) << s;
  }
  ASSERT_EQ(r.overlay.classes.size(), 1u);
  EXPECT_EQ(r.overlay.classes[0].entries.size(), want.classes.size());
}

TEST(RenderMap, ContinuousChoroplethLegendRunsToTheLargestSectorValue) {
  FARO_REQUIRE_GL(gl);
  const SectorSet sectors = two_sectors();
  const IncidentStore inc = incidents(2, 6);
  MapSceneData data;
  data.sectors = &sectors;
  data.incidents = &inc;
  MapSceneOptions opt;
  MapStyle style = faro_test::style_of({LayerKind::choropleth});
  style.choropleth().measure = ChoroplethMeasure::per_km2;
  style.choropleth().scale = ChoroplethScale::continuous;
  opt.width = 400;
  opt.height = 200;
  const MapSceneResult r = render_map_scene(data, style, opt);
  ASSERT_TRUE(r.overlay.ramp.has_value());
  EXPECT_DOUBLE_EQ(r.overlay.ramp->vmax, 6 / 4.0);  // 6 incidents in 4 km²
  EXPECT_EQ(r.overlay.ramp->units, "incidentes/km²");
  const Box b = sectors.sectors[1].bbox;
  const Vec2 px = r.camera.world_to_pixel({b.xmin + 0.5 * b.width(), b.ymin + 0.7 * b.height()});
  const Rgb top = colormap_sample(ColormapName::ylorrd, 1.0);
  EXPECT_EQ(r.image.at(static_cast<int>(px.x), static_cast<int>(px.y)),
            (Rgba8{top.r, top.g, top.b, 255}));
  style.add(make_layer(LayerKind::heatmap));
  EXPECT_THROW(render_map_scene(data, style, opt), UsageError);
}

TEST(RenderMap, PointProjectsToItsPixelWithLonLatAxisOrder) {
  FARO_REQUIRE_GL(gl);
  // The Zócalo, longitude first: pyproj (always_xy) gives 486017.331, 2148700.220 in UTM 14N.
  double x = -99.1332, y = 19.4326;
  int ok = 0;
  io::Reprojector("EPSG:4326", "EPSG:32614").transform(1, &x, &y, &ok);
  ASSERT_EQ(ok, 1);
  EXPECT_NEAR(x, 486017.331, 0.5);
  EXPECT_NEAR(y, 2148700.220, 0.5);
  IncidentStore st;
  st.push_back(x, y, 0, 0, 0);
  // Camera over a 4 km square whose north-east quadrant holds the point.
  const Camera camera = Camera::fit({483500, 2146000, 487500, 2150000}, 400, 400);
  PointsLayer layer(st, 9.0f);
  MapRenderOptions ro;
  ro.samples = 0;
  const RgbaImage img = render_map({&layer}, camera, ro);
  double sx = 0, sy = 0, n = 0;
  for (int j = 0; j < img.height; ++j)
    for (int i = 0; i < img.width; ++i) {
      const Rgba8 p = img.at(i, j);
      if (p.r > 150 && p.g < 120 && p.b < 120) sx += i + 0.5, sy += j + 0.5, n += 1;
    }
  ASSERT_GT(n, 20) << "the dot (palette colour 0, red) was not drawn";
  const Vec2 want = camera.world_to_pixel({x, y});
  EXPECT_NEAR(sx / n, want.x, 0.75);
  EXPECT_NEAR(sy / n, want.y, 0.75);
  // East of centre is right, north of centre is up (smaller row).
  EXPECT_GT(sx / n, 200);
  EXPECT_LT(sy / n, 200);
}

TEST(RenderMap, LegendStatesTheDomainOfTheDrawnGrid) {
  FARO_REQUIRE_GL(gl);
  const SectorSet sectors = two_sectors();
  const IncidentStore inc = incidents(40, 5);
  MapSceneData data;
  data.sectors = &sectors;
  data.incidents = &inc;
  data.from = days_from_civil(2020, 1, 1) * 86400;
  data.to_exclusive = days_from_civil(2022, 1, 1) * 86400;
  MapSceneOptions opt;
  MapStyle style = faro_test::style_of({LayerKind::sectors, LayerKind::heatmap});
  opt.width = 600;
  opt.height = 300;
  opt.kde_backend = KdeBackend::cpu;
  const MapSceneResult r = render_map_scene(data, style, opt);
  ASSERT_TRUE(r.overlay.ramp.has_value());
  ASSERT_EQ(r.density.size(), r.grid.cells());
  // The automatic maximum: the 99th percentile of the cells in view (one rule with the live map).
  EXPECT_FLOAT_EQ(static_cast<float>(r.overlay.ramp->vmax),
                  auto_domain_within(r.grid, r.density, r.camera.visible_box(), 99).max);
  EXPECT_EQ(r.overlay.ramp->units, "incidentes/km² por año");
  // Per year over two years: the grid integrates to 45 / 2 incidents (mass lost at the edges is
  // tiny: the grid covers the whole view, far beyond 4σ of the points).
  double mass = 0;
  for (float v : r.density) mass += v;
  EXPECT_NEAR(mass * r.grid.cell_area_km2(),
              45 / period_years_between(*data.from, *data.to_exclusive), 0.02 * 22.5);

  style.heatmap().color_max_locked = true;
  style.heatmap().color_max = 7.5f;
  const MapSceneResult locked = render_map_scene(data, style, opt);
  EXPECT_FLOAT_EQ(static_cast<float>(locked.overlay.ramp->vmax), 7.5f);
  EXPECT_TRUE(locked.domain.locked);
}

}  // namespace
}  // namespace faro::render
