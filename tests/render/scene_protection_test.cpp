// Partner-safe maps (render/scene_protection.hpp): the option rules, the density floor against
// the kernel formulas, and a rendered scene where one isolated incident draws no heat while six
// together do.
#include "render/scene_protection.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "core/errors.hpp"
#include "gl_test_support.hpp"
#include "render_test_scenes.hpp"

namespace faro::render {
namespace {

TEST(SceneProtection, DensityFloorIsKTimesTheKernelPeak) {
  // Gaussian: K(0) = 1 / (2πσ²); quartic: K(0) = 3 / (πh²); per km² (x 1e6 m²/km²).
  KdeParams p;
  p.bandwidth_m = 500;
  EXPECT_NEAR(min_supported_density(5, p), 5 * 1e6 / (2 * M_PI * 500.0 * 500.0), 1e-9);
  EXPECT_NEAR(min_supported_density(5, p), 3.18310, 1e-5);
  p.kernel = KdeKernel::quartic;
  EXPECT_NEAR(min_supported_density(5, p), 5 * 3e6 / (M_PI * 500.0 * 500.0), 1e-9);
  p.period_years = 2;  // per year: half
  EXPECT_NEAR(min_supported_density(5, p), 5 * 3e6 / (M_PI * 500.0 * 500.0) / 2, 1e-9);
}

TEST(SceneProtection, PartnerSafeOptions) {
  MapSceneOptions o;
  o.layers = {SceneLayer::heatmap, SceneLayer::points, SceneLayer::choropleth, SceneLayer::labels};
  o.kde.bandwidth_m = 300;
  o.color_max = 7.4567f;
  const auto changes = protect_scene_options(DisclosurePolicy{}, o, std::nullopt, std::nullopt);
  EXPECT_EQ(o.layers.count(SceneLayer::points), 0u);
  // A count choropleth stays, with its sectors' small counts coloured as suppressed.
  EXPECT_EQ(o.layers.count(SceneLayer::choropleth), 1u);
  ASSERT_TRUE(o.choropleth_protection.has_value());
  EXPECT_EQ(o.choropleth_protection->k, 5);
  EXPECT_EQ(o.layers.count(SceneLayer::heatmap), 1u);
  EXPECT_DOUBLE_EQ(o.kde.bandwidth_m, 500);
  EXPECT_FLOAT_EQ(*o.color_max, 7.5f);
  EXPECT_EQ(o.domain_significant_digits, 2);
  EXPECT_NEAR(o.min_drawn_density, 3.18310, 1e-5);
  ASSERT_EQ(o.footer_lines.size(), 1u);  // the map's language only (default es)
  EXPECT_EQ(o.footer_lines[0],
            "Protección: conteos < 5 suprimidos, ancho de banda ≥ 500 m, unidad: sector");
  MapSceneOptions english = o;
  english.language = "en";
  protect_scene_options(DisclosurePolicy{}, english, std::nullopt, std::nullopt);
  ASSERT_EQ(english.footer_lines.size(), 1u);
  EXPECT_EQ(english.footer_lines[0],
            "Protection: counts < 5 suppressed, bandwidth ≥ 500 m, unit: sector");
  EXPECT_TRUE(o.stamp.empty());
  EXPECT_EQ(changes.size(), 4u);  // points, choropleth, bandwidth, density floor
  MapSceneOptions change;
  change.layers = {SceneLayer::choropleth};
  change.choropleth = ChoroplethMeasure::change;
  protect_scene_options(DisclosurePolicy{}, change, std::nullopt, std::nullopt);
  EXPECT_EQ(change.layers.count(SceneLayer::choropleth), 0u);  // change maps: outlines only
  EXPECT_EQ(change.layers.count(SceneLayer::sectors), 1u);

  MapSceneOptions internal;
  internal.layers = {SceneLayer::points};
  internal.kde.bandwidth_m = 100;
  DisclosurePolicy off;
  off.partner_safe = false;
  EXPECT_TRUE(protect_scene_options(off, internal, std::nullopt, std::nullopt).empty());
  EXPECT_EQ(internal.stamp, "USO INTERNO / INTERNAL USE");
  EXPECT_EQ(internal.layers.count(SceneLayer::points), 1u);
  EXPECT_DOUBLE_EQ(internal.kde.bandwidth_m, 100);
  EXPECT_TRUE(internal.footer_lines.empty());

  DisclosurePolicy low;
  low.k = 3;
  MapSceneOptions any;
  EXPECT_THROW(protect_scene_options(low, any, std::nullopt, std::nullopt), UsageError);
}

TEST(SceneProtection, OneIsolatedIncidentDrawsNoHeatSixTogetherDo) {
  FARO_REQUIRE_GL(gl);
  // Two 4 km sectors; one incident in the west centre, six within 30 m in the east centre.
  SectorSet sectors;
  sectors.work_srs = "EPSG:32614";
  for (int i = 0; i < 2; ++i) {
    Sector s;
    s.name = i == 0 ? "Oeste" : "Este";
    s.shape = faro_test::rectangle(480000 + 4000 * i, 2140000, 484000 + 4000 * i, 2144000);
    s.bbox = bounds(s.shape);
    s.area_m2 = area(s.shape);
    sectors.sectors.push_back(s);
  }
  IncidentStore inc;
  inc.work_srs = sectors.work_srs;
  const int64_t t = days_from_civil(2020, 6, 1) * 86400;
  inc.push_back(482000, 2142000, t, 0, 0);
  inc.sector.push_back(0);
  for (int i = 0; i < 6; ++i) {
    inc.push_back(486000 + 5 * i, 2142000 + 3 * i, t, 0, 0);
    inc.sector.push_back(1);
  }
  MapSceneData data;
  data.sectors = &sectors;
  data.incidents = &inc;
  MapSceneOptions base;
  base.layers = {SceneLayer::sectors};
  base.width = 800;
  base.height = 400;
  base.kde_backend = KdeBackend::cpu;
  MapSceneOptions heat = base;
  heat.layers.insert(SceneLayer::heatmap);
  protect_scene_options(DisclosurePolicy{}, base, std::nullopt, std::nullopt);
  protect_scene_options(DisclosurePolicy{}, heat, std::nullopt, std::nullopt);
  const MapSceneResult without = render_map_scene(data, base);
  const MapSceneResult with = render_map_scene(data, heat);
  // Heat pixels within 1.5 km of each cluster (the legend panel is elsewhere).
  auto heat_pixels = [&](double cx, double cy) {
    const Vec2 a = with.camera.world_to_pixel({cx - 1500, cy + 1500});
    const Vec2 b = with.camera.world_to_pixel({cx + 1500, cy - 1500});
    size_t n = 0;
    for (int y = std::max(0, int(a.y)); y < std::min(with.image.height, int(b.y)); ++y)
      for (int x = std::max(0, int(a.x)); x < std::min(with.image.width, int(b.x)); ++x)
        n += !(with.image.at(x, y) == without.image.at(x, y));
    return n;
  };
  EXPECT_EQ(heat_pixels(482000, 2142000), 0u) << "a single incident must not show as a hot spot";
  EXPECT_GT(heat_pixels(486000, 2142000), 100u) << "six incidents together do";
}

}  // namespace
}  // namespace faro::render
