// Groups of sectors, the coarsest partner-safe map (issue 13): a 2 x 2 city of 4 km sectors in two
// alcaldías (west A, east B) with 3, 3, 1 and 1 incidents. Per sector every count is hidden; per
// group A's 6 is published and B's 2 is not. The fills colour both of A's sectors with A's count,
// grey B's as suppressed, and the legend says "<5" and "por alcaldía"; the outlines of the groups
// are the city's edge and the line between A and B only; the map states the choice in its footer
// in both languages and draws the group line heavier than the sector lines.
#include <gtest/gtest.h>

#include <cmath>

#include "core/adaptive_protection.hpp"
#include "core/style_protection.hpp"
#include "gl_test_support.hpp"
#include "render/group_outlines.hpp"
#include "render/map_scene.hpp"
#include "render/scene_protection.hpp"
#include "render/style_fills.hpp"
#include "render_test_scenes.hpp"

namespace faro::render {
namespace {

constexpr double kX0 = 480000, kY0 = 2140000, kSide = 4000;

struct City {
  SectorSet sectors;
  IncidentStore incidents;
  City() {
    sectors.work_srs = "EPSG:32614";
    sectors.attribute_names = {"alcaldia"};
    const int counts[4] = {3, 3, 1, 1};
    // Sectors 0, 1: the west column (A); 2, 3: the east column (B).
    for (int i = 0; i < 4; ++i) {
      const double x = kX0 + kSide * (i / 2), y = kY0 + kSide * (i % 2);
      Sector s;
      s.name = "S" + std::to_string(i);
      s.shape = faro_test::rectangle(x, y, x + kSide, y + kSide);
      s.bbox = bounds(s.shape);
      s.area_m2 = area(s.shape);
      sectors.sectors.push_back(s);
      sectors.attributes.push_back({i < 2 ? "A" : "B"});
      for (int j = 0; j < counts[i]; ++j) {
        incidents.push_back(x + 500 + 700 * j, y + 500 + 900 * j, 0, 0, 0);
        incidents.sector.push_back(i);
      }
    }
    incidents.work_srs = sectors.work_srs;
  }
  // The choropleth of the groups candidate, as protect_style makes it.
  static ChoroplethStyle groups_style() {
    ChoroplethStyle c;
    c.per_year = false;
    c.group_field = "alcaldia";
    return c;
  }
};

TEST(GroupChoropleth, FillsEachSectorWithItsGroupsCountAndGreysHiddenGroups) {
  const City city;
  const SceneCounts counts = scene_counts(city.sectors, city.incidents);
  const SectorFills f = choropleth_fills(city.sectors, counts, City::groups_style(),
                                         DisclosurePolicy{}, Language::es);
  ASSERT_EQ(f.colors.size(), 4u);
  EXPECT_EQ(f.colors[0], f.colors[1]);
  EXPECT_FALSE(f.colors[0] == kSuppressedFill);
  EXPECT_GT(int(f.colors[0].r), int(f.colors[0].b) + 40);  // a YlOrRd colour
  EXPECT_EQ(f.colors[2], kSuppressedFill);
  EXPECT_EQ(f.colors[3], kSuppressedFill);
  EXPECT_EQ(f.hidden, 2u);  // sectors greyed
  ASSERT_TRUE(f.choropleth.has_value());
  EXPECT_EQ(f.choropleth->values[1], std::optional<double>(6.0));  // the group's count
  EXPECT_EQ(f.published, std::vector<double>{6.0});  // one value per published group
  EXPECT_EQ(f.units, "incidentes por alcaldía");
  ASSERT_TRUE(f.legend.classes.has_value());
  bool suppressed = false;
  for (const LegendClass& e : f.legend.classes->entries)
    suppressed |= e.label == "<5 (suprimido)" && e.fill == kSuppressedFill;
  EXPECT_TRUE(suppressed);
  // Per sector (no grouping) every count is hidden.
  ChoroplethStyle per_sector = City::groups_style();
  per_sector.group_field.clear();
  EXPECT_EQ(choropleth_fills(city.sectors, counts, per_sector, DisclosurePolicy{}, Language::es)
                .hidden,
            4u);
  // English legend; internal use hides nothing.
  DisclosurePolicy internal;
  internal.partner_safe = false;
  const SectorFills en =
      choropleth_fills(city.sectors, counts, City::groups_style(), internal, Language::en);
  EXPECT_EQ(en.units, "incidents per borough");
  EXPECT_EQ(en.hidden, 0u);
}

TEST(GroupChoropleth, OutlinesAreTheCityEdgeAndTheLineBetweenGroups) {
  const City city;
  const std::vector<LineStrip> lines = group_outlines(city.sectors, std::vector<int32_t>{0, 0, 1, 1});
  double length = 0;
  for (const LineStrip& l : lines) {
    const size_t n = l.points.size();
    for (size_t i = 0; i + 1 < n + (l.closed ? 1 : 0); ++i) {
      const Vec2 a = l.points[i], b = l.points[(i + 1) % n];
      length += std::hypot(b.x - a.x, b.y - a.y);
      // Never the line between the two sectors of one group (y = kY0 + kSide inside a column).
      const bool inner_a = a.y == kY0 + kSide && b.y == kY0 + kSide;
      EXPECT_FALSE(inner_a) << a.x << "," << a.y << " - " << b.x << "," << b.y;
    }
  }
  EXPECT_NEAR(length, 8 * kSide + 2 * kSide, 1e-6);  // the city's edge and the A|B line
  // All in one group: the city's edge only.
  double edge = 0;
  for (const LineStrip& l : group_outlines(city.sectors, std::vector<int32_t>{0, 0, 0, 0}))
    for (size_t i = 0; i < l.points.size(); ++i) {
      if (!l.closed && i + 1 == l.points.size()) break;
      const Vec2 a = l.points[i], b = l.points[(i + 1) % l.points.size()];
      edge += std::hypot(b.x - a.x, b.y - a.y);
    }
  EXPECT_NEAR(edge, 8 * kSide, 1e-6);
}

TEST(GroupChoropleth, TheMapSaysSoAndDrawsTheGroupLineHeavier) {
  FARO_REQUIRE_GL(gl);
  const City city;
  MapSceneData data;
  data.sectors = &city.sectors;
  data.incidents = &city.incidents;
  const ProtectionData pd =
      protection_data(city.incidents, city.sectors, city.sectors.extent(), 0);
  EXPECT_EQ(pd.groups, 2u);
  EXPECT_EQ(pd.group_field, "alcaldia");
  const MapStyle style =
      protect_style(faro_test::style_of({LayerKind::heatmap}), DisclosurePolicy{}, &pd).style;
  ASSERT_TRUE(style.adapted.has_value());
  ASSERT_EQ(style.adapted->kind, Representation::groups);
  MapSceneOptions o;
  o.width = 800;
  o.height = 800;
  o.samples = 0;
  for (Language lang : {Language::es, Language::en}) {
    o.language = lang;
    const MapSceneResult r = render_map_scene(data, style, o);
    EXPECT_EQ(r.hidden_sectors, 2u);
    std::string footer;
    for (const std::string& l : r.overlay.footer_lines) footer += l + "\n";
    if (lang == Language::es) {
      EXPECT_NE(footer.find("grupos de sectores (alcaldía)"), std::string::npos) << footer;
      EXPECT_NE(footer.find("unidad: grupo de sectores"), std::string::npos) << footer;
    } else {
      EXPECT_NE(footer.find("group of sectors (borough)"), std::string::npos) << footer;
    }
    // Dark pixels across the A|B line (x = kX0 + kSide) and across the line between the two
    // sectors of A (y = kY0 + kSide): the group line is the wider one.
    const auto dark_run = [&](Vec2 from, Vec2 step) {
      int run = 0;
      for (int i = -40; i <= 40; ++i) {
        const Vec2 p = r.camera.world_to_pixel({from.x + i * step.x, from.y + i * step.y});
        const Rgba8 c = r.image.at(int(p.x), int(p.y));
        run += c.r < 110 && c.g < 110 && c.b < 110;
      }
      return run;
    };
    const double m = r.camera.metres_per_pixel() / 4;  // sample every quarter pixel
    const int group_line = dark_run({kX0 + kSide, kY0 + kSide / 2}, {m, 0});
    const int sector_line = dark_run({kX0 + kSide / 2, kY0 + kSide}, {0, m});
    EXPECT_GT(group_line, sector_line + 2) << group_line << " vs " << sector_line;
  }
}

}  // namespace
}  // namespace faro::render
