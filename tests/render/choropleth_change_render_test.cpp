// A change choropleth through the whole scene: the sector whose count rose is red at its pixel,
// the one whose count fell is blue, a sector with no incidents before is the "new" colour, and the
// legend names the classes (signed ranges, "nuevo (antes 0)") and the compared period.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/choropleth_change.hpp"
#include "core/errors.hpp"
#include "gl_test_support.hpp"
#include "render/choropleth_legend.hpp"
#include "render/map_scene.hpp"
#include "render_test_scenes.hpp"

namespace faro::render {
namespace {

// Three 2 km sectors west to east in UTM 14N metres.
SectorSet three_sectors() {
  SectorSet s;
  s.work_srs = "EPSG:32614";
  for (int i = 0; i < 3; ++i) {
    Sector sec;
    sec.name = std::string("S") + char('A' + i);
    sec.shape = faro_test::rectangle(480000 + 2000 * i, 2140000, 482000 + 2000 * i, 2142000);
    sec.bbox = bounds(sec.shape);
    sec.area_m2 = area(sec.shape);
    s.sectors.push_back(sec);
  }
  return s;
}

IncidentStore incidents(const std::vector<int>& per_sector, int year) {
  IncidentStore st;
  st.work_srs = "EPSG:32614";
  for (size_t s = 0; s < per_sector.size(); ++s)
    for (int k = 0; k < per_sector[s]; ++k) {
      st.push_back(481000 + 2000.0 * s + k, 2141000, days_from_civil(year, 6, 1) * 86400, 0, 0);
      st.sector.push_back(static_cast<int32_t>(s));
    }
  return st;
}

Rgba8 pixel_in(const MapSceneResult& r, const Sector& s) {
  const Box b = s.bbox;
  const Vec2 px = r.camera.world_to_pixel({b.xmin + 0.5 * b.width(), b.ymin + 0.7 * b.height()});
  return r.image.at(static_cast<int>(px.x), static_cast<int>(px.y));
}

TEST(ChangeChoropleth, IncreaseIsRedDecreaseIsBlueAndNewHasItsOwnClass) {
  FARO_REQUIRE_GL(gl);
  const SectorSet sectors = three_sectors();
  const IncidentStore now = incidents({1, 9, 4}, 2024);
  const IncidentStore before = incidents({5, 2, 0}, 2023);  // west -4, middle +7, east new
  MapSceneData data;
  data.sectors = &sectors;
  data.incidents = &now;
  data.previous_incidents = &before;
  data.from = days_from_civil(2024, 1, 1) * 86400;
  data.to_exclusive = days_from_civil(2025, 1, 1) * 86400;
  data.previous_from = days_from_civil(2023, 1, 1) * 86400;
  data.previous_to_exclusive = days_from_civil(2024, 1, 1) * 86400;
  MapSceneOptions opt;
  MapStyle style = faro_test::style_of({LayerKind::choropleth});
  style.choropleth().measure = ChoroplethMeasure::change;
  opt.width = 900;
  opt.height = 400;
  const MapSceneResult r = render_map_scene(data, style, opt);

  const Rgba8 west = pixel_in(r, sectors.sectors[0]), middle = pixel_in(r, sectors.sectors[1]),
              east = pixel_in(r, sectors.sectors[2]);
  // One class each side: the ramp's ends, RdBu #67001f (dark red) and #053061 (dark blue).
  EXPECT_TRUE(middle.r > middle.g + 60 && middle.r > middle.b + 50) << "increase should be red";
  EXPECT_EQ(middle, (Rgba8{103, 0, 31, 255}));
  EXPECT_TRUE(west.b > west.r + 60 && west.b > west.g + 30) << "decrease should be blue";
  EXPECT_EQ(west, (Rgba8{5, 48, 97, 255}));
  const Rgb n = new_sector_color(ColormapName::rdbu_r);
  EXPECT_EQ(east, (Rgba8{n.r, n.g, n.b, 255}));

  ASSERT_EQ(r.overlay.classes.size(), 1u);
  const LegendClasses& legend = r.overlay.classes[0];
  EXPECT_EQ(legend.title, "Cambio en incidentes vs. 2023");
  std::vector<std::string> labels;
  for (const LegendClass& e : legend.entries) labels.push_back(e.label);
  EXPECT_EQ(labels, (std::vector<std::string>{"\u22124", "+7", "nuevo (antes 0)"}));

  // Without the previous period's incidents the scene refuses, rather than drawing counts.
  data.previous_incidents = nullptr;
  EXPECT_THROW(render_map_scene(data, style, opt), UsageError);
}

TEST(ChangeChoropleth, ContinuousRampIsSymmetricAndEnglishLabelsWork) {
  FARO_REQUIRE_GL(gl);
  const SectorSet sectors = three_sectors();
  const IncidentStore now = incidents({2, 8, 0}, 2024);
  const IncidentStore before = incidents({6, 2, 3}, 2023);  // -4, +6, -3
  MapSceneData data;
  data.sectors = &sectors;
  data.incidents = &now;
  data.previous_incidents = &before;
  MapSceneOptions opt;
  MapStyle style = faro_test::style_of({LayerKind::choropleth});
  style.choropleth().measure = ChoroplethMeasure::change_pct;  // -66.7 %, +300 %, -100 %
  style.choropleth().scale = ChoroplethScale::continuous;
  style.choropleth().colormap = ColormapName::rdbu_r;
  opt.language = Language::en;
  opt.width = 600;
  opt.height = 300;
  const MapSceneResult r = render_map_scene(data, style, opt);
  ASSERT_TRUE(r.overlay.ramp.has_value());
  EXPECT_DOUBLE_EQ(r.overlay.ramp->vmin, -300);
  EXPECT_DOUBLE_EQ(r.overlay.ramp->vmax, 300);
  EXPECT_EQ(r.overlay.ramp->title, "% change");
  EXPECT_TRUE(r.overlay.classes.empty());  // no new sectors
  const Rgb top = colormap_sample(ColormapName::rdbu_r, 1.0);
  EXPECT_EQ(pixel_in(r, sectors.sectors[1]), (Rgba8{top.r, top.g, top.b, 255}));
  const Rgb at = colormap_sample(ColormapName::rdbu_r, 0.5 - 0.5 * 100.0 / 300.0);
  EXPECT_EQ(pixel_in(r, sectors.sectors[2]), (Rgba8{at.r, at.g, at.b, 255}));
}

TEST(ChangeChoropleth, ComparedPeriodIsShortInTheLegend) {
  const auto day = [](int y, unsigned m, unsigned d) { return days_from_civil(y, m, d) * 86400; };
  EXPECT_EQ(compact_period(day(2023, 1, 1), day(2024, 1, 1)), "2023");
  EXPECT_EQ(compact_period(day(2024, 2, 1), day(2024, 3, 1)), "2024-02");
  EXPECT_EQ(compact_period(day(2023, 7, 1), day(2024, 1, 1)), "2023-07 \u2013 2023-12");
  EXPECT_EQ(compact_period(day(2024, 1, 10), day(2024, 1, 17)), "2024-01-10 \u2013 2024-01-16");
}

TEST(ChangeChoropleth, ClassLabelsAreSignedAndPercentagesCarryTheUnit) {
  ChoroplethClass k{-15, -4, {}, ChoroplethClassKind::range};
  EXPECT_EQ(choropleth_class_label(k, ChoroplethMeasure::change, "es"), "\u221215 \u2013 \u22124");
  k = {2.5, 20, {}, ChoroplethClassKind::range};
  EXPECT_EQ(choropleth_class_label(k, ChoroplethMeasure::change_pct, "es"), "+2.5 % \u2013 +20 %");
  k = {3, 8, {}, ChoroplethClassKind::range};
  EXPECT_EQ(choropleth_class_label(k, ChoroplethMeasure::count, "es"), "3 \u2013 8");
  k.kind = ChoroplethClassKind::no_change;
  EXPECT_EQ(choropleth_class_label(k, ChoroplethMeasure::change, "en"), "0 (no change)");
  k.kind = ChoroplethClassKind::new_sectors;
  EXPECT_EQ(choropleth_class_label(k, ChoroplethMeasure::change, "en"), "new (was 0)");
  k.kind = ChoroplethClassKind::none_in_either;
  EXPECT_EQ(choropleth_class_label(k, ChoroplethMeasure::change_pct, "es"),
            "sin incidentes en ambos periodos");
}

}  // namespace
}  // namespace faro::render
