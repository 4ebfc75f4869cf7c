// GpuKde on the real FGJ homicide/firearm points (2019) around the historic centre, where one
// default location stacks hundreds of reports: both kernels against CpuKde's exact splat.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/kde.hpp"
#include "gl_test_support.hpp"
#include "io/incident_loader.hpp"
#include "render/gpu_kde.hpp"
#include "test_support.hpp"

namespace faro::render {
namespace {

TEST(GpuKdeRealData, Fgj2019CentreWithinOnePercentOfPeak) {
  FARO_REQUIRE_GL(gl);
  FARO_REQUIRE_SHARED(csv, "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv");
  io::IncidentSourceOptions opts;
  opts.from = days_from_civil(2019, 1, 1) * kSecondsPerDay;
  opts.to_exclusive = days_from_civil(2020, 1, 1) * kSecondsPerDay;
  opts.use_cache = false;
  io::IncidentLoadContext ctx;
  ctx.work_srs = "EPSG:32614";
  const io::IncidentLoadResult r = io::load_incidents(csv, opts, ctx);
  ASSERT_GT(r.store.size(), 1000u);
  const PointSet pts = point_set(r.store);
  // 8 km x 8 km around the Zócalo (486017, 2148700).
  const GridSpec grid = GridSpec::covering({482000, 2144700, 490000, 2152700}, 40);
  for (KdeKernel kernel : {KdeKernel::gaussian, KdeKernel::quartic}) {
    KdeParams params;
    params.kernel = kernel;
    params.bandwidth_m = kernel == KdeKernel::gaussian ? 200 : 400;  // 5 and 10 cells
    params.period_years = 1;
    GpuKde gpu;
    const std::vector<float> got = gpu.compute(pts, grid, params);
    ASSERT_TRUE(gpu.last_used_gpu()) << kde_kernel_name(kernel);
    CpuKde::Options exact;
    exact.path = CpuKde::Path::splat;
    const std::vector<float> want = CpuKde(exact).compute(pts, grid, params);
    const float peak = *std::max_element(want.begin(), want.end());
    double worst = 0;
    for (size_t i = 0; i < want.size(); ++i)
      worst = std::max(worst, double(std::abs(got[i] - want[i])));
    EXPECT_LT(worst, 0.01 * peak) << kde_kernel_name(kernel) << ": peak " << peak << ", worst "
                                  << worst;
  }
}

}  // namespace
}  // namespace faro::render
