#pragma once
// Regular tessellations over an extent for hotspot analysis: square cells or pointy-top hexagons,
// in the working CRS (metres). Cells are numbered row-major from the south-west corner.
//
// Cell size: for squares, the side; for hexagons, the distance between the centres of adjacent
// cells (= the width across flats, sqrt(3) x the circumradius), so a "500 m" grid has cell
// centres 500 m apart with either shape. A hexagon of size d has area (sqrt(3)/2) d².
//
// Hexagon layout ("odd-r" offset rows): row r has centres at y = ymin + r * 1.5 R and
// x = xmin + (c + 0.5 * (r odd)) * d, where R = d / sqrt(3) is the circumradius.
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/geometry.hpp"
#include "core/spatial_weights.hpp"

namespace faro {

enum class CellShape { square, hexagon };

class CellGrid {
 public:
  // Covers `extent` (non-empty) with cells of `cell_m` metres (> 0). Throws UsageError when the
  // grid would exceed `max_cells` cells.
  CellGrid(CellShape shape, double cell_m, const Box& extent, size_t max_cells = 20'000'000);

  CellShape shape() const { return shape_; }
  double cell_size() const { return cell_; }
  int cols() const { return cols_; }
  int rows() const { return rows_; }
  size_t size() const { return static_cast<size_t>(cols_) * rows_; }
  double cell_area() const;

  // Cell containing (x, y), or nullopt when the point falls outside the grid. Points on a shared
  // edge go to one cell deterministically.
  std::optional<uint32_t> cell_of(double x, double y) const;
  // Assigns many points; -1 where outside. Multithreaded for large inputs (0 = hardware threads).
  std::vector<int32_t> assign(std::span<const double> xs, std::span<const double> ys,
                              unsigned threads = 0) const;

  Vec2 center(uint32_t cell) const;
  Polygon polygon(uint32_t cell) const;  // counter-clockwise ring

  // Adjacent cells of `cell` that exist in the grid: 8 (queen) for squares, 6 for hexagons.
  std::vector<uint32_t> adjacent(uint32_t cell) const;
  // Contiguity weights among a subset of cells (`cells`, e.g. those inside the study area); unit k
  // of the result is cells[k].
  SpatialWeights weights(std::span<const uint32_t> cells) const;

 private:
  CellShape shape_;
  double cell_;
  double radius_ = 0;  // hexagon circumradius
  double x0_ = 0, y0_ = 0;
  int cols_ = 0, rows_ = 0;
};

}  // namespace faro
