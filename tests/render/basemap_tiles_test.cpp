// The tiled basemap: the level a view draws is chosen from its metres per pixel; tiles covering a
// view come nearest the centre first; a coarse tile stands in for a missing finer one (the part
// over it); the LRU texture cache never holds more bytes than its cap and evicts the least
// recently used; new tiles redraw the renderer's reused frame; greyscale and dim apply.
#include <gtest/gtest.h>

#include <cstdlib>
#include <random>
#include <vector>

#include "core/errors.hpp"
#include "gl_test_support.hpp"
#include "render/basemap_tile_cache.hpp"
#include "render/basemap_tile_grid.hpp"
#include "render/basemap_tile_layer.hpp"
#include "render/style_renderer.hpp"

namespace {

using faro::Box;
using faro::render::BasemapTileGrid;
using faro::render::TileKey;
using faro::render::TileLru;

// 10240 x 5120 m at 1 m per pixel: 40 x 20 tiles at level 0, one 16384 m tile at level 6.
BasemapTileGrid wide_grid() { return BasemapTileGrid({0, 0, 10240, 5120}, 1.0); }

TEST(BasemapTileGrid, LevelFollowsMetresPerPixel) {
  const BasemapTileGrid g = wide_grid();
  EXPECT_EQ(g.top_level(), 6);
  EXPECT_EQ(g.columns(0), 40);
  EXPECT_EQ(g.rows(0), 20);
  EXPECT_EQ(g.columns(6), 1);
  EXPECT_DOUBLE_EQ(g.metres_per_pixel(3), 8.0);
  EXPECT_DOUBLE_EQ(g.tile_span(1), 512.0);
  // The coarsest level whose pixels are no larger than the screen's.
  EXPECT_EQ(g.level_for(0.25), 0);  // closer than the raster's own pixels: level 0, magnified
  EXPECT_EQ(g.level_for(1.0), 0);
  EXPECT_EQ(g.level_for(1.99), 0);
  EXPECT_EQ(g.level_for(2.0), 1);
  EXPECT_EQ(g.level_for(3.9), 1);
  EXPECT_EQ(g.level_for(4.0), 2);
  EXPECT_EQ(g.level_for(40.0), 5);
  EXPECT_EQ(g.level_for(1e6), 6);  // the whole raster in one tile
  EXPECT_THROW(BasemapTileGrid(Box{}, 1.0), faro::UsageError);
  EXPECT_THROW(BasemapTileGrid({0, 0, 10, 10}, 0.0), faro::UsageError);
}

TEST(BasemapTileGrid, TilesCoveringAViewNearestTheCentreFirst) {
  const BasemapTileGrid g = wide_grid();
  // Rows count south from the top edge (y = 5120).
  const Box b = g.tile_box({1, 1, 0});
  EXPECT_EQ(b.xmin, 512);
  EXPECT_EQ(b.xmax, 1024);
  EXPECT_EQ(b.ymax, 5120);
  EXPECT_EQ(b.ymin, 4608);
  const auto tiles = g.tiles_covering({100, 100, 300, 300}, 0);
  ASSERT_EQ(tiles.size(), 4u);
  EXPECT_EQ(tiles.front(), (TileKey{0, 0, 19}));  // its centre (128, 128) is nearest (200, 200)
  EXPECT_TRUE(g.tiles_covering({-500, -500, -10, -10}, 0).empty());  // off the raster
  // The whole extent at level 2 (1024 m tiles): 10 x 5.
  EXPECT_EQ(g.tiles_covering({-1e6, -1e6, 1e6, 1e6}, 2).size(), 50u);
  // Parents and the part of a parent over a child.
  EXPECT_EQ(BasemapTileGrid::ancestor({0, 5, 7}, 2), (TileKey{2, 1, 1}));
  const auto uv = BasemapTileGrid::sub_rect({0, 5, 7}, {2, 1, 1});
  EXPECT_FLOAT_EQ(uv[0], 0.25f);
  EXPECT_FLOAT_EQ(uv[1], 0.75f);
  EXPECT_FLOAT_EQ(uv[2], 0.5f);
  EXPECT_FLOAT_EQ(uv[3], 1.0f);
}

TEST(TileLru, EvictsTheLeastRecentlyUsedAndStaysUnderItsCap) {
  TileLru<int> lru(1000);
  EXPECT_TRUE(lru.insert({0, 0, 0}, 1, 400));
  EXPECT_TRUE(lru.insert({0, 1, 0}, 2, 400));
  ASSERT_NE(lru.find({0, 0, 0}), nullptr);  // now the most recently used
  EXPECT_TRUE(lru.insert({0, 2, 0}, 3, 400));
  EXPECT_TRUE(lru.contains({0, 0, 0}));
  EXPECT_FALSE(lru.contains({0, 1, 0}));  // the least recently used went
  EXPECT_TRUE(lru.contains({0, 2, 0}));
  EXPECT_EQ(lru.bytes(), 800u);
  EXPECT_EQ(lru.evictions(), 1u);
  EXPECT_FALSE(lru.insert({0, 3, 0}, 4, 1001));  // larger than the whole cap: refused
  EXPECT_EQ(lru.size(), 2u);
  // peek() does not count as a use.
  ASSERT_NE(lru.peek({0, 0, 0}), nullptr);
  lru.find({0, 2, 0});
  lru.insert({0, 4, 0}, 5, 400);
  EXPECT_FALSE(lru.contains({0, 0, 0}));

  // Random inserts and uses: never over the cap, and the byte count is the entries' sum.
  TileLru<int> big(256 * 1024);
  std::mt19937 rng(7);
  std::vector<std::pair<TileKey, size_t>> sizes;
  for (int i = 0; i < 20000; ++i) {
    const TileKey k{static_cast<int>(rng() % 4), static_cast<int>(rng() % 40),
                    static_cast<int>(rng() % 40)};
    if (rng() % 3 == 0) {
      big.find(k);
    } else {
      const size_t bytes = 1000 + rng() % 9000;
      big.insert(k, i, bytes);
      std::erase_if(sizes, [&](const auto& e) { return e.first == k; });
      sizes.emplace_back(k, bytes);
    }
    ASSERT_LE(big.bytes(), big.capacity_bytes());
  }
  size_t sum = 0;
  for (const auto& [k, bytes] : sizes)
    if (big.contains(k)) sum += bytes;
  EXPECT_EQ(sum, big.bytes());
  EXPECT_GT(big.evictions(), 0u);
}

std::vector<uint8_t> solid(uint8_t r, uint8_t g, uint8_t b) {
  std::vector<uint8_t> px(256 * 256 * 4);
  for (size_t i = 0; i < px.size(); i += 4) px[i] = r, px[i + 1] = g, px[i + 2] = b, px[i + 3] = 255;
  return px;
}

bool near(faro::render::Rgba8 p, int r, int g, int b, int tol = 3) {
  return std::abs(p.r - r) <= tol && std::abs(p.g - g) <= tol && std::abs(p.b - b) <= tol;
}

TEST(BasemapTileLayer, CoarseTilesStandInAndNewTilesRedraw) {
  FARO_REQUIRE_GL(gl);
  using namespace faro::render;
  // 512 m square at 1 m/px: four level-0 tiles under one level-1 tile. Cache: three tiles.
  const BasemapTileGrid grid({0, 0, 512, 512}, 1.0);
  StyleRenderer renderer;
  renderer.set_basemap_tiles("streets.tif",
                             std::make_unique<BasemapTileLayer>(grid, 3 * 256 * 256 * 4));
  BasemapTileLayer* tiles = renderer.basemap_tiles("streets.tif");
  ASSERT_NE(tiles, nullptr);
  faro::MapStyle style;
  faro::StyleLayer base = faro::make_layer(faro::LayerKind::basemap);
  base.source = "streets.tif";
  style.layers.push_back(base);
  FrameExtras extras;

  // The top-left level-0 tile's view (128, 384), 1 m/px: nothing cached yet, both levels wanted,
  // the coarse one first.
  const Camera cam({128, 384}, 1.0, 200, 200);
  EXPECT_EQ(tiles->level_for(cam), 0);
  auto missing = tiles->missing(cam);
  ASSERT_EQ(missing.size(), 2u);
  EXPECT_EQ(missing[0], (TileKey{1, 0, 0}));
  EXPECT_EQ(missing[1], (TileKey{0, 0, 0}));
  renderer.render(cam, style, extras);
  EXPECT_TRUE(near(renderer.read_back().at(100, 100), 250, 250, 248));  // nothing yet: background

  tiles->add_tile({1, 0, 0}, solid(220, 30, 30));  // coarse red
  EXPECT_FALSE(tiles->complete(cam));
  renderer.render(cam, style, extras);  // the frame is redrawn: a tile arrived
  EXPECT_TRUE(near(renderer.read_back().at(100, 100), 220, 30, 30));
  tiles->add_tile({0, 0, 0}, solid(30, 160, 40));  // its finer tile, green
  EXPECT_TRUE(tiles->complete(cam));
  EXPECT_TRUE(tiles->missing(cam).empty());
  renderer.render(cam, style, extras);
  EXPECT_TRUE(near(renderer.read_back().at(100, 100), 30, 160, 40));

  // Greyscale and dim (Rec. 709 luma of (30, 160, 40) = 124, then half-way to white = 190).
  style.layers[0].basemap = {true, 0.5f};
  renderer.render(cam, style, extras);
  EXPECT_TRUE(near(renderer.read_back().at(100, 100), 190, 190, 190));

  // The cap holds: three tiles at most; the least recently drawn go first.
  tiles->add_tile({0, 1, 0}, solid(0, 0, 200));
  tiles->add_tile({0, 0, 1}, solid(0, 0, 200));
  tiles->add_tile({0, 1, 1}, solid(0, 0, 200));
  EXPECT_EQ(tiles->cached_tiles(), 3u);
  EXPECT_LE(tiles->cached_bytes(), tiles->capacity_bytes());
  EXPECT_FALSE(tiles->cached({1, 0, 0}));  // drawn longest ago
  EXPECT_THROW(tiles->add_tile({0, 0, 0}, std::vector<uint8_t>(16)), faro::UsageError);
  renderer.set_basemap_tiles("streets.tif", nullptr);  // textures die with the context current
}

}  // namespace
