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
