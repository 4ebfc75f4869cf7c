// The background density: the worker's grid equals a direct CpuKde of the same filtered points
// (and the slow reference sum at a few cells), requests are debounced to the newest one, and the
// UI thread never waits unless it asks to.
#include <gtest/gtest.h>

#include <chrono>
#include <numeric>

#include "app/density_worker.hpp"
#include "app_test_util.hpp"

namespace faro::app {
namespace {

using namespace std::chrono_literals;

// A job over `rows` of the demo data (a snapshot built by hand: any subset, as a filter would).
DensityJob demo_job(const std::shared_ptr<const Workspace>& ws, std::vector<uint32_t> rows) {
  auto filtered = std::make_shared<FilterResult>();
  filtered->rows = std::move(rows);
  auto snap = std::make_shared<DataSnapshot>();
  snap->data = ws;
  snap->filtered = std::move(filtered);
  DensityJob job;
  job.snapshot = std::move(snap);
  job.grid = GridSpec::covering(ws->extent.grown(700), 100.0);  // room for the kernels
  job.params.kernel = KdeKernel::quartic;
  job.params.bandwidth_m = 700;  // 7 cells: the interactive binned path
  return job;
}

TEST(DensityWorker, FilteredRowsGiveTheDensityOfThoseRowsOnly) {
  const auto ws = faro_test::demo_workspace();
  // Every third incident, as a filter would select.
  std::vector<uint32_t> rows;
  for (uint32_t r = 0; r < ws->incidents.size(); r += 3) rows.push_back(r);
  const DensityJob job = demo_job(ws, rows);
  CpuKde kde;
  const DensityResult got = compute_density(job, kde);
  ASSERT_TRUE(got.error.empty()) << got.error;
  EXPECT_EQ(got.points, rows.size());
  ASSERT_EQ(got.density.size(), job.grid.cells());
  // Independent check: the exact direct sum over the same points at a few cells, within the 2 %
  // of one point's peak the interactive binning allows (plus float rounding).
  std::vector<double> x, y;
  for (uint32_t r : rows) x.push_back(ws->incidents.x[r]), y.push_back(ws->incidents.y[r]);
  const PointSet points{x, y, {}};
  const double peak = job.params.kernel_value(0) * job.params.output_scale();
  size_t busiest = static_cast<size_t>(
      std::max_element(got.density.begin(), got.density.end()) - got.density.begin());
  for (size_t cell : {busiest, job.grid.cells() / 2, job.grid.cells() / 3}) {
    const int col = static_cast<int>(cell % job.grid.nx), row = static_cast<int>(cell / job.grid.nx);
    const double ref = reference_density_at(points, job.params, job.grid.center_x(col),
                                            job.grid.center_y(row));
    EXPECT_NEAR(got.density[cell], ref, 0.02 * peak + 1e-4 * ref) << "cell " << cell;
  }
  // The total mass is the number of points (the grid reaches past the data by the bandwidth).
  const double mass = std::accumulate(got.density.begin(), got.density.end(), 0.0) *
                      job.grid.cell_area_km2();
  EXPECT_NEAR(mass, static_cast<double>(rows.size()), 0.02 * rows.size());
  // The auto colour domain is the 99th percentile of the non-zero cells.
  EXPECT_FLOAT_EQ(got.auto_domain.max, nonzero_percentile(got.density, 99.0));
}

TEST(DensityWorker, DebouncesToTheNewestRequest) {
  const auto ws = faro_test::demo_workspace();
  DensityWorker worker(50ms);
  std::vector<uint32_t> all(ws->incidents.size());
  std::iota(all.begin(), all.end(), 0u);
  for (uint64_t g = 1; g <= 5; ++g) {
    DensityJob job = demo_job(ws, all);
    job.generation = g;
    worker.request(std::move(job));  // returns at once: the UI thread never waits
  }
  EXPECT_TRUE(worker.busy());
  ASSERT_TRUE(worker.wait_idle(60s));
  std::optional<DensityResult> r = worker.take_result();
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->generation, 5u);  // the four earlier requests were replaced before they started
  EXPECT_FALSE(worker.take_result().has_value());
  EXPECT_FALSE(worker.busy());
}

TEST(DensityWorker, ABadGridIsAnErrorNotACrash) {
  const auto ws = faro_test::demo_workspace();
  DensityJob job = demo_job(ws, {0, 1, 2});
  job.params.bandwidth_m = -5;
  CpuKde kde;
  const DensityResult r = compute_density(job, kde);
  EXPECT_FALSE(r.error.empty());
  EXPECT_TRUE(r.density.empty());
}

}  // namespace
}  // namespace faro::app
