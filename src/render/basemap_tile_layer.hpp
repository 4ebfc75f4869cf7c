#pragma once
// A raster basemap drawn tile by tile from a bounded cache of GPU textures: the live map's
// basemap. Tiles (256 x 256 RGBA, on the pyramid of render/basemap_tile_grid.hpp) are read on a
// background thread (app/basemap_loader.hpp) and handed in with add_tile(); draw() never waits
// for one. Each tile slot of the level the view wants is drawn once, from the first of:
//   its own texture; the nearest cached coarser tile (the part of it over the slot: zooming in
//   shows a blurred map at once, sharpening as the finer tiles arrive); its cached children one
//   level finer (zooming out). Slots never overlap, so a translucent basemap blends evenly.
// Textures live in an LRU cache capped in bytes (render/basemap_tile_cache.hpp); the least
// recently drawn are deleted first.
//
// Needs the GL context that created it current for every call (the live map's UI thread).
#include <cstdint>
#include <span>
#include <vector>

#include "core/map_style.hpp"
#include "render/basemap_tile_cache.hpp"
#include "render/basemap_tile_grid.hpp"
#include "render/gl_handles.hpp"
#include "render/map_layer.hpp"
#include "render/shader_program.hpp"

namespace faro::render {

class BasemapTileLayer {
 public:
  explicit BasemapTileLayer(const BasemapTileGrid& grid,
                            size_t cache_bytes = kDefaultTileCacheBytes);

  const BasemapTileGrid& grid() const { return grid_; }
  // The pyramid level `camera` draws (from its metres per pixel).
  int level_for(const Camera& camera) const { return grid_.level_for(camera.metres_per_pixel()); }
  // Tiles the camera's view needs and the cache lacks, in the order worth reading them: the
  // view at a level 3 steps coarser (a few tiles: something to show at once), then the view's
  // own level, each nearest the centre first.
  std::vector<TileKey> missing(const Camera& camera) const;
  bool cached(const TileKey& key) const { return cache_.contains(key); }
  // Whether every tile of the camera's own level over its view is cached (nothing blurred).
  bool complete(const Camera& camera) const;

  // Uploads one tile: kTilePixels^2 RGBA, rows north first, straight alpha. Evicts the least
  // recently used tiles beyond the cap. Throws faro::UsageError for a wrong size.
  void add_tile(const TileKey& key, std::span<const uint8_t> rgba);
  void clear();

  // Draws the view with `opacity` and `look` (greyscale, dim), in the renderer's entry state.
  void draw(const FrameContext& frame, float opacity, const BasemapStyle& look);

  size_t cached_bytes() const { return cache_.bytes(); }
  size_t capacity_bytes() const { return cache_.capacity_bytes(); }
  size_t cached_tiles() const { return cache_.size(); }
  // Changes with every tile added (the renderer redraws a reused frame when it moves).
  uint64_t version() const { return version_; }

 private:
  void draw_slot(const Box& slot, const Texture& texture, const std::array<float, 4>& uv);

  BasemapTileGrid grid_;
  Vec2 origin_;  // layer origin: the footprint's centre, whole metres
  ShaderProgram program_;
  VertexArray vao_;
  Buffer corners_;
  TileLru<Texture> cache_;
  uint64_t version_ = 0;
};

}  // namespace faro::render
