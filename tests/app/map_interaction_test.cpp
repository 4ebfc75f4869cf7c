// Map navigation and click-selection rules, without a window: the invariants a user feels (the
// point under the cursor stays put while zooming, the content follows the drag) are checked by
// mapping world points to pixels before and after, not by re-deriving the camera formulas.
#include <gtest/gtest.h>

#include <cmath>

#include "app/map_interaction.hpp"

namespace faro::app {
namespace {

// A 20 km x 10 km box in UTM metres, the size of a city.
const Box kExtent{480000, 2130000, 500000, 2140000};

render::Camera city_camera() { return fit_camera(kExtent, 1000, 600); }

void expect_near(Vec2 a, Vec2 b, double tol) {
  EXPECT_NEAR(a.x, b.x, tol);
  EXPECT_NEAR(a.y, b.y, tol);
}

TEST(MapInteraction, FitShowsTheWholeExtentWithPadding) {
  const render::Camera c = city_camera();
  const Box v = c.visible_box();
  EXPECT_LE(v.xmin, kExtent.xmin);
  EXPECT_GE(v.xmax, kExtent.xmax);
  EXPECT_LE(v.ymin, kExtent.ymin);
  EXPECT_GE(v.ymax, kExtent.ymax);
  // 20 km across 1000 - 2 * 24 px of padding (4 % of 600): 21.008... m per pixel.
  EXPECT_NEAR(c.metres_per_pixel(), 20000.0 / (1000 - 2 * 24.0), 1e-9);
}

TEST(MapInteraction, WheelZoomKeepsThePointUnderTheCursor) {
  render::Camera c = city_camera();
  MapInput in;
  in.mouse_in_map = true;
  in.mouse = {137.0, 411.0};
  in.wheel = 2;
  const Vec2 world = c.pixel_to_world(in.mouse);
  const double mpp = c.metres_per_pixel();
  ASSERT_TRUE(apply_map_input(c, in, kExtent));
  EXPECT_NEAR(c.metres_per_pixel(), mpp / (kWheelZoomStep * kWheelZoomStep), 1e-9);
  expect_near(c.world_to_pixel(world), in.mouse, 1e-6);
}

TEST(MapInteraction, WheelOutsideTheMapDoesNothing) {
  render::Camera c = city_camera();
  MapInput in;
  in.mouse_in_map = false;  // over a panel
  in.wheel = 3;
  EXPECT_FALSE(apply_map_input(c, in, kExtent));
}

TEST(MapInteraction, DragMovesTheContentWithTheMouse) {
  render::Camera c = city_camera();
  const Vec2 world{490000, 2135000};
  const Vec2 before = c.world_to_pixel(world);
  MapInput in;
  in.drag_delta = {35, -12};
  ASSERT_TRUE(apply_map_input(c, in, kExtent));
  expect_near(c.world_to_pixel(world), {before.x + 35, before.y - 12}, 1e-6);
}

TEST(MapInteraction, DoubleClickZoomsInTwiceAroundTheCursor) {
  render::Camera c = city_camera();
  MapInput in;
  in.mouse_in_map = true;
  in.double_click = true;
  in.mouse = {800, 100};
  const Vec2 world = c.pixel_to_world(in.mouse);
  const double mpp = c.metres_per_pixel();
  apply_map_input(c, in, kExtent);
  EXPECT_NEAR(c.metres_per_pixel(), mpp / 2, 1e-9);
  expect_near(c.world_to_pixel(world), in.mouse, 1e-6);
}

TEST(MapInteraction, ArrowKeysShowWhatLiesInThatDirection) {
  render::Camera c = city_camera();
  const Vec2 centre = c.centre();
  MapInput in;
  in.pan_x = 1;  // right arrow: look east
  in.pan_y = 1;  // down arrow: look south
  apply_map_input(c, in, kExtent);
  EXPECT_NEAR(c.centre().x - centre.x, 0.1 * 1000 * c.metres_per_pixel(), 1e-6);
  EXPECT_NEAR(c.centre().y - centre.y, -0.1 * 600 * c.metres_per_pixel(), 1e-6);
}

TEST(MapInteraction, PlusMinusZoomAroundTheCentreAndHomeFitsAll) {
  render::Camera c = city_camera();
  const render::Camera fitted = c;
  MapInput in;
  in.zoom_steps = 3;
  apply_map_input(c, in, kExtent);
  EXPECT_NEAR(c.metres_per_pixel(), fitted.metres_per_pixel() / std::pow(kWheelZoomStep, 3), 1e-9);
  expect_near(c.centre(), fitted.centre(), 1e-6);
  in = {};
  in.drag_delta = {300, 200};
  apply_map_input(c, in, kExtent);
  in = {};
  in.home = true;
  apply_map_input(c, in, kExtent);
  expect_near(c.centre(), fitted.centre(), 1e-6);
  EXPECT_NEAR(c.metres_per_pixel(), fitted.metres_per_pixel(), 1e-9);
}

TEST(MapInteraction, ZoomIsClampedAtBothEnds) {
  render::Camera c = city_camera();
  const double fitted = c.metres_per_pixel();
  MapInput in;
  in.mouse_in_map = true;
  in.mouse = {500, 300};
  in.wheel = -40;  // far out
  apply_map_input(c, in, kExtent);
  EXPECT_NEAR(c.metres_per_pixel(), kMaxZoomOutFactor * fitted, 1e-6);
  in.wheel = 200;  // far in
  apply_map_input(c, in, kExtent);
  EXPECT_NEAR(c.metres_per_pixel(), kMinMetresPerPixel, 1e-12);
}

TEST(MapInteraction, ZoomToBoxFramesTheBox) {
  render::Camera c = city_camera();
  const Box sector{491000, 2134000, 492000, 2134500};
  zoom_to_box(c, sector);
  const Box v = c.visible_box();
  EXPECT_LE(v.xmin, sector.xmin);
  EXPECT_GE(v.xmax, sector.xmax);
  EXPECT_LT(v.width(), 2 * sector.width());
}

TEST(ClickSelection, PlainClickSelectsOneCtrlClickToggles) {
  std::vector<std::string> sel;
  EXPECT_TRUE(apply_click_selection(sel, std::string("A"), false));
  EXPECT_EQ(sel, (std::vector<std::string>{"A"}));
  EXPECT_TRUE(apply_click_selection(sel, std::string("B"), false));
  EXPECT_EQ(sel, (std::vector<std::string>{"B"}));
  EXPECT_TRUE(apply_click_selection(sel, std::string("C"), true));
  EXPECT_EQ(sel, (std::vector<std::string>{"B", "C"}));
  EXPECT_TRUE(apply_click_selection(sel, std::string("B"), true));
  EXPECT_EQ(sel, (std::vector<std::string>{"C"}));
  EXPECT_FALSE(apply_click_selection(sel, std::nullopt, true));  // Ctrl on empty map: kept
  EXPECT_TRUE(apply_click_selection(sel, std::string("C"), false));  // the only one: cleared
  EXPECT_TRUE(sel.empty());
  sel = {"A", "B"};
  EXPECT_TRUE(apply_click_selection(sel, std::nullopt, false));  // empty map clears
  EXPECT_TRUE(sel.empty());
  EXPECT_FALSE(apply_click_selection(sel, std::nullopt, false));
}

}  // namespace
}  // namespace faro::app

