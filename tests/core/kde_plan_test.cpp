// The KDE planner shared by CpuKde and GpuKde (core/kde_plan.hpp): radii and coarsening for
// ordinary bandwidths, and no float-to-int overflow for absurd ones (issue 21: `faro render
// --bandwidth 1e12` overflowed coarsen_factor and radius_cells, and the partner-safe density floor
// of k incidents' peak was then compared against a wrong grid).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "core/errors.hpp"
#include "core/kde.hpp"
#include "core/kde_plan.hpp"

namespace faro {
namespace {

GridSpec small_grid(double cell) {
  GridSpec g;
  g.xmin = 480000;
  g.ymax = 2150000;
  g.cell = cell;
  g.nx = 48;
  g.ny = 32;
  return g;
}

KdeParams params_of(KdeKernel kernel, double bandwidth) {
  KdeParams p;
  p.kernel = kernel;
  p.bandwidth_m = bandwidth;
  return p;
}

TEST(KdePlan, OrdinaryBandwidthsKeepTheDocumentedRadiiAndCoarsening) {
  // σ = 400 m on 50 m cells: s = 8, reach 4σ = 32 cells, bound 1/(4·64), no coarsening.
  const KdeGeometry a = kde_geometry(small_grid(50), params_of(KdeKernel::gaussian, 400));
  EXPECT_DOUBLE_EQ(a.ratio, 8);
  EXPECT_EQ(a.radius_cells, 32);
  EXPECT_DOUBLE_EQ(a.error_bound, 1.0 / 256);
  EXPECT_EQ(a.coarsen, 1);
  EXPECT_EQ(a.binned_radius, 32);
  // σ = 4 km on 50 m cells: s = 80 >= 32, so internal cells of 5 grid cells (s = 16 there).
  const KdeGeometry b = kde_geometry(small_grid(50), params_of(KdeKernel::gaussian, 4000));
  EXPECT_EQ(b.coarsen, 5);
  EXPECT_EQ(b.binned_radius, 64);
  EXPECT_EQ(b.radius_cells, 320);
  EXPECT_DOUBLE_EQ(b.binned_error, 2 / (4.0 * 16 * 16));
  // Quartic h = 2 km on 50 m: H = 40 >= 30, internal cells of 2 (H = 20), reach h.
  const KdeGeometry c = kde_geometry(small_grid(50), params_of(KdeKernel::quartic, 2000));
  EXPECT_EQ(c.coarsen, 2);
  EXPECT_EQ(c.binned_radius, 20);
  EXPECT_EQ(c.radius_cells, 40);
  // A kernel narrower than a cell still reaches one cell.
  EXPECT_EQ(kde_radius_cells(KdeKernel::quartic, 0.01), 1);
}

GridSpec screen_grid() {  // bench_kde's frame: 1920 x 1080 cells of 50 m
  GridSpec g = small_grid(50);
  g.nx = 1920;
  g.ny = 1080;
  return g;
}

TEST(KdePlan, ExactQuarticIsPricedByItsRowsNotPerCell) {
  const GridSpec g = screen_grid();
  // The gaussian (and a quartic under kQuarticRowsMinCells cells) keeps the per-cell price:
  // ~1.2 ns for every cell of the (2R + 1)² square, R = 4σ = 32 cells here.
  EXPECT_DOUBLE_EQ(kde_exact_cost_ns(g, params_of(KdeKernel::gaussian, 400), 1e6),
                   1e6 * (40 + 1.2 * 65 * 65));
  // The quartic's rows cost O(R) per point, not O(R²): doubling h (8 -> 16 -> 32 cells) adds
  // about the same per-point cost each time (a per-cell splat would quadruple it).
  const double n = 1e6;
  const auto per_point = [&](double h) {
    return kde_exact_cost_ns(g, params_of(KdeKernel::quartic, h), n) / n;
  };
  const double c8 = per_point(400), c16 = per_point(800), c32 = per_point(1600);
  EXPECT_LT(c16 / c8, 2.1);
  EXPECT_LT(c32 / c16, 2.1);
  EXPECT_GT(c32 / c16, 1.5);
  // Far below the per-cell splat's price for the same disk (~0.8 x 17² cells x 1.2 ns at h = 8).
  EXPECT_LT(c8, 0.5 * (40 + 1.2 * 17 * 17 * 0.8));
}

TEST(KdePlan, PlannerPicksTheExactRowsWhereTheyAreCheaper) {
  const GridSpec g = screen_grid();
  CpuKde::Options interactive;
  interactive.max_binned_error = CpuKde::kInteractiveBinnedError;
  // h = 8 cells, interactive 2 %: binning is allowed (bound 1.6 %). With 200,000 points the exact
  // rows (~16 rows x 3 ns per point) cost less than binning plus the 201-tap disk over 2 M nodes;
  // the per-cell price (~290 cells per point) made the planner bin them.
  const KdeParams h8 = params_of(KdeKernel::quartic, 400);
  EXPECT_EQ(CpuKde::plan_for(g, h8, 200000, interactive).path, CpuKde::Path::splat);
  // With the 1.28 M FGJ points binning is cheaper, and is still what the interactive map uses.
  EXPECT_EQ(CpuKde::plan_for(g, h8, 1282913, interactive).path, CpuKde::Path::binned);
  // The default 1 % limit refuses binning at h = 8 (1.6 %) whatever the cost.
  EXPECT_EQ(CpuKde::plan_for(g, h8, 1282913, CpuKde::Options{}).path, CpuKde::Path::splat);
  // h = 25 cells: binning's bound is 0.16 %, but its disk has ~1,960 taps per node, while the
  // exact rows cost ~50 rows per point: exact and cheaper, even with 1.28 M points.
  const KdeParams h25 = params_of(KdeKernel::quartic, 1250);
  EXPECT_EQ(CpuKde::plan_for(g, h25, 1282913, CpuKde::Options{}).path, CpuKde::Path::splat);
  // The gaussian is unchanged: σ = 8 cells bins (bound 0.39 %) for a million points.
  const KdeParams s8 = params_of(KdeKernel::gaussian, 400);
  EXPECT_EQ(CpuKde::plan_for(g, s8, 1000000, CpuKde::Options{}).path, CpuKde::Path::binned);
}

TEST(KdePlan, HugeBandwidthsAreClampedNotWrapped) {
  for (const KdeKernel k : {KdeKernel::gaussian, KdeKernel::quartic}) {
    for (const double bandwidth : {1e12, 1e18, 1e300, std::numeric_limits<double>::max()}) {
      const KdeGeometry g = kde_geometry(small_grid(1), params_of(k, bandwidth));
      EXPECT_EQ(g.radius_cells, kMaxKdeRadiusCells) << bandwidth;
      EXPECT_EQ(g.coarsen, kMaxKdeCoarsen) << bandwidth;
      EXPECT_GE(g.binned_radius, 1) << bandwidth;
      EXPECT_LE(g.binned_radius, kMaxKdeRadiusCells) << bandwidth;
      EXPECT_GE(g.binned_error, 0) << bandwidth;
    }
  }
  EXPECT_EQ(kde_radius_cells(KdeKernel::gaussian, std::numeric_limits<double>::infinity()),
            kMaxKdeRadiusCells);
  EXPECT_EQ(kde_coarsen_factor(KdeKernel::gaussian, std::numeric_limits<double>::infinity()),
            kMaxKdeCoarsen);
  // 1e12 m on 30 m cells (a city-wide render): coarsened to the limit, s stays near 31 cells.
  const KdeGeometry r = kde_geometry(small_grid(30), params_of(KdeKernel::gaussian, 1e12));
  EXPECT_EQ(r.coarsen, kMaxKdeCoarsen);
  EXPECT_EQ(r.binned_radius, static_cast<int>(std::ceil(4 * 1e12 / 30 / kMaxKdeCoarsen)));
}

// With σ = 1e12 m every cell of a 1.4 km grid is at distance ~0 of every point, so the density is
// n K(0) everywhere: exactly the partner-safe floor of n incidents' peak, never zero.
TEST(KdePlan, HugeBandwidthDensityKeepsThePartnerSafeFloor) {
  const GridSpec grid = small_grid(30);
  std::vector<double> x, y;
  for (int i = 0; i < 7; ++i) {
    x.push_back(grid.xmin + 100 + 150 * i);
    y.push_back(grid.ymax - 200 - 90 * i);
  }
  const PointSet pts{x, y, {}};
  for (const KdeKernel k : {KdeKernel::gaussian, KdeKernel::quartic}) {
    const KdeParams p = params_of(k, 1e12);
    const double peak_of_all = 7 * p.kernel_value(0) * p.output_scale();
    ASSERT_GT(peak_of_all, 0);
    for (const CpuKde::Path path : {CpuKde::Path::automatic, CpuKde::Path::splat}) {
      CpuKde::Options o;
      o.path = path;
      o.threads = 2;
      CpuKde kde(o);
      const std::vector<float> d = kde.compute(pts, grid, p);
      EXPECT_LE(kde.last_plan().radius_cells, kMaxKdeRadiusCells);
      ASSERT_EQ(d.size(), grid.cells());
      for (size_t i = 0; i < d.size(); i += 97)
        EXPECT_NEAR(d[i], peak_of_all, 0.01 * peak_of_all) << kde_kernel_name(k) << " cell " << i;
      // The floor of k = 5 incidents (scene_protection: k K(0) scale) is below every cell here.
      const double floor5 = 5 * p.kernel_value(0) * p.output_scale();
      EXPECT_GT(*std::min_element(d.begin(), d.end()), floor5);
    }
  }
}

TEST(KdePlan, AbsurdBandwidthsGiveFiniteGridsOrAUsageError) {
  const GridSpec grid = small_grid(1);
  const std::vector<double> x{grid.xmin + 5}, y{grid.ymax - 5};
  for (const double bandwidth : {1e20, 1e300}) {
    CpuKde kde;
    try {
      const std::vector<float> d = kde.compute(PointSet{x, y, {}}, grid,
                                               params_of(KdeKernel::gaussian, bandwidth));
      for (float v : d) EXPECT_TRUE(std::isfinite(v) && v >= 0) << bandwidth;
    } catch (const UsageError& e) {
      EXPECT_NE(std::string(e.what()).find("--cell"), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace faro
