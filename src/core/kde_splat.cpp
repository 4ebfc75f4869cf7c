// The exact splat path of CpuKde: each point adds the exact kernel at every cell centre within its
// support (gaussian: the 4σ square, both factors from a 2-exp recurrence; quartic: its disk).
// The quartic with h >= 2 cells goes through row polynomials instead (kde_quartic_rows.cpp: the
// same exact sum, O(rows) per point). Points are counting-sorted by their first row, and within it
// by blocks of columns; rows are split into bands of equal work and each thread owns a band (no
// shared writes), accumulating in double.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>

#include "core/kde_internal.hpp"
#include "core/kde_rows.hpp"

namespace faro {
namespace {

struct SplatSpan {
  int row_lo = 0, row_hi = -1, col_lo = 0, col_hi = -1;  // inclusive; empty when lo > hi
};

// Inlined: the sort calls it once per point (the call was ~4 % of the exact quartic's profile).
[[gnu::always_inline]] inline SplatSpan splat_span(double fx, double fy, int radius,
                                                   const GridSpec& grid) {
  SplatSpan s;
  if (!std::isfinite(fx) || !std::isfinite(fy)) return s;
  // Clamped in double first: a point far outside the grid would overflow an int.
  const double col_lo = std::max(0.0, std::ceil(fx - radius));
  const double col_hi = std::min<double>(grid.nx - 1, std::floor(fx + radius));
  const double row_lo = std::max(0.0, std::ceil(fy - radius));
  const double row_hi = std::min<double>(grid.ny - 1, std::floor(fy + radius));
  if (col_lo > col_hi || row_lo > row_hi) return s;
  s.col_lo = static_cast<int>(col_lo);
  s.col_hi = static_cast<int>(col_hi);
  s.row_lo = static_cast<int>(row_lo);
  s.row_hi = static_cast<int>(row_hi);
  return s;
}

// exp(-(a + k)² / (2 s²)) for k = 0..n-1 with two exps: the ratio between neighbours is itself
// geometric (ratio_{k+1} = ratio_k * exp(-1/s²)).
void gaussian_run(double a, double s, int n, double* out) {
  const double inv = 1 / (2 * s * s);
  double v = std::exp(-a * a * inv);
  double ratio = std::exp(-(2 * a + 1) * inv);
  const double q = std::exp(-2 * inv);
  for (int k = 0; k < n; ++k) {
    out[k] = v;
    v *= ratio;
    ratio *= q;
  }
}

void splat_band(const SplatPoints& sp_all, const GridSpec& grid, const KdeParams& params,
                int radius, int r0, int r1, bool simd, float* out) {
  const double s = params.bandwidth_m / grid.cell;
  const double cell_m2 = grid.cell * grid.cell;
  const double norm = params.output_scale() / cell_m2 *
                      (params.kernel == KdeKernel::gaussian ? 1 / (2 * std::numbers::pi * s * s)
                                                            : 3 / (std::numbers::pi * s * s));
  std::vector<double> acc(static_cast<size_t>(r1 - r0) * grid.nx, 0.0);
  // A span never leaves the grid: at most nx columns and r1 - r0 rows, however wide the kernel.
  std::vector<double> gx(
      std::min(2 * static_cast<size_t>(radius) + 1, static_cast<size_t>(grid.nx))),
      gy(std::min(2 * static_cast<size_t>(radius) + 1, static_cast<size_t>(r1 - r0)));
  // Points whose first row is at most 2 * radius above the band may reach into it.
  const int first_bucket = std::max(0, r0 - 2 * radius);
  for (size_t k = sp_all.bucket_start[first_bucket]; k < sp_all.bucket_start[r1]; ++k) {
    const double fx = sp_all.p[k].fx, fy = sp_all.p[k].fy;
    SplatSpan sp = splat_span(fx, fy, radius, grid);
    sp.row_lo = std::max(sp.row_lo, r0);
    sp.row_hi = std::min(sp.row_hi, r1 - 1);
    if (sp.row_lo > sp.row_hi) continue;
    const double w = sp_all.p[k].w * norm;
    const int ncol = sp.col_hi - sp.col_lo + 1;
    const int nrow = sp.row_hi - sp.row_lo + 1;
    double* o = acc.data() + static_cast<size_t>(sp.row_lo - r0) * grid.nx + sp.col_lo;
    if (params.kernel == KdeKernel::gaussian) {
      gaussian_run(sp.col_lo - fx, s, ncol, gx.data());
      gaussian_run(sp.row_lo - fy, s, nrow, gy.data());
      for (int r = 0; r < nrow; ++r) gy[r] *= w;
      kde_rows::splat_separable(o, grid.nx, gx.data(), ncol, gy.data(), nrow, simd);
    } else {
      const double inv_h2 = 1 / (s * s);
      for (int c = 0; c < ncol; ++c) {
        const double dx = sp.col_lo + c - fx;
        gx[c] = dx * dx * inv_h2;
      }
      for (int r = 0; r < nrow; ++r) {
        const double dy = sp.row_lo + r - fy;
        gy[r] = 1 - dy * dy * inv_h2;
      }
      kde_rows::splat_quartic(o, grid.nx, gx.data(), ncol, gy.data(), nrow, w, simd);
    }
  }
  float* dst = out + static_cast<size_t>(r0) * grid.nx;
  for (size_t k = 0; k < acc.size(); ++k) dst[k] = static_cast<float>(acc[k]);
}

}  // namespace

std::vector<float> splat_exact(const PointSet& pts, const GridSpec& grid, const KdeParams& params,
                               int radius, unsigned threads, bool simd) {
  std::vector<float> out(grid.cells(), 0.0f);
  // Counting sort of the points that reach the grid by their first row, carrying their grid
  // coordinates and weight (the bands then read them in order, not x[i], y[i] at random).
  const double cx0 = grid.center_x(0), cy0 = grid.center_y(0);
  const auto grid_xy = [&](size_t i, double& fx, double& fy) {
    fx = (pts.x[i] - cx0) / grid.cell;
    fy = (cy0 - pts.y[i]) / grid.cell;
    return splat_span(fx, fy, radius, grid);
  };
  // The quartic by row polynomials: O(rows reached) per point (kde_quartic_rows.cpp).
  const bool rows = params.kernel == KdeKernel::quartic &&
                    params.bandwidth_m / grid.cell >= kQuarticRowsMinCells;
  // Within a row, points are ordered by blocks of columns (the row polynomials' tiles), so that a
  // row's scatter sweeps its buffer left to right instead of at random.
  SplatPoints sorted;
  const int shift = sorted.block_shift =
      rows ? quartic_rows_tile_shift(params.bandwidth_m / grid.cell) : 6;
  const size_t blocks = sorted.blocks = (static_cast<size_t>(grid.nx - 1) >> shift) + 1;
  const auto key = [&](const SplatSpan& sp) { return sp.row_lo * blocks + (sp.col_lo >> shift); };
  std::vector<size_t>& key_start = sorted.key_start;
  key_start.assign(grid.ny * blocks + 1, 0);
  // Two passes (count, place), each split over the threads with one histogram per thread (thread
  // t's points go after thread t - 1's in every key: the order stays that of the input). The
  // first pass keeps each point's key for the second.
  constexpr uint32_t kOutside = UINT32_MAX;
  std::vector<uint32_t> point_key(pts.size());
  const unsigned sort_threads = static_cast<unsigned>(
      std::clamp<size_t>(std::min<size_t>(threads, pts.size() / 65536 + 1), 1, 64));
  // Allocated here: parallel_chunks runs nothing when there are no points.
  std::vector<std::vector<size_t>> counts(sort_threads, std::vector<size_t>(key_start.size(), 0));
  parallel_chunks(pts.size(), sort_threads, [&](size_t lo, size_t hi, unsigned t) {
    std::vector<size_t>& count = counts[t];
    double px, py;
    for (size_t i = lo; i < hi; ++i) {
      const SplatSpan sp = grid_xy(i, px, py);
      const bool reaches = sp.row_lo <= sp.row_hi;
      point_key[i] = reaches ? static_cast<uint32_t>(key(sp)) : kOutside;
      if (reaches) ++count[key(sp)];
    }
  });
  // counts[t][k] becomes the first slot of thread t's points with key k.
  size_t running = 0;
  for (size_t k = 0; k + 1 < key_start.size(); ++k) {
    key_start[k] = running;
    for (unsigned t = 0; t < sort_threads; ++t) {
      const size_t c = counts[t][k];
      counts[t][k] = running;
      running += c;
    }
  }
  key_start.back() = running;
  std::vector<size_t>& bucket_start = sorted.bucket_start;
  bucket_start.resize(static_cast<size_t>(grid.ny) + 1);
  for (int r = 0; r <= grid.ny; ++r) bucket_start[r] = key_start[r * blocks];
  sorted.p.resize(running);
  parallel_chunks(pts.size(), sort_threads, [&](size_t lo, size_t hi, unsigned t) {
    std::vector<size_t>& next = counts[t];
    for (size_t i = lo; i < hi; ++i) {
      if (point_key[i] == kOutside) continue;
      // The same expressions as grid_xy: the coordinates match the key's span exactly.
      sorted.p[next[point_key[i]]++] = {(pts.x[i] - cx0) / grid.cell, (cy0 - pts.y[i]) / grid.cell,
                                        pts.weight.empty() ? 1.0 : pts.weight[i]};
    }
  });
  // Bands of equal work: row r is touched by the points whose first row is in [r - 2R, r]. Each
  // costs about as much as 2R cells (splat) or 1 cell of the row's evaluation (row polynomials).
  const double per_cell = rows ? 1.0 : 1e-3;
  std::vector<double> cumulative(grid.ny + 1, 0);
  for (int r = 0; r < grid.ny; ++r) {
    const size_t touching = bucket_start[r + 1] - bucket_start[std::max(0, r - 2 * radius)];
    cumulative[r + 1] = cumulative[r] + static_cast<double>(touching) + per_cell * grid.nx;
  }
  threads = std::max(1u, std::min<unsigned>(threads, grid.ny));
  std::vector<int> band(threads + 1, grid.ny);
  band[0] = 0;
  for (unsigned t = 1; t < threads; ++t) {
    const double target = cumulative[grid.ny] * t / threads;
    band[t] = static_cast<int>(std::lower_bound(cumulative.begin(), cumulative.end(), target) -
                               cumulative.begin());
    band[t] = std::clamp(band[t], band[t - 1], grid.ny);
  }
  parallel_workers(threads, [&](unsigned b) {
    if (band[b] >= band[b + 1]) return;
    if (rows)
      quartic_rows_band(sorted, grid, params, radius, band[b], band[b + 1], simd, out.data());
    else
      splat_band(sorted, grid, params, radius, band[b], band[b + 1], simd, out.data());
  });
  return out;
}

}  // namespace faro
