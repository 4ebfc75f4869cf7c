// CpuKde: the multithreaded CPU density path. Two strategies, chosen per call by plan_for():
//
// Binned. Points are linearly binned (each spread to the 4 surrounding nodes with bilinear
// weights, so mass and centroid are kept) onto an internal grid whose nodes include the cell
// centres, padded by the kernel radius + 1 so points outside the grid still reach it. The kernel
// is sampled on the nodes and normalised to sum to exactly one incident, then applied as two
// separable 1-D passes (gaussian) or as a disk stencil of per-row 1-D convolutions (quartic, which
// is not separable). Error: for one isolated point at offset (u, v) from a node the estimate is the
// bilinear interpolation of the exact kernel between nodes, so |error| <= (1/8)(|Kxx| + |Kyy|)
// cell², i.e. 1/(4 s²) of the peak for the gaussian (s = σ/cell: K''(0) = -K(0)/s²) and 1/H² for
// the quartic (H = h/cell: K''(0) = -4 K(0)/H²). Checked numerically: s = 3: 2.6 %, s = 5: 0.97 %,
// s = 8: 0.38 %; H = 8: 1.5 %, H = 10: 0.99 %. The planner bins only while this bound is <=
// Options::max_binned_error (1 % by default). Data with many points per kernel is far better than
// the bound: the FGJ data, whose peak is a stack of 261 reports at one address (a single point for
// this purpose), is within 0.12 % (gaussian, s = 8) and 0.80 % (quartic, H = 8) of its peak at
// 1920 x 1080 x 50 m, σ or h = 400 m (against reference_density_at at the 270 cells around the 30
// highest and 100 random ones). Higher-order (quadratic) binning was tried on paper: 5x better for
// the gaussian, but for the quartic only 2x, with negative lobes of 0.7 % of the peak at r = h,
// where its second derivative jumps; not worth a 2.25x costlier scatter.
// Very wide kernels use a coarser internal grid (cell x g) and bilinear interpolation back to the
// requested cells, which adds at most the same bound again (the interpolant is exact in mass).
//
// Exact splat (kde_splat.cpp). Each point adds the exact kernel at every cell centre within its
// support. No discretisation error; used when binning would be too coarse (bound >
// max_binned_error) or when it is simply cheaper (few points on a big grid).
#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/errors.hpp"
#include "core/kde.hpp"
#include "core/kde_internal.hpp"
#include "core/kde_plan.hpp"
#include "core/kde_rows.hpp"
#include "core/parallel_for.hpp"