namespace faro::app {
namespace {

TEST(MapInputRouting, NothingFocusedEverythingGoesToTheMap) {
  const MapInputRoute r = route_map_input({});
  EXPECT_TRUE(r.pointer);
  EXPECT_TRUE(r.wheel);
  EXPECT_TRUE(r.keys);
}

TEST(MapInputRouting, ATextFieldKeepsKeysAndWheel) {
  UiFocus f;
  f.text_input = true;
  f.wants_keyboard = true;
  const MapInputRoute r = route_map_input(f);
  EXPECT_FALSE(r.keys);
  EXPECT_FALSE(r.wheel);
  EXPECT_TRUE(r.pointer);  // a click on the map still leaves the field
}

TEST(MapInputRouting, APopupOrModalKeepsEverything) {
  UiFocus f;
  f.popup_open = true;
  const MapInputRoute r = route_map_input(f);
  EXPECT_FALSE(r.keys);
  EXPECT_FALSE(r.wheel);
  EXPECT_FALSE(r.pointer);
}

TEST(MapInputRouting, AFocusedDialogKeepsKeysButNotTheMouseOverTheMap) {
  UiFocus f;
  f.dialog_focused = true;  // File > Open data
  const MapInputRoute r = route_map_input(f);
  EXPECT_FALSE(r.keys);   // '+' typed there does not zoom the map
  EXPECT_TRUE(r.wheel);   // the wheel goes where the pointer is
  f.wants_mouse = true;   // the pointer over the dialog
  EXPECT_FALSE(route_map_input(f).wheel);
}

}  // namespace
}  // namespace faro::app
