// GPU KDE against the exact reference sum, and the heatmap layer's colours at known pixels.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "core/kde.hpp"
#include "gl_test_support.hpp"
#include "render/gpu_kde.hpp"
#include "render/heatmap_layer.hpp"
#include "render/map_renderer.hpp"

namespace faro::render {
namespace {

struct Cloud {
  std::vector<double> x, y;
  PointSet set() const { return {x, y, {}}; }
};

// A tight cluster around (cx, cy) plus uniform background over a 4 km square.
Cloud cluster_cloud(double cx, double cy) {
  Cloud c;
  std::mt19937 rng(7);
  std::normal_distribution<double> n(0, 150);
  std::uniform_real_distribution<double> u(500000, 504000);
  std::uniform_real_distribution<double> v(2100000, 2104000);
  for (int i = 0; i < 400; ++i) {
    c.x.push_back(cx + n(rng));
    c.y.push_back(cy + n(rng));
  }
  for (int i = 0; i < 300; ++i) {
    c.x.push_back(u(rng));
    c.y.push_back(v(rng));
  }
  return c;
}

TEST(GpuKde, MatchesReferenceWithinOnePercentOfPeak) {
  FARO_REQUIRE_GL(gl);
  const Cloud c = cluster_cloud(501200, 2102900);
  GridSpec grid = GridSpec::covering({500000, 2100000, 504000, 2104000}, 25);
  KdeParams params;
  params.bandwidth_m = 200;  // 8 cells: binning error bound 1/(4*64) = 0.4 % of one point's peak
  params.period_years = 2;
  GpuKde gpu;
  const std::vector<float> got = gpu.compute(c.set(), grid, params);
  ASSERT_TRUE(gpu.last_used_gpu());
  const std::vector<double> want = reference_kde(c.set(), grid, params);
  ASSERT_EQ(got.size(), want.size());
  const double peak = *std::max_element(want.begin(), want.end());
  ASSERT_GT(peak, 0);
  double worst = 0;
  for (size_t i = 0; i < want.size(); ++i) worst = std::max(worst, std::abs(got[i] - want[i]));
  EXPECT_LT(worst, 0.01 * peak) << "peak " << peak;
}

TEST(GpuKde, QuarticMatchesReferenceWithinOnePercentOfPeak) {
  FARO_REQUIRE_GL(gl);
  const Cloud c = cluster_cloud(502000, 2102000);
  GridSpec grid = GridSpec::covering({500000, 2100000, 504000, 2104000}, 50);
  KdeParams params;
  params.kernel = KdeKernel::quartic;
  params.bandwidth_m = 600;  // H = 12 cells: binning error bound 1/144 = 0.7 % of a point's peak
  GpuKde gpu;
  const std::vector<float> got = gpu.compute(c.set(), grid, params);
  EXPECT_TRUE(gpu.last_used_gpu());
  const std::vector<double> want = reference_kde(c.set(), grid, params);
  const double peak = *std::max_element(want.begin(), want.end());
  for (size_t i = 0; i < want.size(); ++i) ASSERT_NEAR(got[i], want[i], 0.01 * peak) << i;
}

TEST(GpuKde, VeryWideQuarticFallsBackToCpu) {
  FARO_REQUIRE_GL(gl);
  const Cloud c = cluster_cloud(502000, 2102000);
  GridSpec grid = GridSpec::covering({500000, 2100000, 504000, 2104000}, 10);
  KdeParams params;
  params.kernel = KdeKernel::quartic;
  params.bandwidth_m = 3000;  // 300 cells: a 601 x 601 stencil per cell
  GpuKde gpu;
  const std::vector<float> got = gpu.compute(c.set(), grid, params);
  EXPECT_FALSE(gpu.last_used_gpu());
  CpuKde cpu;
  EXPECT_EQ(got, cpu.compute(c.set(), grid, params));
}

TEST(GpuKde, WeightsAndPointsOutsideTheGridCount) {
  FARO_REQUIRE_GL(gl);
  // One point 300 m west of the grid, weight 3: its kernel reaches in; the reference agrees.
  std::vector<double> x{499700, 501000}, y{2101000, 2101000};
  std::vector<float> w{3.0f, 0.5f};
  const PointSet pts{x, y, w};
  GridSpec grid = GridSpec::covering({500000, 2100000, 502000, 2102000}, 20);
  KdeParams params;
  params.bandwidth_m = 200;
  GpuKde gpu;
  const std::vector<float> got = gpu.compute(pts, grid, params);
  ASSERT_TRUE(gpu.last_used_gpu());
  const std::vector<double> want = reference_kde(pts, grid, params);
  const double peak = *std::max_element(want.begin(), want.end());
  for (size_t i = 0; i < want.size(); ++i) ASSERT_NEAR(got[i], want[i], 0.01 * peak) << i;
}

TEST(GpuKde, NarrowKernelOnACoarseGridGoesToTheExactCpuSplat) {
  FARO_REQUIRE_GL(gl);
  // 261 reports stacked at one point (like FGJ's default location) and h = 9 cells: binning would
  // ring by 261/81 single-point peaks at the rim; the exact splat does not.
  std::vector<double> x(261, 501000.3), y(261, 2101000.7);
  const PointSet pts{x, y, {}};
  GridSpec grid = GridSpec::covering({500000, 2100000, 502000, 2102000}, 44);
  KdeParams params;
  params.kernel = KdeKernel::quartic;
  params.bandwidth_m = 400;
  GpuKde gpu;
  const std::vector<float> got = gpu.compute(pts, grid, params);
  EXPECT_FALSE(gpu.last_used_gpu());
  const std::vector<double> want = reference_kde(pts, grid, params);
  const double peak = *std::max_element(want.begin(), want.end());
  for (size_t i = 0; i < want.size(); ++i) ASSERT_NEAR(got[i], want[i], 0.001 * peak) << i;
}

TEST(GpuKde, BackendSelection) {
  EXPECT_TRUE(is_software_renderer("llvmpipe (LLVM 15.0.6, 256 bits)"));
  EXPECT_TRUE(is_software_renderer("SwiftShader Device"));
  EXPECT_FALSE(is_software_renderer("NVIDIA H100/PCIe/SSE2"));
  EXPECT_EQ(make_density_estimator(KdeBackend::automatic, "llvmpipe")->name(), "cpu");
  EXPECT_EQ(make_density_estimator(KdeBackend::automatic, "NVIDIA H100")->name(), "gpu");
  EXPECT_EQ(make_density_estimator(KdeBackend::gpu, "llvmpipe")->name(), "gpu");
  EXPECT_EQ(make_density_estimator(KdeBackend::cpu, "NVIDIA")->name(), "cpu");
}

TEST(HeatmapLayer, PeakLandsAtTheClusterPixelAndLowDensityIsTransparent) {
  FARO_REQUIRE_GL(gl);
  const double cx = 501200, cy = 2102900;
  const Cloud c = cluster_cloud(cx, cy);
  GridSpec grid = GridSpec::covering({500000, 2100000, 504000, 2104000}, 20);
  KdeParams params;
  params.bandwidth_m = 150;
  CpuKde cpu;
  const std::vector<float> density = cpu.compute(c.set(), grid, params);
  HeatmapStyle style;
  style.colormap = ColormapName::viridis;
  style.domain = resolve_color_domain({}, density);
  style.transparent_below = style.domain.max * 0.05f;
  style.opacity = 1.0f;
  style.ramp_fraction = 0.0f;
  Camera camera = Camera::fit(grid.extent(), 400, 400);
  HeatmapLayer layer(grid, density, style);
  MapRenderOptions opts;
  opts.samples = 0;
  const RgbaImage img = render_map({&layer}, camera, opts);

  // The brightest colour (viridis top = yellow: highest r + g - b; white scores lower) covers a
  // saturated plateau (the domain max is a percentile) centred on the cluster.
  int best = -1;
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) {
      const Rgba8 p = img.at(x, y);
      best = std::max(best, p.r + p.g - p.b);
    }
  double sx = 0, sy = 0, n = 0;
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) {
      const Rgba8 p = img.at(x, y);
      if (p.r + p.g - p.b >= best - 2) sx += x + 0.5, sy += y + 0.5, n += 1;
    }
  ASSERT_GT(n, 0);
  const Vec2 expect = camera.world_to_pixel({cx, cy});
  EXPECT_NEAR(sx / n, expect.x, 4);
  EXPECT_NEAR(sy / n, expect.y, 4);
  // Saturated (>= domain max) at the peak: the colormap's top colour.
  const Rgb top = colormap_table(ColormapName::viridis)[255];
  const Rgba8 peak = img.at(static_cast<int>(expect.x), static_cast<int>(expect.y));
  EXPECT_NEAR(peak.r, top.r, 3);
  EXPECT_NEAR(peak.g, top.g, 3);
  // A far corner has low density: the white background shows through.
  const Vec2 corner = camera.world_to_pixel({503900, 2100100});
  EXPECT_EQ(img.at(static_cast<int>(corner.x), static_cast<int>(corner.y)),
            (Rgba8{255, 255, 255, 255}));
}

}  // namespace
}  // namespace faro::render
