// The one renderer (render/style_renderer.hpp) on the demo workspace, headless through EGL: hit testing finds the
// sector whose label anchor (a point inside it, from polylabel) is under the cursor, the map image
// shows the sector fills and the selection outline, the heatmap texture changes the picture, and
// the GL state of the caller (an ImGui frame) survives a render.
#include <gtest/gtest.h>

#include "app/map_interaction.hpp"
#include "app_test_util.hpp"
#include "render/gl.hpp"
#include "render/gl_test_support.hpp"
#include "render/style_renderer.hpp"

namespace faro::render {
namespace {

MapStyle sectors_only() {
  MapStyle s;
  s.add(make_layer(LayerKind::sectors));
  return s;
}

TEST(StyleRenderer, HitTestFindsTheSectorUnderTheCursor) {
  FARO_REQUIRE_GL(gl);
  const auto ws = faro_test::demo_workspace();
  StyleRenderer map;
  map.set_workspace(ws, std::nullopt);
  const Camera camera = app::fit_camera(ws->extent, 900, 700);
  ASSERT_FALSE(map.label_anchors().empty());
  int checked = 0;
  for (const MapLabel& label : map.label_anchors()) {
    const auto expected = ws->sectors.find(label.text);
    ASSERT_TRUE(expected.has_value());
    const auto got = map.sector_at(camera, camera.world_to_pixel(label.anchor));
    ASSERT_TRUE(got.has_value()) << label.text;
    EXPECT_EQ(static_cast<size_t>(*got), *expected) << label.text;
    ++checked;
  }
  EXPECT_EQ(checked, static_cast<int>(ws->sectors.size()));
  EXPECT_FALSE(map.sector_at(camera, {1, 1}).has_value());  // the padding outside the city
}

TEST(StyleRenderer, DrawsFillsBackgroundAndTheSelectionOutline) {
  FARO_REQUIRE_GL(gl);
  const auto ws = faro_test::demo_workspace();
  StyleRenderer map;
  map.set_workspace(ws, std::nullopt);
  const Camera camera = app::fit_camera(ws->extent, 640, 480);
  map.render(camera, sectors_only(), {});
  const RgbaImage plain = map.read_back();
  ASSERT_EQ(plain.width, 640);
  EXPECT_EQ(plain.at(1, 1), (Rgba8{250, 250, 248, 255}));  // background
  const Vec2 inside = camera.world_to_pixel(map.label_anchors().front().anchor);
  const Rgba8 fill = plain.at(static_cast<int>(inside.x), static_cast<int>(inside.y));
  EXPECT_NEAR(fill.r, 238, 2);
  EXPECT_NEAR(fill.b, 236, 2);
  EXPECT_EQ(faro_test::count_color(plain, kSelectionColor, 30, 0, 0, 640, 480), 0u);

  FrameExtras selected;
  selected.selected_sectors = {static_cast<int>(*ws->sectors.find(map.label_anchors().front().text))};
  map.render(camera, sectors_only(), selected);
  const RgbaImage with_selection = map.read_back();
  EXPECT_GT(faro_test::count_color(with_selection, kSelectionColor, 30, 0, 0, 640, 480), 50u);
}

TEST(StyleRenderer, HeatmapTextureShowsWhereTheDensityIs) {
  FARO_REQUIRE_GL(gl);
  const auto ws = faro_test::demo_workspace();
  StyleRenderer map;
  map.set_workspace(ws, std::nullopt);
  const Camera camera = app::fit_camera(ws->extent, 400, 300);
  // A single hot cell block in the middle of the city.
  GridSpec grid = GridSpec::covering(ws->extent, 200);
  std::vector<float> density(grid.cells(), 0.0f);
  const int cx = grid.nx / 2, cy = grid.ny / 2;
  for (int r = cy - 3; r <= cy + 3; ++r)
    for (int c = cx - 3; c <= cx + 3; ++c) density[static_cast<size_t>(r) * grid.nx + c] = 10.0f;
  HeatmapStyle style;
  style.domain.max = 10;
  style.opacity = 1.0f;
  map.set_heatmap(grid, density, style);
  MapStyle o = sectors_only();
  o.add(make_layer(LayerKind::heatmap));
  map.render(camera, o, {});
  const RgbaImage img = map.read_back();
  const Vec2 hot = camera.world_to_pixel({grid.center_x(cx), grid.center_y(cy)});
  const Rgb top = colormap_table(ColormapName::inferno)[255];
  const Rgba8 got = img.at(static_cast<int>(hot.x), static_cast<int>(hot.y));
  EXPECT_NEAR(got.r, top.r, 6);
  EXPECT_NEAR(got.g, top.g, 6);
  EXPECT_NEAR(got.b, top.b, 6);
  map.clear_heatmap();
  EXPECT_FALSE(map.has_heatmap());
}

TEST(StyleRenderer, RestoresTheCallersGlState) {
  FARO_REQUIRE_GL(gl);
  const auto ws = faro_test::demo_workspace();
  StyleRenderer map;
  map.set_workspace(ws, std::nullopt);
  glViewport(3, 4, 50, 60);
  glDisable(GL_BLEND);
  glEnable(GL_SCISSOR_TEST);
  GLint fbo_before = -1;
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &fbo_before);
  map.render(app::fit_camera(ws->extent, 300, 200), sectors_only(), {});
  GLint viewport[4], fbo_after = -2;
  glGetIntegerv(GL_VIEWPORT, viewport);
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &fbo_after);
  EXPECT_EQ(viewport[0], 3);
  EXPECT_EQ(viewport[3], 60);
  EXPECT_EQ(fbo_after, fbo_before);
  EXPECT_FALSE(glIsEnabled(GL_BLEND));
  EXPECT_TRUE(glIsEnabled(GL_SCISSOR_TEST));
  glDisable(GL_SCISSOR_TEST);
}

