#pragma once
// Private to src/io: a fast stand-in for PROJ on longitude/latitude -> projected transformations
// (the loaders' EPSG:4326 -> UTM), with a stated error bound against PROJ itself.
//
// The plane is cut into kTileDeg x kTileDeg tiles aligned on multiples of kTileDeg. A tile is built
// only once a batch puts at least kMinPointsToBuild points in it: PROJ is evaluated on a regular
// node lattice (step h, one extra node on each side), and a point inside the tile is the bicubic
// Lagrange interpolation of the 4 x 4 nodes around its cell (stored per cell as a bicubic
// polynomial in the cell's local coordinates). The lattice is refined (h halved)
// until, at the midpoint of every cell (where the cubic error kernel peaks), the interpolated
// point lies within kBuildToleranceM of PROJ's; a tile that cannot reach it by kMaxCellsPerSide,
// or where PROJ fails at a node, is left to PROJ. Points in no built tile are left to the caller.
// The stated bound, kMaxErrorM (twice the build tolerance), is what tests check on random points
// of real data and of a worst-case extent.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

namespace faro::io {

class ReprojectGrid {
 public:
  // PROJ on n points in place (x = longitude, y = latitude in, easting/northing out); false when
  // any point failed (the values are then not used).
  using Exact = std::function<bool(size_t n, double* x, double* y)>;

  static constexpr double kMaxErrorM = 1e-4;        // 0.1 mm: the stated bound (distance)
  static constexpr double kBuildToleranceM = 5e-5;  // what each built tile meets at midpoints
  static constexpr double kTileDeg = 0.5;
  static constexpr int kFirstCellsPerSide = 4;  // h = 0.125 degree
  static constexpr int kMaxCellsPerSide = 64;   // h = 1/128 degree, else PROJ
  static constexpr size_t kMinPointsToBuild = 256;
  static constexpr size_t kMaxTiles = 4096;
  // Coefficient memory; past it, new tiles are left to PROJ.
  static constexpr size_t kMaxGridBytes = size_t{32} << 20;
  static constexpr double kMaxAbsLatitude = 84;  // UTM's own limit

  explicit ReprojectGrid(Exact exact);
  ~ReprojectGrid();

  // Replaces (x[i], y[i]) by the interpolation where the point lies in a usable tile (building
  // the tiles that this batch fills enough); the indices of the others are appended to `rest`,
  // untouched, for PROJ.
  void transform(size_t n, double* x, double* y, std::vector<uint32_t>& rest);

  // For tests: the tiles built so far, and the lattice step (degrees) of the tile holding a
  // point (0 when that tile is not built or left to PROJ).
  size_t tiles_built() const { return tiles_.size(); }
  double step_at(double lon, double lat) const;

 private:
  struct Tile;
  const Tile* find(int64_t key) const;
  const Tile* build(int64_t key);
  static bool key_of(double lon, double lat, int64_t& key);

  Exact exact_;
  std::vector<std::unique_ptr<Tile>> tiles_;
  std::unordered_map<int64_t, const Tile*> by_key_;
  size_t grid_bytes_ = 0;
  std::vector<uint32_t> pending_;  // points of tiles not built yet (reused across batches)
};

}  // namespace faro::io
