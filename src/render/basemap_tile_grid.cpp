#include "render/basemap_tile_grid.hpp"

#include <algorithm>
#include <cmath>

#include "core/errors.hpp"

namespace faro::render {

BasemapTileGrid::BasemapTileGrid(const Box& extent, double finest)
    : extent_(extent), finest_(finest) {
  if (extent.empty() || !(extent.width() > 0) || !(extent.height() > 0) || !(finest > 0) ||
      !std::isfinite(finest))
    throw UsageError("basemap tiles: the raster needs a footprint and a positive pixel size");
  // Levels up to the one whose single tile spans the footprint (at most 30: 2^30 pixels).
  const double longest = std::max(extent.width(), extent.height());
  levels_ = 1;
  while (levels_ < 31 && tile_span(levels_ - 1) < longest) ++levels_;
}

double BasemapTileGrid::metres_per_pixel(int level) const {
  return std::ldexp(finest_, level);
}

int BasemapTileGrid::columns(int level) const {
  return std::max(1, static_cast<int>(std::ceil(extent_.width() / tile_span(level) - 1e-9)));
}

int BasemapTileGrid::rows(int level) const {
  return std::max(1, static_cast<int>(std::ceil(extent_.height() / tile_span(level) - 1e-9)));
}

int BasemapTileGrid::level_for(double view_mpp) const {
  if (empty() || !(view_mpp > 0)) return 0;
  // A hair of tolerance: a view at exactly 2^z times the raster's pixel size takes level z.
  const int z = static_cast<int>(std::floor(std::log2(view_mpp / finest_) + 1e-9));
  return std::clamp(z, 0, top_level());
}

Box BasemapTileGrid::tile_box(const TileKey& k) const {
  const double span = tile_span(k.level);
  const double x0 = extent_.xmin + k.col * span, y1 = extent_.ymax - k.row * span;
  return {x0, y1 - span, x0 + span, y1};
}

std::vector<TileKey> BasemapTileGrid::tiles_covering(const Box& view, int level) const {
  std::vector<TileKey> out;
  if (empty() || view.empty()) return out;
  level = std::clamp(level, 0, top_level());
  const double span = tile_span(level);
  const double x0 = std::max(view.xmin, extent_.xmin), x1 = std::min(view.xmax, extent_.xmax);
  const double y0 = std::max(view.ymin, extent_.ymin), y1 = std::min(view.ymax, extent_.ymax);
  if (!(x0 < x1) || !(y0 < y1)) return out;
  const int c0 = std::max(0, static_cast<int>(std::floor((x0 - extent_.xmin) / span)));
  const int c1 = std::min(columns(level) - 1, static_cast<int>(std::floor((x1 - extent_.xmin) / span)));
  const int r0 = std::max(0, static_cast<int>(std::floor((extent_.ymax - y1) / span)));
  const int r1 = std::min(rows(level) - 1, static_cast<int>(std::floor((extent_.ymax - y0) / span)));
  for (int r = r0; r <= r1; ++r)
    for (int c = c0; c <= c1; ++c) out.push_back({level, c, r});
  const double cx = (view.xmin + view.xmax) / 2, cy = (view.ymin + view.ymax) / 2;
  const auto distance = [&](const TileKey& k) {
    const Box b = tile_box(k);
    const double dx = (b.xmin + b.xmax) / 2 - cx, dy = (b.ymin + b.ymax) / 2 - cy;
    return dx * dx + dy * dy;
  };
  std::stable_sort(out.begin(), out.end(),
                   [&](const TileKey& a, const TileKey& b) { return distance(a) < distance(b); });
  return out;
}

TileKey BasemapTileGrid::ancestor(const TileKey& k, int level) {
  const int up = std::max(0, level - k.level);
  return {k.level + up, k.col >> up, k.row >> up};
}

std::array<float, 4> BasemapTileGrid::sub_rect(const TileKey& k, const TileKey& a) {
  const int up = a.level - k.level;
  if (up <= 0) return {0, 0, 1, 1};
  const float n = static_cast<float>(1 << up);
  const float u0 = static_cast<float>(k.col - (a.col << up)) / n;
  const float v0 = static_cast<float>(k.row - (a.row << up)) / n;
  return {u0, v0, u0 + 1 / n, v0 + 1 / n};
}

}  // namespace faro::render
