#include "core/kde_plan.hpp"

#include <algorithm>
#include <cmath>

#include "core/kde_internal.hpp"

namespace faro {
namespace {

// An int in [lo, hi] from a double that may be huge, infinite or NaN (NaN -> lo): the clamp happens
// in double, before the conversion, so the conversion is always defined.
int clamped_int(double v, int lo, int hi) {
  if (!(v > lo)) return lo;
  if (v >= hi) return hi;
  return static_cast<int>(v);
}

}  // namespace

double kde_binning_error(KdeKernel kernel, double ratio) {
  return kernel == KdeKernel::gaussian ? 1 / (4 * ratio * ratio) : 1 / (ratio * ratio);
}

int kde_radius_cells(KdeKernel kernel, double ratio) {
  const double reach = kernel == KdeKernel::gaussian ? 4 * ratio : ratio;
  return clamped_int(std::ceil(reach), 1, kMaxKdeRadiusCells);
}

int kde_coarsen_factor(KdeKernel kernel, double ratio) {
  if (kernel == KdeKernel::gaussian)
    return ratio >= 32 ? clamped_int(ratio / 16, 1, kMaxKdeCoarsen) : 1;
  return ratio >= 30 ? clamped_int(ratio / 15, 1, kMaxKdeCoarsen) : 1;
}

double kde_exact_cost_ns(const GridSpec& grid, const KdeParams& params, double points) {
  const double ratio = params.bandwidth_m / grid.cell;
  const double radius = kde_radius_cells(params.kernel, ratio);
  if (params.kernel == KdeKernel::gaussian || ratio < kQuarticRowsMinCells) {
    // Every cell of the (2R + 1)² square (the quartic's disk is ~0.8 of it) at ~1.2 ns, ~40 ns
    // per point for its setup (exps, sort).
    const double side = 2 * radius + 1;
    return points * (40 + 1.2 * side * side * (params.kernel == KdeKernel::gaussian ? 1 : 0.8));
  }
  // Row polynomials: ~17 ns per point (the sort), ~3 ns per row it reaches (2R rows: interval
  // ends, coefficients, two slot updates); every grid row evaluates one segment of min(T + 2R, nx)
  // cells per tile of T columns (T = 2^quartic_rows_tile_shift) at ~1.5 ns per cell.
  const double tile = std::ldexp(1.0, quartic_rows_tile_shift(ratio));
  const double segment_cells = std::min(tile + 2 * radius, static_cast<double>(grid.nx));
  const double evaluated = std::ceil(grid.nx / tile) * segment_cells * grid.ny;
  return points * (17 + 3 * 2 * radius) + 1.5 * evaluated;
}

KdeGeometry kde_geometry(const GridSpec& grid, const KdeParams& params) {
  KdeGeometry g;
  g.ratio = params.bandwidth_m / grid.cell;
  g.radius_cells = kde_radius_cells(params.kernel, g.ratio);
  g.error_bound = kde_binning_error(params.kernel, g.ratio);
  g.coarsen = kde_coarsen_factor(params.kernel, g.ratio);
  const double internal_ratio = g.ratio / g.coarsen;
  g.binned_radius = kde_radius_cells(params.kernel, internal_ratio);
  g.binned_error = kde_binning_error(params.kernel, internal_ratio) * (g.coarsen > 1 ? 2 : 1);
  return g;
}

}  // namespace faro
