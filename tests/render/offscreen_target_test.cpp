// Offscreen targets: cleared colours read back exactly (top-down, straight alpha), float targets,
// MSAA resolve, and a clear error past the GL size limits.
#include <gtest/gtest.h>

#include "gl_test_support.hpp"
#include "render/gl_handles.hpp"
#include "render/offscreen_target.hpp"

namespace {

using faro::render::OffscreenTarget;
using faro::render::PixelFormat;
using faro::render::Rgba8;

TEST(OffscreenTarget, ClearedColourReadsBack) {
  FARO_REQUIRE_GL(gl);
  OffscreenTarget target(37, 23);  // odd sizes: no row-alignment assumptions
  target.bind_for_drawing();
  target.clear({0.2f, 0.4f, 0.6f, 1.0f});
  const faro::render::RgbaImage image = target.read_rgba8();
  ASSERT_EQ(image.width, 37);
  ASSERT_EQ(image.height, 23);
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x) ASSERT_EQ(image.at(x, y), (Rgba8{51, 102, 153, 255}));
}

TEST(OffscreenTarget, RowZeroIsTheTopOfTheImage) {
  FARO_REQUIRE_GL(gl);
  OffscreenTarget target(8, 6);
  target.bind_for_drawing();
  target.clear({0, 0, 0, 1});
  // Scissored clear of the GL-bottom two rows: they must come back as the image's last rows.
  glEnable(GL_SCISSOR_TEST);
  glScissor(0, 0, 8, 2);
  glClearColor(1, 0, 0, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  glDisable(GL_SCISSOR_TEST);
  const auto image = target.read_rgba8();
  EXPECT_EQ(image.at(3, 5), (Rgba8{255, 0, 0, 255}));
  EXPECT_EQ(image.at(3, 4), (Rgba8{255, 0, 0, 255}));
  EXPECT_EQ(image.at(3, 3), (Rgba8{0, 0, 0, 255}));
  EXPECT_EQ(image.at(3, 0), (Rgba8{0, 0, 0, 255}));
}

TEST(OffscreenTarget, PremultipliedContentReadsAsStraightAlpha) {
  FARO_REQUIRE_GL(gl);
  OffscreenTarget target(4, 4);
  target.bind_for_drawing();
  // Straight (1.0, 0.5, 0, 0.4) stored premultiplied.
  target.clear({0.4f, 0.2f, 0.0f, 0.4f});
  const Rgba8 p = target.read_rgba8().at(1, 1);
  EXPECT_EQ(p.a, 102);
  EXPECT_NEAR(p.r, 255, 1);
  EXPECT_NEAR(p.g, 128, 2);
  EXPECT_EQ(p.b, 0);
  target.clear({0, 0, 0, 0});
  EXPECT_EQ(target.read_rgba8().at(2, 2), (Rgba8{0, 0, 0, 0}));
}

TEST(OffscreenTarget, FloatTargetsKeepValuesAboveOne) {
  FARO_REQUIRE_GL(gl);
  OffscreenTarget r32(5, 3, PixelFormat::r32f);
  r32.bind_for_drawing();
  r32.clear({1234.5f, 0, 0, 0});
  const std::vector<float> v = r32.read_float();
  ASSERT_EQ(v.size(), 15u);
  for (float x : v) EXPECT_EQ(x, 1234.5f);

  OffscreenTarget half(2, 2, PixelFormat::rgba16f);
  half.bind_for_drawing();
  half.clear({3.0f, -2.0f, 0.5f, 100.0f});
  const std::vector<float> h = half.read_float();
  ASSERT_EQ(h.size(), 16u);
  EXPECT_EQ(h[0], 3.0f);
  EXPECT_EQ(h[1], -2.0f);
  EXPECT_EQ(h[2], 0.5f);
  EXPECT_EQ(h[3], 100.0f);
  EXPECT_THROW(half.read_rgba8(), faro::render::GlError);
}

TEST(OffscreenTarget, MultisampledTargetResolvesOnRead) {
  FARO_REQUIRE_GL(gl);
  OffscreenTarget target(16, 16, PixelFormat::rgba8, 4);
  EXPECT_GE(target.samples(), 2);
  EXPECT_NE(target.draw_framebuffer(), 0u);
  target.bind_for_drawing();
  target.clear({0, 1, 0, 1});
  EXPECT_EQ(target.read_rgba8().at(15, 15), (Rgba8{0, 255, 0, 255}));
}

TEST(OffscreenTarget, BeyondGlLimitsIsAClearError) {
  FARO_REQUIRE_GL(gl);
  const int limit = faro::render::max_tile_size();
  EXPECT_GE(limit, 1024);
  try {
    OffscreenTarget too_wide(limit + 1, 8);
    FAIL() << "expected GlError";
  } catch (const faro::render::GlError& e) {
    EXPECT_NE(std::string(e.what()).find("render_tiled"), std::string::npos) << e.what();
  }
  EXPECT_THROW(OffscreenTarget(0, 8), faro::render::GlError);
}

TEST(GlHandles, MoveOnlyOwnershipDeletesOnce) {
  FARO_REQUIRE_GL(gl);
  static_assert(!std::is_copy_constructible_v<faro::render::Buffer>);
  static_assert(std::is_nothrow_move_constructible_v<faro::render::Buffer>);
  faro::render::Buffer a = faro::render::Buffer::create();
  const GLuint id = a.id();
  ASSERT_NE(id, 0u);
  glBindBuffer(GL_ARRAY_BUFFER, id);  // a name is only an object once bound
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  EXPECT_TRUE(glIsBuffer(id));
  faro::render::Buffer b = std::move(a);
  EXPECT_EQ(a.id(), 0u);
  EXPECT_EQ(b.id(), id);
  b = faro::render::Buffer();
  EXPECT_FALSE(glIsBuffer(id));
  faro::render::Shader s = faro::render::Shader::create(GL_FRAGMENT_SHADER);
  EXPECT_TRUE(glIsShader(s.id()));
}

}  // namespace
