#pragma once
// Kernel geometry in grid cells, shared by the CPU density path (core/kde_cpu.cpp) and the GPU
// one (render/gpu_kde.cpp): the bandwidth in cells, the kernel's reach in cells, the internal-grid
// coarsening for very wide kernels and the worst-case error of linear binning (derivation at the
// top of kde_cpu.cpp). Every count is computed in double and clamped before it becomes an int, so
// a bandwidth of 1e12 m (or 1e300) on a 1 m grid plans without overflow: the coarsening keeps the
// kernel at 16..32 internal cells up to kMaxKdeCoarsen, and the reach never exceeds
// kMaxKdeRadiusCells (a grid that would need more is refused later with a usage error, not
// computed with a wrapped radius).
#include "core/kde.hpp"

namespace faro {

// Largest kernel reach, in (internal) cells, that a plan holds: 2^28, so 2 x reach + a grid side of
// at most kMaxKdeCells still fits an int. A kernel that wide never fits a grid in memory anyway.
constexpr int kMaxKdeRadiusCells = 1 << 28;
// Largest internal-grid coarsening: internal cells of 2^30 grid cells. Together with the reach
// limit, kernels up to ~2.8e17 grid cells (σ = 1e12 m on a 1 µm grid) are planned exactly.
constexpr int kMaxKdeCoarsen = 1 << 30;

struct KdeGeometry {
  double ratio = 0;         // bandwidth in grid cells (σ / cell or h / cell)
  int radius_cells = 1;     // kernel reach (4σ or h) in grid cells, rounded up, >= 1, clamped
  double error_bound = 0;   // worst-case linear-binning error on the grid itself (fraction of peak)
  int coarsen = 1;          // binned path: internal cell = coarsen x grid cell
  int binned_radius = 1;    // kernel reach in internal cells
  double binned_error = 0;  // worst-case error of the binned path (doubled when interpolating)
};

// Geometry of `params` on `grid` (both already validated by validate_kde: positive, finite).
KdeGeometry kde_geometry(const GridSpec& grid, const KdeParams& params);

// Estimated time, in ns on the dev machine, of the exact path (kde_splat.cpp) for `points` points:
// the per-cell splat for the gaussian and for quartics narrower than kQuarticRowsMinCells cells
// (~1.2 ns per cell of each point's square), the quartic's row polynomials otherwise
// (kde_quartic_rows.cpp: a few ns per row each point reaches, O(H) not O(H²), plus the rows'
// evaluation over every cell). CpuKde's planner weighs it against the binned path.
double kde_exact_cost_ns(const GridSpec& grid, const KdeParams& params, double points);

// Worst-case error of linear binning for one isolated point, as a fraction of its peak:
// 1/(4 s²) for the gaussian (s = σ in cells), 1/H² for the quartic (H = h in cells).
double kde_binning_error(KdeKernel kernel, double ratio);

// ceil(kernel reach in cells) for a bandwidth of `ratio` cells, in [1, kMaxKdeRadiusCells].
int kde_radius_cells(KdeKernel kernel, double ratio);

// Internal grid coarsening for very wide kernels: keeps s in [16, 32) (bound 2 x 0.1 %) and H in
// [15, 30) (bound 2 x 0.44 %) internal cells, so the passes stay O(s) and O(H²) taps per node;
// in [1, kMaxKdeCoarsen].
int kde_coarsen_factor(KdeKernel kernel, double ratio);

}  // namespace faro