namespace faro {
namespace {

std::vector<double> gaussian_taps(double s, int radius) {
  std::vector<double> t(2 * radius + 1);
  double sum = 0;
  for (int k = -radius; k <= radius; ++k) sum += t[k + radius] = std::exp(-k * k / (2 * s * s));
  for (double& v : t) v /= sum;
  return t;
}

// Rows of the quartic disk stencil: row dy holds taps for dx in [-half[dy], half[dy]].
struct DiskStencil {
  std::vector<std::vector<float>> rows;
  std::vector<int> half;  // -1 = empty row
};

DiskStencil quartic_stencil(double h, int radius, double scale) {
  DiskStencil st;
  st.rows.resize(2 * radius + 1);
  st.half.assign(2 * radius + 1, -1);
  std::vector<std::vector<double>> vals(2 * radius + 1);
  double sum = 0;
  for (int dy = -radius; dy <= radius; ++dy) {
    std::vector<double>& row = vals[dy + radius];
    int half = -1;
    for (int dx = 0; dx <= radius; ++dx)
      if (dx * dx + dy * dy < h * h) half = dx;
    st.half[dy + radius] = half;
    for (int dx = -half; dx <= half; ++dx) {
      const double t = 1 - (dx * dx + dy * dy) / (h * h);
      row.push_back(t * t);
      sum += t * t;
    }
  }
  for (size_t r = 0; r < vals.size(); ++r)
    for (double v : vals[r]) st.rows[r].push_back(static_cast<float>(v / sum * scale));
  return st;
}

// Bilinear interpolation of the core nodes (spacing g cells) back to the requested cells. Each
// node's weights over the cells sum to g², so the total (x cell area) is preserved.
void interpolate_rows(const float* core, const BinnedGrid& b, const GridSpec& grid, int r0, int r1,
                      float* out) {
  std::vector<float> mix(b.core_nx);
  const float inv_g = 1.0f / b.g;
  for (int r = r0; r < r1; ++r) {
    const int j = r / b.g;
    const float v = (r % b.g) * inv_g;
    const float* a = core + static_cast<size_t>(j) * b.core_nx;
    const float* c = a + b.core_nx;
    for (int i = 0; i < b.core_nx; ++i) mix[i] = a[i] + v * (c[i] - a[i]);
    float* o = out + static_cast<size_t>(r) * grid.nx;
    for (int col = 0; col < grid.nx; ++col) {
      const int i = col / b.g;
      const float u = (col % b.g) * inv_g;
      o[col] = mix[i] + u * (mix[i + 1] - mix[i]);
    }
  }
}

}  // namespace

CpuKde::CpuKde() : scratch_(std::make_unique<KdeScratch>()) {}
CpuKde::CpuKde(Options options) : options_(options), scratch_(std::make_unique<KdeScratch>()) {}
CpuKde::~CpuKde() = default;
CpuKde::CpuKde(CpuKde&&) noexcept = default;
CpuKde& CpuKde::operator=(CpuKde&&) noexcept = default;

CpuKde::Plan CpuKde::plan_for(const GridSpec& grid, const KdeParams& params, size_t points,
                              const Options& options) {
  Plan plan;
  plan.threads = worker_count(options.threads);
  // Radii, coarsening and error bounds (kde_plan.cpp: clamped, so any finite bandwidth plans).
  const KdeGeometry geo = kde_geometry(grid, params);
  const bool gaussian = params.kernel == KdeKernel::gaussian;
  const int g = geo.coarsen;
  const int binned_radius = geo.binned_radius;
  const double binned_error = geo.binned_error;
  const int splat_radius = geo.radius_cells;

  // Estimated cost in ns, from the dev machine (AVX2): the exact path as kde_exact_cost_ns prices
  // it (per-cell splat, or the quartic's row polynomials); binning ~15 ns per point; the
  // passes ~0.07 ns per node and tap (8-wide FMAs from L1/L2) plus ~1 ns per node (zeroing).
  const double n = static_cast<double>(points);
  const double splat_cost = kde_exact_cost_ns(grid, params, n);
  const BinnedGrid b = binned_grid(grid, g, binned_radius);
  const double taps =
      gaussian ? 2.0 * (2 * binned_radius + 1) : std::numbers::pi * binned_radius * binned_radius;
  const double binned_cost = 15 * n + static_cast<double>(b.size()) * (1 + 0.07 * taps);

  Path path = options.path;
  if (path == Path::automatic)
    path = (binned_error > options.max_binned_error || splat_cost <= binned_cost) ? Path::splat
                                                                                  : Path::binned;
  plan.path = path;
  if (path == Path::splat) {
    plan.radius_cells = splat_radius;
    plan.coarsen = 1;
    plan.error_bound = 0;
  } else {
    plan.radius_cells = binned_radius;
    plan.coarsen = g;
    plan.error_bound = binned_error;
  }
  return plan;
}

std::vector<float> CpuKde::compute(const PointSet& pts, const GridSpec& grid,
                                   const KdeParams& params) {
  validate_kde(grid, params);
  if (pts.y.size() != pts.size() || (!pts.weight.empty() && pts.weight.size() != pts.size()))
    throw UsageError("density estimate: x, y and weight arrays differ in length");
  plan_ = plan_for(grid, params, pts.size(), options_);
  const unsigned threads = plan_.threads;
  if (plan_.path == Path::splat)
    return splat_exact(pts, grid, params, plan_.radius_cells, threads, options_.simd);

  const BinnedGrid b = binned_grid(grid, plan_.coarsen, plan_.radius_cells);
  if (b.size() > 2 * kMaxKdeCells)
    throw UsageError("the kernel is too wide for this grid; use a larger --cell");
  // 1. Linear binning (reused buffers).
  bin_points(pts, b, threads, *scratch_);
  return binned_passes(grid, params);
}

std::vector<float> CpuKde::compute_rows(const PointSet& columns, std::span<const uint32_t> rows,
                                        const GridSpec& grid, const KdeParams& params) {
  validate_kde(grid, params);
  if (columns.y.size() != columns.size() ||
      (!columns.weight.empty() && columns.weight.size() != columns.size()))
    throw UsageError("density estimate: x, y and weight arrays differ in length");
  // Whether the rows are 0, 1, 2, ... (no filter; then all are in range), else the largest row:
  // passes of xor/or and max that vectorise.
  uint32_t differs = 0;
  for (size_t k = 0; k < rows.size(); ++k) differs |= rows[k] ^ static_cast<uint32_t>(k);
  const bool in_order = differs == 0 && rows.size() <= columns.size();
  if (!in_order) {
    uint32_t last = 0;
    for (const uint32_t r : rows) last = std::max(last, r);
    if (!rows.empty() && last >= columns.size())
      throw UsageError("density estimate: a selected row is out of range");
  }
  if (in_order) {
    // The first rows.size() points in order: read them straight (no index stream), same sums.
    const PointSet prefix{columns.x.first(rows.size()), columns.y.first(rows.size()),
                          columns.weight.empty() ? columns.weight
                                                 : columns.weight.first(rows.size())};
    return compute(prefix, grid, params);
  }
  plan_ = plan_for(grid, params, rows.size(), options_);
  if (plan_.path == Path::splat) {
    // Few points or a narrow kernel: the splat's cost is per point and cell, so the copy is small
    // beside it (and the splat sorts its points anyway).
    std::vector<double> x(rows.size()), y(rows.size());
    std::vector<float> w(columns.weight.empty() ? 0 : rows.size());
    for (size_t k = 0; k < rows.size(); ++k) {
      x[k] = columns.x[rows[k]];
      y[k] = columns.y[rows[k]];
      if (!w.empty()) w[k] = columns.weight[rows[k]];
    }
    return splat_exact(PointSet{x, y, w}, grid, params, plan_.radius_cells, plan_.threads,
                       options_.simd);
  }
  const BinnedGrid b = binned_grid(grid, plan_.coarsen, plan_.radius_cells);
  if (b.size() > 2 * kMaxKdeCells)
    throw UsageError("the kernel is too wide for this grid; use a larger --cell");
  bin_points(columns, rows, b, plan_.threads, *scratch_);
  return binned_passes(grid, params);
}

std::vector<float> CpuKde::binned_passes(const GridSpec& grid, const KdeParams& params) {
  const unsigned threads = plan_.threads;
  const BinnedGrid b = binned_grid(grid, plan_.coarsen, plan_.radius_cells);
  const bool simd = options_.simd;
  const double ratio = params.bandwidth_m / grid.cell / b.g;  // σ or h in internal cells
  const double scale = params.output_scale() / (b.ci * b.ci);  // incidents per node -> per km²
  KdeScratch& scratch = *scratch_;
  const float* bins = scratch.bins.data();

  // 2. Kernel passes into the core nodes (straight into the output when g == 1), only over the
  //    window of core nodes within the kernel radius of a touched node: zero elsewhere.
  std::vector<float> out(grid.cells(), 0.0f);
  std::vector<float> core_store;
  if (b.g > 1) core_store.assign(static_cast<size_t>(b.core_nx) * b.core_ny, 0.0f);
  float* core = b.g > 1 ? core_store.data() : out.data();
  const int R = b.radius, M = b.margin;
  // Core node i reads padded nodes i + M - R .. i + M + R.
  const int i_lo = std::max(0, scratch.col_lo - M - R);
  const int i_hi = std::min(b.core_nx, scratch.col_hi - M + R + 1);  // exclusive
  const int j_lo = std::max(0, scratch.row_lo - M - R);
  const int j_hi = std::min(b.core_ny, scratch.row_hi - M + R + 1);
  const int width = i_hi - i_lo;
  if (width > 0 && j_hi > j_lo) {
    const size_t cnx = static_cast<size_t>(b.core_nx);
    if (params.kernel == KdeKernel::gaussian) {
      const std::vector<double> t = gaussian_taps(ratio, R);
      std::vector<float> tx(t.size()), ty(t.size());
      for (size_t k = 0; k < t.size(); ++k) {
        tx[k] = static_cast<float>(t[k]);
        ty[k] = static_cast<float>(t[k] * scale);
      }
      // x pass over the padded rows the y pass reads (j_lo + M - R .. j_hi + M + R), writing
      // columns [i_lo, i_hi) of each (the rest of the buffer is never read).
      std::vector<float>& pass = scratch.pass;
      pass.resize(static_cast<size_t>(b.ny) * cnx);
      const size_t r0 = static_cast<size_t>(j_lo + M - R), r1 = static_cast<size_t>(j_hi + M + R);
      parallel_chunks(r1 - r0, threads, [&](size_t lo, size_t hi, unsigned) {
        for (size_t r = r0 + lo; r < r0 + hi; ++r)
          kde_rows::conv_add(pass.data() + r * cnx + i_lo, bins + r * b.nx + (i_lo + M - R),
                             tx.data(), 2 * R + 1, width, simd, /*accumulate=*/false);
      });
      // y pass: core row j is the weighted sum of pass rows j + M - R .. j + M + R; 4 at a time.
      const size_t blocks = static_cast<size_t>(j_hi - j_lo + 3) / 4;
      parallel_chunks(blocks, threads, [&](size_t lo, size_t hi, unsigned) {
        std::vector<const float*> rows(2 * R + 4);
        for (size_t block = lo; block < hi; ++block) {
          const size_t j = static_cast<size_t>(j_lo) + 4 * block;
          const int nout = static_cast<int>(std::min<size_t>(4, static_cast<size_t>(j_hi) - j));
          for (int k = 0; k < 2 * R + nout; ++k)
            rows[k] = pass.data() + (j + M - R + k) * cnx + i_lo;
          float* outs[4];
          for (int o = 0; o < nout; ++o) outs[o] = core + (j + o) * cnx + i_lo;
          kde_rows::vertical_conv(outs, nout, rows.data(), ty.data(), 2 * R + 1, width, simd);
        }
      });
    } else {
      const DiskStencil st = quartic_stencil(ratio, R, scale);
      // Rows dy and -dy of the disk have the same taps: their two input rows are added first and
      // convolved once, half the multiply-adds of convolving each.
      parallel_chunks(
          static_cast<size_t>(j_hi - j_lo), threads, [&](size_t lo, size_t hi, unsigned) {
            std::vector<float> pair(static_cast<size_t>(width) + 2 * static_cast<size_t>(R) + 1);
            for (size_t j = j_lo + lo; j < j_lo + hi; ++j) {
              float* o = core + j * cnx + i_lo;
              for (int dy = 0; dy <= R; ++dy) {
                const int half = st.half[dy + R];
                if (half < 0) continue;
                const size_t col0 = static_cast<size_t>(i_lo + M - half);
                const float* below = bins + (j + M + dy) * b.nx + col0;
                const float* taps = st.rows[dy + R].data();
                if (dy == 0) {
                  kde_rows::conv_add(o, below, taps, 2 * half + 1, width, simd);
                  continue;
                }
                const float* above = bins + (j + M - dy) * b.nx + col0;
                const int n_in = width + 2 * half;
                for (int c = 0; c < n_in; ++c) pair[c] = below[c] + above[c];
                kde_rows::conv_add(o, pair.data(), taps, 2 * half + 1, width, simd);
              }
            }
          });
    }
  }

  // 3. Back to the requested cells when the internal grid was coarser.
  if (b.g > 1)
    parallel_chunks(grid.ny, threads, [&](size_t lo, size_t hi, unsigned) {
      interpolate_rows(core, b, grid, static_cast<int>(lo), static_cast<int>(hi), out.data());
    });
  return out;
}

}  // namespace faro
