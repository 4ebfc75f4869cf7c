// `faro render --width 12000 --height 12000` aborted (exit 134) on llvmpipe: a 12000² x4
// multisampled framebuffer is "incomplete" (0x8CD6) although inside GL_MAX_RENDERBUFFER_SIZE.
// render_tiled now keeps multisampled tiles within 4096 px and retries a refused target smaller,
// and a target that cannot be made at all is a ResourceError (exit 3), never std::terminate.
// Kept fast: a 12000-pixel-wide strip shows the tile cap (the full 12000² render takes ~20 s on
// llvmpipe and is measured by hand: see the README's Reliability section).
#include <gtest/gtest.h>

#include <set>

#include "core/errors.hpp"
#include "gl_test_support.hpp"
#include "render/offscreen_target.hpp"

namespace {

using faro::render::TileViewport;

TEST(LargeTargetFallback, MultisampledTilesStayWithinWhatDriversAllocate) {
  FARO_REQUIRE_GL(gl);
  faro::render::TiledRenderOptions options;
  options.samples = 4;
  options.clear_color = {0, 0.5f, 0, 1};
  std::vector<TileViewport> tiles;
  const faro::render::RgbaImage image = faro::render::render_tiled(
      12000, 64, [&](const TileViewport& t) { tiles.push_back(t); }, options);
  ASSERT_EQ(image.width, 12000);
  ASSERT_EQ(image.height, 64);
  EXPECT_EQ(tiles.size(), 3u);  // 4096 + 4096 + 3808 (the GL limit alone would allow one)
  size_t covered = 0;
  for (const TileViewport& t : tiles) {
    EXPECT_LE(t.width, 4096);
    EXPECT_LE(t.height, 4096);
    covered += static_cast<size_t>(t.width) * t.height;
  }
  EXPECT_EQ(covered, size_t{12000} * 64);
  EXPECT_EQ(image.at(0, 0), (faro::render::Rgba8{0, 128, 0, 255}));
  EXPECT_EQ(image.at(11999, 63), (faro::render::Rgba8{0, 128, 0, 255}));
}

TEST(LargeTargetFallback, ATargetTheDriverRefusesIsAResourceError) {
  FARO_REQUIRE_GL(gl);
  // Beyond every GL limit: refused before any allocation, as a GL resource error.
  const int beyond = faro::render::max_tile_size() + 1;
  try {
    faro::render::OffscreenTarget t(beyond, 16, faro::render::PixelFormat::rgba8, 4);
    ADD_FAILURE() << "a " << beyond << " px target was accepted";
  } catch (const faro::ResourceError& e) {
    EXPECT_EQ(e.resource, faro::Resource::gl);
  }
}

}  // namespace
