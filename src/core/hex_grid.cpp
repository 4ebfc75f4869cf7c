#include "core/hex_grid.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "core/errors.hpp"
#include "core/parallel_for.hpp"

namespace faro {
namespace {
constexpr double kSqrt3 = 1.7320508075688772;
}

CellGrid::CellGrid(CellShape shape, double cell_m, const Box& extent, size_t max_cells)
    : shape_(shape), cell_(cell_m) {
  if (!(cell_m > 0) || !std::isfinite(cell_m)) throw UsageError("cell size must be > 0 metres");
  if (extent.empty()) throw UsageError("cannot build a grid over an empty extent");
  x0_ = extent.xmin;
  y0_ = extent.ymin;
  double cols = 0, rows = 0;
  if (shape == CellShape::square) {
    // Corner at (xmin, ymin); at least one cell; the max edge belongs to the last cell.
    cols = std::max(1.0, std::ceil(extent.width() / cell_m));
    rows = std::max(1.0, std::ceil(extent.height() / cell_m));
  } else {
    // Centre of cell (0, 0) at (xmin, ymin). Rows are 1.5 R apart and a row covers its full band
    // of +-R/2 around the centres, so floor(H / 1.5R) + 2 rows (and columns likewise) cover the
    // extent (see the header for the layout).
    radius_ = cell_m / kSqrt3;
    cols = std::floor(extent.width() / cell_m) + 2;
    rows = std::floor(extent.height() / (1.5 * radius_)) + 2;
  }
  // Compared as doubles: a tiny cell (1e-300 m) makes cols*rows infinite, and casting that to an
  // integer would be undefined; the message prints the count as a double for the same reason.
  const double cells = cols * rows;
  if (!(cells <= static_cast<double>(max_cells))) {
    char what[96];
    std::snprintf(what, sizeof what, "grid of %.3g cells (cell %g m)", cells, cell_m);
    throw UsageError(std::string(what) + " is too large; use a larger cell size");
  }
  cols_ = static_cast<int>(cols);
  rows_ = static_cast<int>(rows);
}

double CellGrid::cell_area() const {
  return shape_ == CellShape::square ? cell_ * cell_ : 0.5 * kSqrt3 * cell_ * cell_;
}

std::optional<uint32_t> CellGrid::cell_of(double x, double y) const {
  if (!std::isfinite(x) || !std::isfinite(y)) return std::nullopt;
  long c = 0, r = 0;
  if (shape_ == CellShape::square) {
    const double fx = (x - x0_) / cell_, fy = (y - y0_) / cell_;
    // Range-checked before the cast: a far point's index may not fit in a long.
    if (fx < 0 || fy < 0 || fx > cols_ || fy > rows_) return std::nullopt;
    c = static_cast<long>(fx);
    r = static_cast<long>(fy);
    // A point exactly on the extent's max edge belongs to the last cell.
    if (c == cols_ && fx == cols_) c = cols_ - 1;
    if (r == rows_ && fy == rows_) r = rows_ - 1;
  } else {
    // Fractional axial coordinates of a pointy-top layout, then cube rounding (the nearest centre).
    const double px = x - x0_, py = y - y0_;
    const double fq = (kSqrt3 / 3 * px - py / 3) / radius_;
    const double fr = (2.0 / 3 * py) / radius_;
    const double fs = -fq - fr;
    double q = std::round(fq), rr = std::round(fr), s = std::round(fs);
    const double dq = std::abs(q - fq), dr = std::abs(rr - fr), ds = std::abs(s - fs);
    if (dq > dr && dq > ds) {
      q = -rr - s;
    } else if (dr > ds) {
      rr = -q - s;
    }
    if (std::abs(rr) > 4e9 || std::abs(q) > 4e9) return std::nullopt;
    r = static_cast<long>(rr);
    const long qi = static_cast<long>(q);
    c = qi + (r - (r & 1)) / 2;  // axial -> odd-r offset
  }
  if (c < 0 || r < 0 || c >= cols_ || r >= rows_) return std::nullopt;
  return static_cast<uint32_t>(r * cols_ + c);
}

std::vector<int32_t> CellGrid::assign(std::span<const double> xs, std::span<const double> ys,
                                      unsigned threads) const {
  const size_t n = std::min(xs.size(), ys.size());
  std::vector<int32_t> out(n, -1);
  // Below 100k points one thread is faster than starting more.
  parallel_for(n, n < 100'000 ? 1u : worker_count(threads), [&](size_t i) {
    if (auto c = cell_of(xs[i], ys[i])) out[i] = static_cast<int32_t>(*c);
  });
  return out;
}

Vec2 CellGrid::center(uint32_t cell) const {
  const int c = static_cast<int>(cell % cols_), r = static_cast<int>(cell / cols_);
  if (shape_ == CellShape::square) return {x0_ + (c + 0.5) * cell_, y0_ + (r + 0.5) * cell_};
  return {x0_ + (c + 0.5 * (r & 1)) * cell_, y0_ + r * 1.5 * radius_};
}

Polygon CellGrid::polygon(uint32_t cell) const {
  const Vec2 m = center(cell);
  Polygon p;
  if (shape_ == CellShape::square) {
    const double h = cell_ / 2;
    p.outer = {{m.x - h, m.y - h}, {m.x + h, m.y - h}, {m.x + h, m.y + h}, {m.x - h, m.y + h}};
  } else {
    // Pointy-top: vertices at 30°, 90°, ..., 330° from the centre.
    for (int k = 0; k < 6; ++k) {
      const double a = (30.0 + 60.0 * k) * 3.14159265358979323846 / 180.0;
      p.outer.push_back({m.x + radius_ * std::cos(a), m.y + radius_ * std::sin(a)});
    }
  }
  return p;
}

std::vector<uint32_t> CellGrid::adjacent(uint32_t cell) const {
  const int c = static_cast<int>(cell % cols_), r = static_cast<int>(cell / cols_);
  std::vector<uint32_t> out;
  auto add = [&](int cc, int rr) {
    if (cc >= 0 && rr >= 0 && cc < cols_ && rr < rows_)
      out.push_back(static_cast<uint32_t>(rr * cols_ + cc));
  };
  if (shape_ == CellShape::square) {
    for (int dy = -1; dy <= 1; ++dy)
      for (int dx = -1; dx <= 1; ++dx)
        if (dx || dy) add(c + dx, r + dy);
  } else {
    // Odd-r offset neighbours: same row +-1; rows above/below shift by the row's parity.
    const int shift = (r & 1) ? 0 : -1;
    add(c - 1, r);
    add(c + 1, r);
    for (int dr : {-1, 1}) {
      add(c + shift, r + dr);
      add(c + shift + 1, r + dr);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

SpatialWeights CellGrid::weights(std::span<const uint32_t> cells) const {
  // Map grid cell -> unit through a sorted copy (cells may be few out of a large grid).
  std::vector<std::pair<uint32_t, uint32_t>> index;  // (cell, unit)
  index.reserve(cells.size());
  for (size_t k = 0; k < cells.size(); ++k) index.emplace_back(cells[k], static_cast<uint32_t>(k));
  std::sort(index.begin(), index.end());
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  for (size_t k = 0; k < cells.size(); ++k)
    for (uint32_t nb : adjacent(cells[k])) {
      const auto it = std::lower_bound(index.begin(), index.end(), std::make_pair(nb, 0u));
      if (it != index.end() && it->first == nb)
        pairs.emplace_back(static_cast<uint32_t>(k), it->second);
    }
  return weights_from_pairs(cells.size(), std::move(pairs));
}

}  // namespace faro
