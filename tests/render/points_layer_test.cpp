// Incidents drawn as instanced quads: a dot lands centred on its projected pixel with the asked
// diameter and a round, antialiased edge (total coverage = the disc's area), colours follow the
// category palette, sizes beyond the driver's GL point-size limit work, and tiled rendering gives
// the same dots as one pass (within two levels of edge coverage).
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "gl_test_support.hpp"
#include "render/map_renderer.hpp"
#include "render/points_layer.hpp"

namespace faro::render {
namespace {

constexpr Vec2 kCentre{486000, 2148000};

struct Blob {
  double coverage = 0;  // pixels covered (alpha / the palette's alpha; edges counted partly)
  double cx = 0, cy = 0;
  int xmin = 1 << 30, xmax = -1, ymin = 1 << 30, ymax = -1;  // pixels with alpha > 50 %
};

Blob measure(const RgbaImage& img) {
  Blob b;
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) {
      const double a = img.at(x, y).a / double(kPointPalette[0].a);  // palette alpha 230
      b.coverage += a;
      b.cx += a * (x + 0.5);
      b.cy += a * (y + 0.5);
      if (a > 0.5) {  // more than half covered
        b.xmin = std::min(b.xmin, x), b.xmax = std::max(b.xmax, x);
        b.ymin = std::min(b.ymin, y), b.ymax = std::max(b.ymax, y);
      }
    }
  if (b.coverage > 0) b.cx /= b.coverage, b.cy /= b.coverage;
  return b;
}

// Renders `st` on a transparent background without MSAA (the dot's edge is the shader's own).
RgbaImage draw(const IncidentStore& st, float size_px, const Camera& camera, int max_tile = 0) {
  PointsLayer layer(st, size_px);
  MapRenderOptions ro;
  ro.background = {0, 0, 0, 0};
  ro.samples = 0;
  ro.max_tile_size = max_tile;
  return render_map({&layer}, camera, ro);
}

TEST(PointsLayer, DotIsCentredOnItsPixelWithTheAskedDiameter) {
  FARO_REQUIRE_GL(gl);
  const Camera camera(kCentre, 10, 300, 200);  // 10 m per pixel
  IncidentStore st;
  const Vec2 p{kCentre.x + 523, kCentre.y - 311};  // off the pixel grid
  st.push_back(p.x, p.y, 0, 0, 0);
  const Vec2 want = camera.world_to_pixel(p);
  for (float size : {3.0f, 9.0f, 24.0f}) {
    const Blob b = measure(draw(st, size, camera));
    const double r = size / 2;
    EXPECT_NEAR(b.coverage, std::numbers::pi * r * r, 0.05 * std::numbers::pi * r * r + 1) << size;
    EXPECT_NEAR(b.cx, want.x, 0.2) << size;
    EXPECT_NEAR(b.cy, want.y, 0.2) << size;
    // Pixels more than half covered span the diameter (± 1 px for the pixel grid).
    EXPECT_NEAR(b.xmax - b.xmin + 1, size, 1.01) << size;
    EXPECT_NEAR(b.ymax - b.ymin + 1, size, 1.01) << size;
  }
}

TEST(PointsLayer, DotsLargerThanTheGlPointSizeLimitWork) {
  FARO_REQUIRE_GL(gl);
  GLfloat range[2] = {0, 0};
  glGetFloatv(GL_POINT_SIZE_RANGE, range);  // llvmpipe: 255; many GPUs: 64..2047
  const float size = std::max(300.0f, range[1] + 40.0f);
  const int w = static_cast<int>(size) + 100;
  const Camera camera(kCentre, 1, w, w);
  IncidentStore st;
  st.push_back(kCentre.x, kCentre.y, 0, 0, 0);
  const Blob b = measure(draw(st, size, camera));
  EXPECT_NEAR(b.xmax - b.xmin + 1, size, 1.01) << "GL point-size limit " << range[1];
  EXPECT_NEAR(b.coverage, std::numbers::pi * size * size / 4, 0.002 * size * size);
  // Round, not square: the bounding box corners are empty.
  const RgbaImage img = draw(st, size, camera);
  EXPECT_EQ(img.at(b.xmin + 2, b.ymin + 2).a, 0);
  EXPECT_EQ(img.at(w / 2, w / 2).a, kPointPalette[0].a);
}

TEST(PointsLayer, ColourFollowsTheCategoryPalette) {
  FARO_REQUIRE_GL(gl);
  const Camera camera(kCentre, 1, 200, 100);
  IncidentStore st;
  st.categories.intern("robo");       // code 1
  st.categories.intern("homicidio");  // code 2
  st.push_back(kCentre.x - 50, kCentre.y, 0, 1, 0);
  st.push_back(kCentre.x + 50, kCentre.y, 0, 2, 0);
  const RgbaImage img = draw(st, 20, camera);
  for (int k : {1, 2}) {
    const Vec2 px = camera.world_to_pixel({kCentre.x + (k == 1 ? -50 : 50), kCentre.y});
    const Rgba8 got = img.at(static_cast<int>(px.x), static_cast<int>(px.y));
    const Rgba8 want = kPointPalette[k];
    EXPECT_NEAR(got.r, want.r, 1) << k;
    EXPECT_NEAR(got.g, want.g, 1) << k;
    EXPECT_NEAR(got.b, want.b, 1) << k;
    EXPECT_EQ(got.a, want.a) << k;
  }
}

TEST(PointsLayer, TiledRenderingDrawsTheSameDots) {
  FARO_REQUIRE_GL(gl);
  const Camera camera(kCentre, 2, 320, 240);
  IncidentStore st;
  for (int i = 0; i < 40; ++i)  // some dots straddle the 64-px tile seams
    st.push_back(kCentre.x - 300 + 15.3 * i, kCentre.y - 200 + 9.7 * i, 0, i % 5, 0);
  const RgbaImage whole = draw(st, 11, camera);
  const RgbaImage tiled = draw(st, 11, camera, 64);
  // Compared premultiplied: the readback un-premultiplies, so a faint edge pixel's colour
  // channels are coarsely quantised (alpha 3/255 leaves ~85 levels per step).
  size_t differ = 0;
  int worst = 0;
  for (size_t i = 0; i < whole.pixels.size(); i += 4)
    for (int k = 0; k < 4; ++k) {
      const int aw = whole.pixels[i + 3], at = tiled.pixels[i + 3];
      const double vw = k == 3 ? aw : whole.pixels[i + k] * aw / 255.0;
      const double vt = k == 3 ? at : tiled.pixels[i + k] * at / 255.0;
      const int d = static_cast<int>(std::lround(std::abs(vw - vt)));
      differ += d > 1;
      worst = std::max(worst, d);
    }
  // llvmpipe interpolates the quad's offsets from vertices snapped to its sub-pixel grid in each
  // tile's own coordinates: edge coverage may move by a level or two, never more.
  EXPECT_LE(worst, 2);
  EXPECT_LT(differ, whole.pixels.size() / 1000) << "largest difference " << worst;
}

}  // namespace
}  // namespace faro::render
