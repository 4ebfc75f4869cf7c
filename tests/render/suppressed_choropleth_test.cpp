// Partner-safe count choropleth (render/scene_protection.hpp, issue 7): a sector with 2 incidents
// is filled with the suppressed colour and the legend says "<5 (suprimido)"; sectors with 50 and
// 60 keep ramp colours, and the class breaks come from the published counts only.
#include <gtest/gtest.h>

#include "gl_test_support.hpp"
#include "core/style_protection.hpp"
#include "render/map_scene.hpp"
#include "render/scene_protection.hpp"
#include "render_test_scenes.hpp"

namespace faro::render {
namespace {

TEST(SuppressedChoropleth, SmallCountSectorIsGreyedAndLegendSaysSo) {
  FARO_REQUIRE_GL(gl);
  // Three 4 km sectors side by side with 2, 50 and 60 incidents (none outside). protect_table:
  // 2 is hidden (primary); its column's complement is the "in no sector" row (0, zeros first),
  // so 50 and 60 stay published.
  SectorSet sectors;
  sectors.work_srs = "EPSG:32614";
  const int counts[3] = {2, 50, 60};
  for (int i = 0; i < 3; ++i) {
    Sector s;
    s.name = "S" + std::to_string(i);
    s.shape = faro_test::rectangle(480000 + 4000 * i, 2140000, 484000 + 4000 * i, 2144000);
    s.bbox = bounds(s.shape);
    s.area_m2 = area(s.shape);
    sectors.sectors.push_back(s);
  }
  IncidentStore inc;
  inc.work_srs = sectors.work_srs;
  const int64_t t = days_from_civil(2020, 6, 1) * 86400;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < counts[i]; ++j) {
      inc.push_back(481000 + 4000 * i + 20 * j, 2141000 + 10 * j, t, 0, 0);
      inc.sector.push_back(i);
    }
  const auto hidden = hidden_sector_counts(sectors, inc, DisclosurePolicy{});
  EXPECT_EQ(hidden, (std::vector<uint8_t>{1, 0, 0}));

  MapSceneData data;
  data.sectors = &sectors;
  data.incidents = &inc;
  MapSceneOptions o;
  o.width = 900;
  o.height = 400;
  MapStyle requested = faro_test::style_of({LayerKind::choropleth});
  requested.choropleth().classes = 2;
  const MapStyle style = protect_style(requested, DisclosurePolicy{}).style;
  ASSERT_TRUE(style.shows(LayerKind::choropleth));
  const MapSceneResult r = render_map_scene(data, style, o);
  EXPECT_EQ(r.hidden_sectors, 1u);
  auto centre = [&](int i) {
    const Vec2 p = r.camera.world_to_pixel({482000.0 + 4000 * i, 2142500});
    return r.image.at(int(p.x), int(p.y));
  };
  EXPECT_TRUE(centre(0) == kSuppressedFill);
  for (int i = 1; i < 3; ++i) {
    const Rgba8 c = centre(i);
    EXPECT_FALSE(c == kSuppressedFill) << i;
    EXPECT_FALSE(c.r == 220 && c.g == 220 && c.b == 220) << i;  // not the no-data grey
    EXPECT_GT(int(c.r), int(c.b) + 40) << i;                    // a YlOrRd ramp colour
  }
  bool legend_entry = false;
  for (const LegendClasses& l : r.overlay.classes)
    for (const LegendClass& e : l.entries) {
      if (e.label == "<5 (suprimido)") legend_entry = e.fill == kSuppressedFill;
      // Breaks from published values (50, 60) only: no class reaches down to 2.
      EXPECT_EQ(e.label.find("2 –"), std::string::npos) << e.label;
    }
  EXPECT_TRUE(legend_entry);
}

}  // namespace
}  // namespace faro::render
