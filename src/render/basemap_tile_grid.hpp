#pragma once
// The tile pyramid a raster basemap is read and drawn in: 256 x 256 pixel tiles on a power-of-two
// level grid in the working CRS, anchored at the top-left corner (xmin, ymax) of the raster's
// reprojected footprint. Level 0 has the raster's own pixel size; each level up doubles it, so a
// tile of level z covers exactly the four tiles (2c..2c+1, 2r..2r+1) of level z - 1. The top level
// holds the whole footprint in one tile. Pure arithmetic (no GL, no GDAL): the live map chooses
// tiles here, the loader reads them (app/basemap_loader.hpp), the GPU cache keeps them
// (render/basemap_tile_cache.hpp).
//
// Units: metres of the working CRS; columns grow east, rows grow south.
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "core/geometry.hpp"

namespace faro::render {

struct TileKey {
  int level = 0, col = 0, row = 0;
  friend bool operator==(const TileKey&, const TileKey&) = default;
  friend auto operator<=>(const TileKey&, const TileKey&) = default;
};

struct TileKeyHash {
  size_t operator()(const TileKey& k) const {
    return std::hash<uint64_t>()((static_cast<uint64_t>(static_cast<uint32_t>(k.level)) << 52) ^
                                 (static_cast<uint64_t>(static_cast<uint32_t>(k.col)) << 26) ^
                                 static_cast<uint32_t>(k.row));
  }
};

class BasemapTileGrid {
 public:
  static constexpr int kTilePixels = 256;

  BasemapTileGrid() = default;
  // `extent`: the raster's footprint in the working CRS; `finest_metres_per_pixel`: its
  // full-resolution pixel size there. Throws faro::UsageError for an empty extent or a
  // non-positive pixel size.
  BasemapTileGrid(const Box& extent, double finest_metres_per_pixel);

  const Box& extent() const { return extent_; }
  bool empty() const { return levels_ == 0; }
  int top_level() const { return levels_ - 1; }  // one tile holds the whole footprint
  double metres_per_pixel(int level) const;       // finest * 2^level
  double tile_span(int level) const { return kTilePixels * metres_per_pixel(level); }
  int columns(int level) const;
  int rows(int level) const;

  // The level a view of `view_metres_per_pixel` draws: the coarsest whose pixels are no larger
  // than the screen's (so the raster is never magnified while finer data exists), i.e.
  // floor(log2(view / finest)) clamped to [0, top_level()].
  int level_for(double view_metres_per_pixel) const;

  Box tile_box(const TileKey& key) const;
  // Tiles of `level` that meet `view` (and the footprint), nearest the view's centre first, so
  // the loader fetches what the eye looks at before the edges.
  std::vector<TileKey> tiles_covering(const Box& view, int level) const;
  // The tile of `level` (>= key.level) that contains `key`.
  static TileKey ancestor(const TileKey& key, int level);
  // The part of `ancestor`'s texture that `key` covers: u0, v0, u1, v1 (v = 0 at the north edge).
  static std::array<float, 4> sub_rect(const TileKey& key, const TileKey& ancestor);

 private:
  Box extent_;
  double finest_ = 0;
  int levels_ = 0;
};

}  // namespace faro::render