TEST(StyleRenderer, DrawsLayersInTheStyleOrderWithTheirOpacity) {
  FARO_REQUIRE_GL(gl);
  const auto ws = faro_test::demo_workspace();
  StyleRenderer map;
  map.set_workspace(ws, std::nullopt);
  const Camera camera = app::fit_camera(ws->extent, 400, 300);
  // A choropleth fill in pure red, and the pale sectors.
  std::vector<Rgba8> red(ws->sectors.size(), Rgba8{255, 0, 0, 255});
  map.set_fills(LayerKind::choropleth, red);
  const Vec2 inside = camera.world_to_pixel(map.label_anchors().front().anchor);
  const auto at = [&](const MapStyle& style) {
    map.render(camera, style, {});
    return map.read_back().at(static_cast<int>(inside.x), static_cast<int>(inside.y));
  };
  MapStyle style;
  style.add(make_layer(LayerKind::sectors));
  style.add(make_layer(LayerKind::choropleth));
  EXPECT_EQ(at(style), (Rgba8{255, 0, 0, 255}));  // the choropleth on top
  ASSERT_TRUE(style.move(1, -1));                  // now the pale sectors cover it
  const Rgba8 pale = at(style);
  EXPECT_NEAR(pale.r, 238, 2);
  EXPECT_NEAR(pale.g, 238, 2);
  style.layers[0].opacity = 0.5f;  // the (lower) choropleth at half opacity: no change on top
  EXPECT_NEAR(at(style).g, 238, 2);
  ASSERT_TRUE(style.move(0, +1));  // choropleth on top again, at half opacity over pale grey
  const Rgba8 half = at(style);
  EXPECT_NEAR(half.r, (255 + 238) / 2, 3);
  EXPECT_NEAR(half.g, 238 / 2, 3);
  style.layers[1].visible = false;
  EXPECT_NEAR(at(style).g, 238, 2);
  EXPECT_GE(map.draw_count(), 5u);
}

TEST(StyleRenderer, ContextLayersWithTheirOwnSourceDrawTheirLines) {
  FARO_REQUIRE_GL(gl);
  const auto ws = faro_test::demo_workspace();
  StyleRenderer map;
  map.set_workspace(ws, std::nullopt);
  const Camera camera = app::fit_camera(ws->extent, 400, 300);
  const Box e = ws->extent;
  const LineStrip across{{{e.xmin, (e.ymin + e.ymax) / 2}, {e.xmax, (e.ymin + e.ymax) / 2}}, false};
  MapStyle style;
  StyleLayer roads = make_layer(LayerKind::context);
  roads.id = "roads";
  roads.source = "roads.gpkg";
  roads.line = {{200, 0, 200}, 3.0f};
  style.add(roads);
  map.render(camera, style, {});
  EXPECT_EQ(faro_test::count_color(map.read_back(), Rgba8{200, 0, 200, 255}, 30, 0, 0, 400, 300),
            0u);  // no lines loaded for it yet
  map.set_context("roads", std::vector<LineStrip>{across});
  map.render(camera, style, {});
  EXPECT_GT(faro_test::count_color(map.read_back(), Rgba8{200, 0, 200, 255}, 30, 0, 0, 400, 300),
            300u);
}

}  // namespace
}  // namespace faro::render
