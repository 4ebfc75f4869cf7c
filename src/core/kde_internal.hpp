#pragma once
// Pieces of CpuKde shared by kde_cpu.cpp (planning, kernel passes), kde_binning.cpp and
// kde_splat.cpp. Not a public interface.
#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "core/kde.hpp"
#include "core/parallel_for.hpp"  // parallel_chunks, parallel_workers

namespace faro {

// Internal grid of the binned path. Node (col i, row j) of the unpadded core sits at
// (cx0 + i * ci, cy0 - j * ci), with (cx0, cy0) the centre of output cell (0, 0) and ci = g * cell;
// the padded grid adds `margin` nodes on every side, so padded (col p, row q) is core (p - margin,
// q - margin).
struct BinnedGrid {
  int g = 1, radius = 1, margin = 2;
  int core_nx = 0, core_ny = 0;  // nodes that the output reads
  int nx = 0, ny = 0;            // with the margin on every side
  double cx0 = 0, cy0 = 0, ci = 1;
  size_t size() const { return static_cast<size_t>(nx) * ny; }
};
BinnedGrid binned_grid(const GridSpec& grid, int g, int radius);

// One binned point: index of its top-left node in the padded grid and its offsets from it in
// 1/65535 of a node spacing (the bilinear weights always sum to exactly 1, so quantising the
// position by < 1e-5 cell keeps every point's mass exact). 8 bytes: the sort streams half as much.
struct BinEntry {
  uint32_t node;
  uint16_t u, v;
};

struct KdeScratch {
  std::vector<float> bins;                                      // padded internal grid
  std::vector<float> pass;                                      // gaussian x-pass output
  std::vector<std::vector<std::vector<BinEntry>>> buckets;      // [thread][band of rows]
  std::vector<std::vector<std::vector<float>>> bucket_weights;  // same, weighted points only
  // Padded-grid nodes that binning touched: rows [row_lo, row_hi], columns [col_lo, col_hi]
  // (row_lo > row_hi when no point reached the grid). Outside them, plus the kernel radius, the
  // density is zero, so the passes skip it: the work follows the data's footprint on screen.
  int row_lo = 0, row_hi = -1, col_lo = 0, col_hi = -1;
};

// Linear binning of every point into scratch.bins (zeroed here): each point adds w(1-u)(1-v),
// wu(1-v), w(1-u)v, wuv to its 4 surrounding nodes, so mass and centroid are kept. With several
// threads, points are first sorted into bands of rows small enough to stay in L2, then the bands
// are filled in parallel. Points whose bracketing nodes fall
// outside the padded grid are farther than the kernel radius from every node the output reads and
// are skipped (as are NaN coordinates).
void bin_points(const PointSet& pts, const BinnedGrid& b, unsigned threads, KdeScratch& scratch);
// The same for the points rows[0], rows[1], ... of `pts` (indices into its columns): exactly the
// sums of bin_points on the gathered copy of those rows, without making the copy.
void bin_points(const PointSet& pts, std::span<const uint32_t> rows, const BinnedGrid& b,
                unsigned threads, KdeScratch& scratch);

// Points that reach the grid, in grid coordinates (col, row of cell centres = integers), sorted
// by their first row so that each band of rows reads them sequentially (kde_splat.cpp).
struct SplatPoint {
  double fx, fy, w;  // one record: the sort's scatter writes one cache line per point, not three
};
struct SplatPoints {
  std::vector<SplatPoint> p;
  std::vector<size_t> bucket_start;  // points with first row r: [bucket_start[r], bucket_start[r+1])
  // Within a row, by blocks of 2^block_shift columns of their first column: first row r and block
  // b are [key_start[r * blocks + b], key_start[r * blocks + b + 1]).
  int block_shift = 6;
  size_t blocks = 1;
  std::vector<size_t> key_start;
};

// The exact quartic by row polynomials (kde_quartic_rows.cpp, where the error bound is derived):
// rows [r0, r1) of `out` from the points of `pts` (first rows sorted, reach `radius` rows), each
// row written whole. Used by the splat path for H = h / cell >= kQuarticRowsMinCells.
constexpr double kQuarticRowsMinCells = 2;
void quartic_rows_band(const SplatPoints& pts, const GridSpec& grid, const KdeParams& params,
                       int radius, int r0, int r1, bool simd, float* out);
// log2 of the tile width T (columns) for H cells, and the error factor B = ((T/H + 1)² + 1)²:
// a cell's rounding error is at most ~2 m eps B x the summed peaks of the m intervals in its tile
// row since coverage was last zero.
int quartic_rows_tile_shift(double H);
double quartic_rows_error_factor(double H);

// The exact splat path (kde_splat.cpp): the exact kernel at every cell centre within `radius`
// cells of each point, accumulated in double, rows split into bands of equal work.
std::vector<float> splat_exact(const PointSet& pts, const GridSpec& grid, const KdeParams& params,
                               int radius, unsigned threads, bool simd);

}  // namespace faro
