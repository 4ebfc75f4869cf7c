// The map style model (core/map_style.hpp) and the one protection function
// (core/style_protection.hpp).
#include <gtest/gtest.h>

#include "core/map_style.hpp"
#include "core/style_protection.hpp"

namespace faro {
namespace {

MapStyle stack(std::initializer_list<LayerKind> kinds) {
  MapStyle s;
  for (LayerKind k : kinds) s.add(make_layer(k));
  return s;
}

TEST(MapStyle, KindKeysAreUniqueAndParseBack) {
  for (int i = 0; i < kLayerKindCount; ++i) {
    const auto kind = static_cast<LayerKind>(i);
    const std::string key = layer_kind_key(kind);
    ASSERT_TRUE(parse_layer_kind(key).has_value()) << key;
    EXPECT_EQ(*parse_layer_kind(key), kind);
  }
  EXPECT_FALSE(parse_layer_kind("Heatmap").has_value());
  EXPECT_FALSE(parse_layer_kind("").has_value());
}

TEST(MapStyle, LayerInsertsAMissingKindHiddenAtItsConventionalPlace) {
  MapStyle s = stack({LayerKind::basemap, LayerKind::heatmap, LayerKind::labels});
  s.layers[0].source = "base.tif";
  s.layers[1].visible = false;
  StyleLayer& sectors = s.layer(LayerKind::sectors);
  EXPECT_EQ(sectors.kind, LayerKind::sectors);
  EXPECT_FALSE(sectors.visible);  // nothing changes on screen
  ASSERT_EQ(s.layers.size(), 4u);
  EXPECT_EQ(s.layers[1].kind, LayerKind::sectors);  // above the basemap, below the heatmap
  EXPECT_FALSE(s.layers[2].visible);                // existing layers untouched
  s.layer(LayerKind::points);
  ASSERT_EQ(s.layers.size(), 5u);
  EXPECT_EQ(s.layers[3].kind, LayerKind::points);  // below the labels
  s.heatmap().bandwidth_m = 750;                    // edits the existing layer in place
  EXPECT_EQ(s.layers[2].heatmap.bandwidth_m, 750);
  EXPECT_EQ(s.layers.size(), 5u);
}

TEST(MapStyle, AddMakesIdsUniqueAndMoveRemoveKeepOrder) {
  MapStyle s = stack({LayerKind::sectors, LayerKind::context});
  const size_t second = s.add(make_layer(LayerKind::context));
  EXPECT_EQ(s.layers[second].id, "context-2");
  EXPECT_TRUE(s.move(second, -1));
  EXPECT_EQ(s.layers[1].id, "context-2");
  EXPECT_FALSE(s.move(0, -1));  // already at the bottom
  EXPECT_FALSE(s.move(2, +1));  // already on top
  EXPECT_TRUE(s.remove(0));
  ASSERT_EQ(s.layers.size(), 2u);
  EXPECT_EQ(s.layers[0].id, "context-2");
  EXPECT_FALSE(s.remove(5));
}

TEST(MapStyle, ProblemsNameTheLayerAndTheProperty) {
  MapStyle s = stack({LayerKind::heatmap, LayerKind::choropleth, LayerKind::basemap});
  s.layers[0].heatmap.bandwidth_m = 0;
  s.layers[1].choropleth.classes = 12;
  s.layers[1].opacity = 1.5f;
  const auto problems = style_problems(s);
  ASSERT_EQ(problems.size(), 4u);
  EXPECT_NE(problems[0].find("layer 'heatmap': bandwidth_m"), std::string::npos);
  EXPECT_NE(problems[1].find("layer 'choropleth': opacity"), std::string::npos);
  EXPECT_NE(problems[2].find("classes must be 2..9"), std::string::npos);
  EXPECT_NE(problems[3].find("basemap needs a source"), std::string::npos);
  s.layers[1].id = "heatmap";
  bool twice = false;
  for (const std::string& p : style_problems(s)) twice |= p.find("used twice") != std::string::npos;
  EXPECT_TRUE(twice);
}

TEST(StyleProtection, PartnerSafeRemovesPointsRaisesBandwidthAndKeepsChangeMaps) {
  MapStyle s = stack({LayerKind::sectors, LayerKind::choropleth, LayerKind::heatmap,
                      LayerKind::points, LayerKind::labels});
  s.layers[1].choropleth.measure = ChoroplethMeasure::change;
  s.layers[2].heatmap.bandwidth_m = 300;
  s.layers[2].heatmap.color_max_locked = true;
  s.layers[2].heatmap.color_max = 123.456f;
  const ProtectedStyle p = protect_style(s, DisclosurePolicy{});
  ASSERT_TRUE(p.style.protection.has_value());
  EXPECT_TRUE(p.style.protection->partner_safe);
  EXPECT_EQ(p.style.find(LayerKind::points), nullptr);
  ASSERT_EQ(p.style.layers.size(), 4u);
  // The change map stays: the renderer protects both periods as one table.
  ASSERT_NE(p.style.find(LayerKind::choropleth), nullptr);
  EXPECT_EQ(p.style.find(LayerKind::choropleth)->choropleth.measure, ChoroplethMeasure::change);
  const HeatmapStyle h = p.style.heatmap();
  EXPECT_EQ(h.bandwidth_m, kDefaultMinBandwidthM);
  EXPECT_FLOAT_EQ(h.color_max, 120.0f);  // two significant digits
  std::vector<StyleChange::Kind> kinds;
  for (const StyleChange& c : p.changes) kinds.push_back(c.kind);
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), StyleChange::Kind::points_removed), kinds.end());
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), StyleChange::Kind::bandwidth_raised), kinds.end());
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), StyleChange::Kind::choropleth_protected),
            kinds.end());
  // The original is untouched (a value in, a value out).
  EXPECT_EQ(s.layers.size(), 5u);
  EXPECT_EQ(s.layers[2].heatmap.bandwidth_m, 300);
}

