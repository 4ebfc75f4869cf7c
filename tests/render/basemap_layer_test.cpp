// The basemap layer: a 2x2 RGBA image over a known box lands north-up on its pixels (row 0 of the
// image is north), transparent texels show the background, and a bad size is refused.
#include <gtest/gtest.h>

#include <cstdlib>

#include "core/errors.hpp"
#include "gl_test_support.hpp"
#include "render/basemap_layer.hpp"
#include "render/map_renderer.hpp"

namespace {

using faro::render::Rgba8;

constexpr faro::Vec2 kCentre{486000.0, 2147000.0};

bool near(Rgba8 a, Rgba8 b, int tol) {
  return std::abs(a.r - b.r) <= tol && std::abs(a.g - b.g) <= tol && std::abs(a.b - b.b) <= tol &&
         std::abs(a.a - b.a) <= tol;
}

TEST(BasemapLayer, ImageRowZeroIsNorth) {
  FARO_REQUIRE_GL(gl);
  // NW red, NE green, SW blue, SE transparent; covering the 200 m box around the centre.
  const std::vector<uint8_t> rgba{255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 0, 0, 0, 0};
  const faro::Box box{kCentre.x - 100, kCentre.y - 100, kCentre.x + 100, kCentre.y + 100};
  faro::render::BasemapLayer layer(rgba, 2, 2, box);
  const faro::render::Camera cam(kCentre, 1.0, 200, 200);
  faro::render::MapRenderOptions options;
  options.background = {255, 255, 255, 255};
  const auto image = faro::render::render_map({&layer}, cam, options);
  // Texel centres sit at pixels (50, 50), (150, 50), ...; bilinear filtering blends near the
  // middle.
  EXPECT_TRUE(near(image.at(50, 50), {255, 0, 0, 255}, 3));
  EXPECT_TRUE(near(image.at(150, 50), {0, 255, 0, 255}, 3));
  EXPECT_TRUE(near(image.at(50, 150), {0, 0, 255, 255}, 3));
  EXPECT_TRUE(near(image.at(150, 150), {255, 255, 255, 255}, 3));  // transparent: background
  EXPECT_THROW(faro::render::BasemapLayer(rgba, 3, 2, box), faro::UsageError);
}

}  // namespace
