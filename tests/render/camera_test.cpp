// Map camera: x = easting to the right, y = northing up, row 0 at the top; round trips, fitting,
// tiles (sub_view) and the local-origin view matrix. No GL needed.
#include "render/camera.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "core/errors.hpp"

namespace {

using faro::Box;
using faro::Vec2;
using faro::render::Camera;

// Mexico City in UTM 14N, where float precision would be ~0.25 m.
constexpr Vec2 kCentre{486000.0, 2147000.0};

TEST(Camera, KnownPointsProjectToExpectedPixels) {
  const Camera cam(kCentre, 2.0, 800, 600);  // 2 m per pixel
  const Vec2 c = cam.world_to_pixel(kCentre);
  EXPECT_DOUBLE_EQ(c.x, 400.0);
  EXPECT_DOUBLE_EQ(c.y, 300.0);
  // 100 m east and 60 m north: 50 px right and 30 px UP (smaller row).
  const Vec2 p = cam.world_to_pixel({kCentre.x + 100, kCentre.y + 60});
  EXPECT_DOUBLE_EQ(p.x, 450.0);
  EXPECT_DOUBLE_EQ(p.y, 270.0);
  // The top-left corner of the image is the north-west corner of the view.
  const Vec2 nw = cam.pixel_to_world({0, 0});
  EXPECT_DOUBLE_EQ(nw.x, kCentre.x - 800.0);
  EXPECT_DOUBLE_EQ(nw.y, kCentre.y + 600.0);
  const Box v = cam.visible_box();
  EXPECT_DOUBLE_EQ(v.xmin, kCentre.x - 800.0);
  EXPECT_DOUBLE_EQ(v.ymax, kCentre.y + 600.0);
  EXPECT_DOUBLE_EQ(v.width(), 1600.0);
  EXPECT_DOUBLE_EQ(v.height(), 1200.0);
}

TEST(Camera, WorldPixelWorldRoundTrip) {
  const Camera cam(kCentre, 0.37, 1920, 1080);
  for (double dx : {-3000.0, -1.25, 0.0, 17.5, 2500.0}) {
    for (double dy : {-900.0, 0.0, 3.3, 700.0}) {
      const Vec2 w{kCentre.x + dx, kCentre.y + dy};
      const Vec2 back = cam.pixel_to_world(cam.world_to_pixel(w));
      EXPECT_NEAR(back.x, w.x, 1e-9);
      EXPECT_NEAR(back.y, w.y, 1e-9);
    }
  }
}

TEST(Camera, FitCentresTheBoxWithPadding) {
  const Box box{480000, 2140000, 500000, 2150000};  // 20 km x 10 km
  const Camera cam = Camera::fit(box, 1000, 1000, 50);
  // Width limits: 20 km over 900 px.
  EXPECT_DOUBLE_EQ(cam.metres_per_pixel(), 20000.0 / 900.0);
  const Vec2 west = cam.world_to_pixel({box.xmin, 2145000});
  const Vec2 east = cam.world_to_pixel({box.xmax, 2145000});
  EXPECT_NEAR(west.x, 50.0, 1e-9);
  EXPECT_NEAR(east.x, 950.0, 1e-9);
  const Vec2 north = cam.world_to_pixel({490000, box.ymax});
  const Vec2 south = cam.world_to_pixel({490000, box.ymin});
  EXPECT_NEAR(north.y, 500.0 - 225.0, 1e-9);  // 10 km = 450 px, centred
  EXPECT_NEAR(south.y, 500.0 + 225.0, 1e-9);
  EXPECT_EQ(cam.local_origin(), (Vec2{490000, 2145000}));
  // An empty box still gives a usable camera.
  EXPECT_DOUBLE_EQ(Camera::fit(Box{}, 10, 10).metres_per_pixel(), 1.0);
}

TEST(Camera, SubViewMatchesTheParentPixels) {
  const Camera cam(kCentre, 1.5, 9000, 300);
  const Camera tile = cam.sub_view(4096, 256, 1024, 44);
  EXPECT_EQ(tile.width(), 1024);
  EXPECT_EQ(tile.height(), 44);
  EXPECT_EQ(tile.local_origin(), cam.local_origin());
  for (Vec2 w : {Vec2{kCentre.x + 10, kCentre.y - 100}, Vec2{kCentre.x - 2000, kCentre.y + 3}}) {
    const Vec2 a = cam.world_to_pixel(w);
    const Vec2 b = tile.world_to_pixel(w);
    EXPECT_NEAR(b.x, a.x - 4096, 1e-9);
    EXPECT_NEAR(b.y, a.y - 256, 1e-9);
  }
}

TEST(Camera, ViewMatrixMapsLocalOffsetsToNdcWithoutJitter) {
  // Zoomed to a block: 5 cm per pixel, 1000 m from the local origin.
  Camera cam({kCentre.x + 1000.25, kCentre.y - 999.75}, 0.05, 1000, 800);
  cam.set_local_origin(kCentre);
  const auto m = cam.view_matrix();
  auto to_pixel = [&](Vec2 world) {
    // What the vertex shader computes, in float, from the float offset.
    const float lx = static_cast<float>(world.x - kCentre.x);
    const float ly = static_cast<float>(world.y - kCentre.y);
    const float nx = m[0] * lx + m[3] * ly + m[6];
    const float ny = m[1] * lx + m[4] * ly + m[7];
    return Vec2{(nx + 1.0) * 0.5 * cam.width(), (1.0 - ny) * 0.5 * cam.height()};
  };
  for (Vec2 w : {cam.centre(), Vec2{cam.centre().x + 12.3, cam.centre().y - 7.7}}) {
    const Vec2 want = cam.world_to_pixel(w);
    const Vec2 got = to_pixel(w);
    // Well under a pixel at 5 cm/px; absolute UTM in float (0.25 m steps) would be off by up to 2.5
    // pixels.
    EXPECT_NEAR(got.x, want.x, 0.05);
    EXPECT_NEAR(got.y, want.y, 0.05);
  }
}

TEST(Camera, ZoomAtKeepsTheAnchorAndPanFollowsTheDrag) {
  Camera cam(kCentre, 10.0, 640, 480);
  const Vec2 anchor_px{100, 50};
  const Vec2 anchor = cam.pixel_to_world(anchor_px);
  cam.zoom_at(anchor_px, 4.0);
  EXPECT_DOUBLE_EQ(cam.metres_per_pixel(), 2.5);
  const Vec2 again = cam.world_to_pixel(anchor);
  EXPECT_NEAR(again.x, anchor_px.x, 1e-9);
  EXPECT_NEAR(again.y, anchor_px.y, 1e-9);
  const Vec2 before = cam.world_to_pixel(anchor);
  cam.pan_pixels(30, -20);
  const Vec2 after = cam.world_to_pixel(anchor);
  EXPECT_NEAR(after.x - before.x, 30, 1e-9);
  EXPECT_NEAR(after.y - before.y, -20, 1e-9);
}

TEST(Camera, RejectsBadSizesAndScales) {
  EXPECT_THROW(Camera(kCentre, 1.0, 0, 10), faro::UsageError);
  EXPECT_THROW(Camera(kCentre, 0.0, 10, 10), faro::UsageError);
  EXPECT_THROW(Camera(kCentre, std::nan(""), 10, 10), faro::UsageError);
  EXPECT_THROW(Camera::fit(Box{0, 0, 1, 1}, 10, -1), faro::UsageError);
}

}  // namespace