TEST(StyleProtection, InternalUseChangesNothingButMarksTheStyle) {
  MapStyle s = stack({LayerKind::heatmap, LayerKind::points});
  s.layers[0].heatmap.bandwidth_m = 200;
  DisclosurePolicy internal;
  internal.partner_safe = false;
  const ProtectedStyle p = protect_style(s, internal);
  ASSERT_TRUE(p.style.protection.has_value());
  EXPECT_FALSE(p.style.protection->partner_safe);
  EXPECT_TRUE(p.changes.empty());
  MapStyle unmarked = p.style;
  unmarked.protection.reset();
  EXPECT_EQ(unmarked, s);
}

TEST(StyleProtection, HiddenPointsAreRemovedWithoutAChangeLine) {
  MapStyle s = stack({LayerKind::points});
  s.layers[0].visible = false;
  const ProtectedStyle p = protect_style(s, DisclosurePolicy{});
  EXPECT_TRUE(p.style.layers.empty());
  EXPECT_TRUE(p.changes.empty());
}

TEST(StyleProtection, RejectsAPolicyBelowTheDefaults) {
  DisclosurePolicy weak;
  weak.k = 2;
  EXPECT_ANY_THROW(protect_style(stack({LayerKind::heatmap}), weak));
}

// --basemap and File > Open of a raster: a new basemap goes under everything, greyed and dimmed,
// with sector fills made translucent; a second raster replaces the source and keeps the look the
// user chose; a placeholder layer without a source (from --layers) counts as new.
TEST(MapStyle, ShowBasemapAddsOrReplacesTheBasemap) {
  MapStyle s = stack({LayerKind::sectors, LayerKind::choropleth, LayerKind::heatmap});
  show_basemap(s, "calles.tif");
  ASSERT_EQ(s.layers.front().kind, LayerKind::basemap);
  EXPECT_EQ(s.layers.front().source, "calles.tif");
  EXPECT_TRUE(s.layers.front().visible);
  EXPECT_EQ(s.layers.front().basemap, (BasemapStyle{true, 0.3f}));
  EXPECT_FLOAT_EQ(s.find(LayerKind::sectors)->opacity, 0.35f);
  EXPECT_FLOAT_EQ(s.find(LayerKind::choropleth)->opacity, 0.75f);
  EXPECT_TRUE(style_problems(s).empty());

  s.layers.front().basemap = {false, 0.1f};
  s.layers.front().visible = false;
  show_basemap(s, "satelite.mbtiles");
  EXPECT_EQ(s.layers.size(), 4u);  // replaced, not added
  EXPECT_EQ(s.layers.front().source, "satelite.mbtiles");
  EXPECT_TRUE(s.layers.front().visible);
  EXPECT_EQ(s.layers.front().basemap, (BasemapStyle{false, 0.1f}));

  MapStyle placeholder = stack({LayerKind::basemap, LayerKind::sectors});
  show_basemap(placeholder, "calles.tif");
  EXPECT_EQ(placeholder.layers.size(), 2u);
  EXPECT_TRUE(placeholder.layers.front().basemap.greyscale);
  placeholder.layers.front().basemap.dim = 2;
  EXPECT_NE(style_problems(placeholder).at(0).find("dim must be in 0..1"), std::string::npos);
}

}  // namespace
}  // namespace faro
